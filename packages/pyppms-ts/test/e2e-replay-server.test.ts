import { startReplayServer, stageDirs } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { AuthenticationError, PpmsConnection, type PpmsConnectionOptions } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";
import { NOW, pumapiFixture, pumapiKey } from "./helpers/stages.js";

const API_KEY = "e2e-Secret-Key-7f3a9c";
const connections = useConnections({ apiKey: API_KEY, now: () => NOW });

type Server = Awaited<ReturnType<typeof startReplayServer>>;
const serve = async (dirs: string[]): Promise<Server> => connections.serve(await startReplayServer({ dirs, key: pumapiKey() }));
const connect = (server: Server, extra: PpmsConnectionOptions = {}): Promise<PpmsConnection> => connections.connect({ baseUrl: server.url, ...extra });

const actionsOf = (server: Server): string[] =>
  server.requests.map((r) => {
    const form = (r as { form?: Record<string, string> }).form;
    return form?.action ?? "?";
  });

describe("end to end over real sockets (test-cache replay server, stage_0)", () => {
  it("authenticates, then serves users, systems, running sheet and bookings", async () => {
    const server = await serve(stageDirs("pumapi", 0));
    const { logger, text } = captureLogger();
    const ppms = await connect(server, { logger, logLevel: "debug" });
    expect(ppms.status.authState).toBe("SUCCESS");
    expect(ppms.offline).toBe(false);
    expect(actionsOf(server)).toEqual(["auth"]);

    const users = await ppms.getUsers();
    expect(users.size).toBe(9);
    expect(ppms.lastServedFromCache).toBe(false);
    expect(actionsOf(server).filter((a) => a === "getuser")).toHaveLength(9);

    // The in-memory caches answer without new requests; skipCache asks again.
    const count = server.requests.length;
    await ppms.getUsers();
    await ppms.getUser("jdoe");
    expect(server.requests.length).toBe(count);
    await ppms.getUser("jdoe", { skipCache: true });
    expect(server.requests.length).toBe(count + 1);

    const bookings = await ppms.getRunningSheet(2, "2030-03-14");
    expect(bookings.map((b) => b.username)).toEqual(["jdoe", "amueller", "bkovac", "ops.robot", "mlee2"]);
    expect((await ppms.getCurrentBooking(31))?.endtime).toEqual(new Date(2030, 2, 14, 10, 59));
    expect(await ppms.getUsersEmails({ users: ["jdoe"] })).toEqual(["jane.doe@lab.example"]);
    expect(text()).not.toContain(API_KEY);
  });

  it("sends every call as a form POST with action and apikey", async () => {
    const server = await serve(stageDirs("pumapi", 0));
    const ppms = await connect(server);
    await ppms.getSystemRights(31);
    const last = server.requests.at(-1) as { method?: string; form?: Record<string, string> };
    expect(last.method).toBe("POST");
    expect(last.form).toMatchObject({ action: "getsysrights", id: "31" });
  });

  it("permission changes across stages: give on stage_0, visible on stage_1, removed on stage_2", async () => {
    const s0 = await serve(stageDirs("pumapi", 0));
    const p0 = await connect(s0);
    expect(await p0.giveUserAccessToSystem("bkovac", 31)).toBe(true);
    const setright = s0.requests.at(-1) as { form?: Record<string, string> };
    expect(setright.form).toMatchObject({ action: "setright", id: "31", login: "bkovac", type: "A" });

    const p1 = await connect(await serve(stageDirs("pumapi", 1)));
    expect(await p1.getUsersWithAccessToSystem(31)).toContain("bkovac");
    expect(await p1.removeUserAccessFromSystem("bkovac", 31)).toBe(true);

    const p2 = await connect(await serve(stageDirs("pumapi", 2)));
    expect(await p2.getUsersWithAccessToSystem(31)).not.toContain("bkovac");
  });

  it("an 'error' answer to auth (HTTP 200) throws AuthenticationError without the key", async () => {
    const server = await serve([pumapiFixture("mocked", "auth-error"), ...stageDirs("pumapi", 0)]);
    const error = await PpmsConnection.connect({ baseUrl: server.url, apiKey: API_KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("error: authentication failed");
    expect((error as Error).message).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(String((error as Error).stack)).not.toContain(API_KEY);
  });

  it("'request not authorized' to auth throws AuthenticationError", async () => {
    const server = await serve([pumapiFixture("mocked", "auth-not-authorized"), ...stageDirs("pumapi", 0)]);
    await expect(PpmsConnection.connect({ baseUrl: server.url, apiKey: API_KEY })).rejects.toMatchObject({
      name: "AuthenticationError",
      action: "auth",
    });
  });

  it("neither key nor cache is an error, before any request", async () => {
    await expect(PpmsConnection.connect({ baseUrl: "http://127.0.0.1:9/" })).rejects.toMatchObject({ field: "options.apiKey" });
    await expect(PpmsConnection.connect({ url: "not a url", apiKey: "k" })).rejects.toMatchObject({ field: "options.url" });
    await expect(PpmsConnection.connect({ baseUrl: "not a url", apiKey: "k" })).rejects.toMatchObject({ field: "options.baseUrl" });
  });
});
