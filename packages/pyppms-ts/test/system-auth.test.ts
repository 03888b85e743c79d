import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { RunningFakePumapi } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { AuthenticationError, PpmsAuthScopeError, PpmsInvalidArgumentError, SYSTEM_AUTH_ACTIONS } from "../src/index.js";
import { filesUnder } from "./helpers/files.js";
import { useFakePumapi } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

// System authentication: PUMAPI's `id` + `code` instead of an API key, for getbooking/nextbooking.
// The code is a secret: never in a cache file name, a recorded body, a log line or an error.

const NOW = new Date(2030, 2, 14, 9, 0);
const CODE_31 = "sys31-Secret-Code";
const CODE_33 = "sys33-Other-Code";
const pumapi = useFakePumapi(NOW, { now: () => NOW });
const { connect } = pumapi;
const server = (): Promise<RunningFakePumapi> => pumapi.start({ systemCodes: { 31: CODE_31, 33: CODE_33 } });
const failure = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => expect.unreachable("should fail"), (e: unknown) => e);

describe("a connection with system credentials only", () => {
  it("sends no auth, and reads the system's bookings with id + code and no apikey", async () => {
    const fake = await server();
    const ppms = await connect({ baseUrl: fake.url, system: { id: 31, code: CODE_31 } });
    expect(ppms.status.authState).toBe("SYSTEM");
    expect(ppms.offline).toBe(false);
    expect(await ppms.getCurrentBooking(31)).toMatchObject({ username: "jdoe", session: "12345" });
    expect(await ppms.getNextBooking("31")).toMatchObject({ username: "amueller", endtime: null });
    expect((await ppms.request("getbooking", { id: 31 })).text).toBe("jdoe\r\n210\r\n12345\r\n");
    expect(fake.requests.map((r) => r.action)).toEqual(["getbooking", "nextbooking", "getbooking"]);
    for (const r of fake.requests) {
      expect(r.form).toEqual({ action: r.action, id: "31", code: "***" });
      expect(r.form).not.toHaveProperty("apikey");
    }
    expect(SYSTEM_AUTH_ACTIONS).toEqual(["getbooking", "nextbooking"]);
  });

  it("any other action, or another system, fails locally with PpmsAuthScopeError, before anything is sent", async () => {
    const fake = await server();
    const ppms = await connect({ baseUrl: fake.url, system: { id: 31, code: CODE_31 } });
    const calls: [() => Promise<unknown>, string][] = [
      [() => ppms.getUsers(), "getusers"],
      [() => ppms.getUser("jdoe"), "getuser"],
      [() => ppms.getSystems(), "getsystems"],
      [() => ppms.giveUserAccessToSystem("jdoe", 31), "setright"],
      [() => ppms.getRunningSheet(2, "2030-03-14"), "getrunningsheet"],
      [() => ppms.request("getgroups"), "getgroups"],
      [() => ppms.getCurrentBooking(33), "getbooking"],
    ];
    for (const [call, action] of calls) {
      const error = await failure(call());
      expect(error, action).toBeInstanceOf(PpmsAuthScopeError);
      expect(error, action).toBeInstanceOf(PpmsInvalidArgumentError);
      expect(error, action).toMatchObject({ name: "PpmsAuthScopeError", field: "action", action, operation: `PUMAPI ${action}` });
      expect((error as Error).message).not.toContain(CODE_31);
    }
    expect((await failure(ppms.getUserIds())) as Error).toHaveProperty("message", expect.stringMatching(/only for getbooking, nextbooking/));
    expect((await failure(ppms.getCurrentBooking(33))) as Error).toHaveProperty("message", expect.stringMatching(/those of system 31, not of system 33/));
    expect(fake.requests).toEqual([]);
  });

  it("a wrong code is an AuthenticationError that does not show the code", async () => {
    const fake = await server();
    const { logger, text } = captureLogger();
    const ppms = await connect({ baseUrl: fake.url, system: { id: 31, code: "wrong-code-1234" }, logger, logLevel: "debug" });
    const error = await failure(ppms.getCurrentBooking(31));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ action: "getbooking", operation: "PUMAPI getbooking" });
    expect(JSON.stringify(error)).not.toContain("wrong-code-1234");
    expect(String((error as Error).stack)).not.toContain("wrong-code-1234");
    expect(text()).not.toContain("wrong-code-1234");
  });

  it("the code never reaches logs, cache file names or recorded bodies", async () => {
    const fake = await server();
    const dir = pumapi.tempDir("pyppms-sysauth-");
    const { logger, text } = captureLogger();
    const ppms = await connect({ baseUrl: fake.url, system: { id: 31, code: CODE_31 }, cache: { dir, mode: "record-all" }, logger, logLevel: "debug" });
    await ppms.getCurrentBooking(31);
    await ppms.getNextBooking(31);
    const files = filesUnder(dir).map((f) => relative(dir, f));
    expect(files.sort()).toEqual([join("getbooking", "id--31.txt"), join("nextbooking", "id--31.txt")]);
    for (const file of files) expect(readFileSync(join(dir, file), "utf8")).not.toContain(CODE_31);
    expect(text()).toContain("getbooking");
    expect(text()).not.toContain(CODE_31);
  });

  it("bad system options fail before any request, naming the field and never showing the code", async () => {
    const fake = await server();
    await expect(connect({ baseUrl: fake.url, apiKey: fake.apiKey, system: { id: 31, code: CODE_31 } })).rejects.toMatchObject({ field: "options.system" });
    await expect(connect({ baseUrl: fake.url, system: { id: "x31", code: CODE_31 } })).rejects.toMatchObject({ field: "options.system.id" });
    const noCode = await failure(connect({ baseUrl: fake.url, system: { id: 31, code: "" } }));
    expect(noCode).toMatchObject({ field: "options.system.code" });
    const notString = await failure(connect({ baseUrl: fake.url, system: { id: 31, code: 1234 as unknown as string } }));
    expect(notString).toMatchObject({ field: "options.system.code" });
    expect((notString as Error).message).not.toContain("1234");
    expect(fake.requests).toEqual([]);
  });
});

