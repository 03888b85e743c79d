import { HttpServerError } from "@facility-sdk/http-core";
import { describe, expect, it } from "vitest";
import { AuthenticationError, PpmsConnection, type PpmsConnectionOptions } from "../src/index.js";
import { userAnswer, type ScriptedAnswer, type ScriptedPumapi } from "./helpers/fake-pumapi.js";
import { useScriptedPumapi } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

const API_KEY = "transport-Key-19af20";
const PASSWORD = "Pa55-word-never-shown";
const FAST_RETRY = { limit: 2, backoff: { initialMs: 1, factor: 1, maxMs: 2, jitter: "none" as const } };

const pumapi = useScriptedPumapi({ apiKey: API_KEY, retry: FAST_RETRY });

const LOGINS = Array.from({ length: 24 }, (_, i) => `user${String(i).padStart(2, "0")}`);

function standard(form: Record<string, string>, count: number): ScriptedAnswer {
  switch (form.action) {
    case "auth":
      return { body: "OK" };
    case "getusers":
      return { body: LOGINS.join("\r\n") + "\r\n" };
    case "getuser":
      if (form.login === "flaky" && count === 1) return { status: 503, body: "busy" };
      return { body: userAnswer(form.login ?? "x"), delayMs: 25 };
    case "setright":
    case "newuser":
      return { status: 503, body: "busy" };
    default:
      return { status: 404, body: "unknown action" };
  }
}

async function setup(extra: PpmsConnectionOptions = {}) {
  const server = await pumapi.start(standard);
  return { server, ppms: await pumapi.connect({ baseUrl: server.url, ...extra }) };
}

const count = (server: ScriptedPumapi, action: string): number => server.forms.filter((f) => f.action === action).length;

describe("transport: retries, concurrency, secrets", () => {
  it("retries a read action on a transient 503", async () => {
    const { server, ppms } = await setup();
    expect((await ppms.getUser("flaky")).username).toBe("flaky");
    expect(server.forms.filter((f) => f.login === "flaky")).toHaveLength(2);
  });

  it("never retries a write (setright, newuser)", async () => {
    const { server, ppms } = await setup();
    await expect(ppms.setSystemBookingPermissions("jdoe", 31, "A")).rejects.toBeInstanceOf(HttpServerError);
    expect(count(server, "setright")).toBe(1);
    await expect(
      ppms.newUser({ login: "n", lname: "N", fname: "M", email: "n@lab.example", ppmsGroup: "g", password: PASSWORD }, { overwrite: true }),
    ).rejects.toBeInstanceOf(HttpServerError);
    expect(count(server, "newuser")).toBe(1);
  });

  it("fetches users with bounded concurrency (default 8) and reports progress", async () => {
    const { server, ppms } = await setup();
    const progress: { done: number; total: number }[] = [];
    const users = await ppms.getUsers({ onProgress: (p) => progress.push({ done: p.done, total: p.total }) });
    expect(users.size).toBe(LOGINS.length);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(progress).toHaveLength(LOGINS.length);
    expect(progress.at(-1)).toEqual({ done: LOGINS.length, total: LOGINS.length });
    // Users land in the in-memory cache in input order, whatever order the answers came in.
    expect([...users.keys()]).toEqual(LOGINS);
  });

  it("honours a smaller concurrency per call and per connection", async () => {
    const a = await setup();
    await a.ppms.updateUsers({ concurrency: 3 });
    expect(a.server.maxInFlight).toBeLessThanOrEqual(3);
    const b = await setup({ concurrency: 1 });
    await b.ppms.getUsersEmails({ users: LOGINS.slice(0, 6) });
    expect(b.server.maxInFlight).toBe(1);
  });

  it("stops a bulk call when its signal aborts", async () => {
    const { server, ppms } = await setup({ concurrency: 2 });
    const controller = new AbortController();
    const pending = ppms.getUsers({ signal: controller.signal, onProgress: (p) => p.done >= 2 && controller.abort() });
    await expect(pending).rejects.toThrow();
    expect(count(server, "getuser")).toBeLessThan(LOGINS.length);
  });

  it("never puts the API key or a password in logs or errors", async () => {
    const { logger, text } = captureLogger();
    const { ppms } = await setup({ logger, logLevel: "debug" });
    await ppms.getUsers();
    const errors: unknown[] = [];
    await ppms.setSystemBookingPermissions("jdoe", 31, "A").catch((e: unknown) => errors.push(e));
    await ppms
      .newUser({ login: "n", lname: "N", fname: "M", email: "n@lab.example", ppmsGroup: "g", password: PASSWORD })
      .catch((e: unknown) => errors.push(e));
    await ppms.request("nosuchaction").catch((e: unknown) => errors.push(e));
    expect(errors).toHaveLength(3);
    const everything = [text(), ...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack ?? ""}`)].join("\n");
    expect(everything.length).toBeGreaterThan(100);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(PASSWORD);
  });

  it("HTTP 401/403 on auth is an AuthenticationError", async () => {
    const server = await pumapi.start(() => ({ status: 403, body: "Forbidden" }));
    await expect(PpmsConnection.connect({ baseUrl: server.url, apiKey: API_KEY, retry: FAST_RETRY })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});
