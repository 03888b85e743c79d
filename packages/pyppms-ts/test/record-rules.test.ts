import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AuthenticationError, PumapiActionError, PumapiUnexpectedAnswerError } from "../src/index.js";
import { userAnswer, type ScriptedAnswer } from "./helpers/fake-pumapi.js";
import { filesUnder } from "./helpers/files.js";
import { useScriptedPumapi } from "./helpers/harness.js";

const API_KEY = "record-Key-3e81aa";
const HTML = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>\n";

const pumapi = useScriptedPumapi({ apiKey: API_KEY });
const { connect } = pumapi;

/** A server answering `answer` for every action but `auth`, and a record-missing connection to it. */
async function setup(answer: (form: Record<string, string>) => ScriptedAnswer) {
  const dir = join(pumapi.tempDir("pyppms-ts-record-"), "cache");
  const { server, ppms, sent: calls } = await pumapi.setup(answer, { cache: { dir, mode: "record-missing" }, retry: { limit: 0 } });
  return { server, ppms, dir, calls };
}

describe("record-missing records an answer only after it was checked and parsed", () => {
  const rejected: [string, ScriptedAnswer, new (...args: never[]) => Error][] = [
    ["an 'error: ...' answer", { body: "error: internal database error\r\n" }, PumapiActionError],
    ["an HTML page with HTTP 200", { body: HTML }, PumapiUnexpectedAnswerError],
    ["'request not authorized' with HTTP 200", { body: "request not authorized\r\n" }, AuthenticationError],
  ];

  it.each(rejected)("%s leaves the cache empty, and the next call asks the server again", async (_name, reply, errorClass) => {
    const { ppms, dir, calls } = await setup(() => reply);
    await expect(ppms.getGroups()).rejects.toBeInstanceOf(errorClass);
    await expect(ppms.getGroups()).rejects.toBeInstanceOf(errorClass);
    expect(filesUnder(dir)).toEqual([]);
    expect(calls("getgroups")).toBe(2);
  });

  it("an answer that does not parse is not recorded either", async () => {
    const { ppms, dir, calls } = await setup(() => ({ body: "Core facility ref,System id\r\n2,abc\r\n" }));
    const strict = await connect({ baseUrl: ppms.baseUrl, apiKey: API_KEY, cache: { dir, mode: "record-missing" }, strict: true });
    await expect(strict.getSystems()).rejects.toMatchObject({ action: "getsystems" });
    expect(filesUnder(dir)).toEqual([]);
    expect(calls("getsystems")).toBe(1);
  });

  it("an accepted answer is recorded and then answered from the cache; skipCache asks again and records", async () => {
    const { ppms, dir, calls } = await setup((form) => ({ body: form.action === "getuser" ? userAnswer(form.login ?? "x") : "" }));
    await ppms.getUser("jdoe");
    expect(filesUnder(dir).map((f) => f.slice(dir.length + 1))).toEqual([join("getuser", "login--jdoe.txt")]);
    await ppms.getUserDict("jdoe");
    expect(calls("getuser")).toBe(1);
    expect(ppms.lastServedFromCache).toBe(true);
    await ppms.getUser("jdoe", { skipCache: true });
    expect(calls("getuser")).toBe(2);
    expect(ppms.lastServedFromCache).toBe(false);
  });

  it("giveUserAccessToSystem called 3 times reaches the server 3 times (writes are never answered from the cache)", async () => {
    const { ppms, dir, calls } = await setup((form) => ({ body: form.action === "setright" ? "done\r\n" : "" }));
    for (let i = 0; i < 3; i++) expect(await ppms.giveUserAccessToSystem("bkovac", 31)).toBe(true);
    expect(calls("setright")).toBe(3);
    // The accepted answer is recorded, for replay.
    expect(filesUnder(dir).map((f) => f.slice(dir.length + 1))).toEqual([join("setright", "id--31__login--bkovac__type--A.txt")]);
  });

  it("a refused setright answers false and is not recorded", async () => {
    const { ppms, dir, calls } = await setup(() => ({ body: "error: invalid user nobody\r\n" }));
    expect(await ppms.setSystemBookingPermissions("nobody", 31, "A")).toBe(false);
    expect(await ppms.setSystemBookingPermissions("nobody", 31, "A")).toBe(false);
    expect(calls("setright")).toBe(2);
    expect(filesUnder(dir)).toEqual([]);
  });

  it("request() hands an error text back but never records it", async () => {
    const { ppms, dir } = await setup(() => ({ body: "error: invalid action nosuch\r\n" }));
    expect((await ppms.request("nosuch")).text).toBe("error: invalid action nosuch\r\n");
    expect(filesUnder(dir)).toEqual([]);
  });

  it("auth is never recorded", async () => {
    const { dir } = await setup(() => ({ body: "" }));
    expect(filesUnder(dir)).toEqual([]);
  });
});