describe("system credentials per call", () => {
  it("on a keyed connection, getBooking({ system }) sends id + code instead of the key", async () => {
    const fake = await server();
    const ppms = await connect({ baseUrl: fake.url, apiKey: fake.apiKey });
    expect(await ppms.getBooking(33, "next", { system: { id: 33, code: CODE_33 } })).toMatchObject({ username: "bkovac", session: "12344" });
    expect(await ppms.getCurrentBooking(31, { system: { id: "31", code: CODE_31 } })).toMatchObject({ username: "jdoe" });
    const booking = fake.requests.filter((r) => r.action === "nextbooking" || r.action === "getbooking");
    expect(booking.map((r) => r.form)).toEqual([
      { action: "nextbooking", id: "33", code: "***" },
      { action: "getbooking", id: "31", code: "***" },
    ]);
    // the key still serves the other calls
    expect((await ppms.getSystems()).size).toBe(4);
  });

  it("credentials of another system, or bad ones, fail before sending", async () => {
    const fake = await server();
    const ppms = await connect({ baseUrl: fake.url, apiKey: fake.apiKey });
    const before = fake.requests.length;
    await expect(ppms.getCurrentBooking(31, { system: { id: 33, code: CODE_33 } })).rejects.toBeInstanceOf(PpmsAuthScopeError);
    await expect(ppms.getCurrentBooking(31, { system: { id: 31, code: " " } })).rejects.toMatchObject({ field: "system.code" });
    expect(fake.requests.length).toBe(before);
  });

  it("offline, a per-call system replays the same recording (the code is not part of the key)", async () => {
    const { ppms } = await pumapi.stage(0);
    expect(await ppms.getCurrentBooking(31, { system: { id: 31, code: CODE_31 } })).toMatchObject({ username: "jdoe", session: "12345" });
  });
});
