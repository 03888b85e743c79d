import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, describe, expect, it } from "vitest";
import { HttpAbortError, HttpNotFoundError, InvalidArgumentError, TimeSync, TimeSyncAuthenticationError, TimeSyncNotAuthenticatedError } from "../src/index.js";

// The "first hour of a new user" issue: pymesync's list filters, calls made before an un-awaited
// authenticate() finished, and a base URL without /v0.

const PAT = { username: "pat", password: "pat-test-password" };
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function fake(basePath?: string): Promise<RunningFakeTimeSync> {
  const server = await startFakeTimeSync({
    users: [PAT],
    activities: [{ name: "Development", slug: "dev" }],
    projects: [{ name: "Website", slugs: ["web"], default_activity: "dev", users: { pat: { member: true } } }],
    times: [{ duration: 600, user: "pat", project: "web", date_worked: "2025-03-01" }],
    ...(basePath === undefined ? {} : { basePath }),
  });
  open.push(server);
  return server;
}

function client(baseUrl: string, token?: string): TimeSync {
  const ts = new TimeSync({ baseUrl, timeout: { attemptMs: 2_000, totalMs: 4_000 }, ...(token === undefined ? {} : { token }) });
  open.push(ts);
  return ts;
}

describe("pymesync-style list filters", () => {
  it("accepts a one-element list for start and end", async () => {
    const server = await fake();
    const ts = client(server.url, server.issueToken("pat"));
    const times = await ts.getTimes({ start: ["2025-03-01"], end: ["2025-03-31"], user: ["pat"] } as never);
    expect(times.map((t) => t.dateWorked)).toEqual(["2025-03-01"]);
    const sent = new URL(server.requests.at(-1)!.url, "http://x").searchParams;
    expect([sent.get("start"), sent.get("end"), sent.get("user")]).toEqual(["2025-03-01", "2025-03-31", "pat"]);
  });

  it("refuses what is ambiguous with an InvalidArgumentError naming both forms, before any request", async () => {
    const server = await fake();
    const ts = client(server.url, server.issueToken("pat"));
    const before = server.requests.length;
    const two = await ts.getTimes({ start: ["2025-03-01", "2025-03-02"] } as never).catch((e: unknown) => e);
    expect(two).toBeInstanceOf(InvalidArgumentError);
    expect(two).toMatchObject({ field: "filter.start", hint: expect.stringMatching(/start: \["2025-03-01"\].*start: "2025-03-01"/) });
    await expect(ts.getTimes({ user: "pat" } as never)).rejects.toMatchObject({ field: "filter.user", hint: expect.stringContaining('user: ["pat"]') });
    await expect(ts.getTimes({ uuid: ["x"] } as never)).rejects.toMatchObject({ field: "filter.uuid", hint: expect.stringContaining("getTime(uuid") });
    expect(server.requests.length).toBe(before);
  });
});

describe("calls made while authenticate() is still running", () => {
  it("wait for it and then use its token", async () => {
    const server = await fake();
    const ts = client(server.url);
    const login = ts.authenticate(PAT); // not awaited
    const [times, projects] = await Promise.all([ts.getTimes(), ts.getProjects()]);
    expect(times).toHaveLength(1);
    expect(projects.map((p) => p.name)).toEqual(["Website"]);
    await expect(login).resolves.toBe(ts.token);
  });

  it("say the login they waited for failed, with its error as the cause", async () => {
    const server = await fake();
    const ts = client(server.url);
    const login = ts.authenticate({ username: "pat", password: "wrong password" }).catch((e: unknown) => e);
    const error = await ts.getTimes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncNotAuthenticatedError);
    expect((error as Error).message).toMatch(/authenticate\(\) this call waited for failed/);
    expect((error as Error).cause).toBeInstanceOf(TimeSyncAuthenticationError);
    expect(await login).toBeInstanceOf(TimeSyncAuthenticationError);
    // Without any login, the message stays the plain one.
    await expect(client(server.url).getTimes()).rejects.toThrow(/call authenticate\(\) first/);
  });

  it("stop waiting when their own signal aborts", async () => {
    const server = await fake();
    const ts = client(server.url);
    const controller = new AbortController();
    const login = ts.authenticate(PAT);
    const waiting = ts.getTimes({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await waiting).toBeInstanceOf(HttpAbortError);
    await login;
  });
});

describe("a base URL without /v0", () => {
  it("gets a hint on the 404 of the unknown route", async () => {
    const server = await fake();
    const withoutVersion = server.url.replace(/\/v0$/, "");
    const error = await client(withoutVersion, server.issueToken("pat")).getTimes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpNotFoundError);
    expect((error as Error).message).toContain(`does not end in /v0`);
    expect((error as Error).message).toContain(`${withoutVersion}/v0`);
  });

  it("gets no hint when the URL ends in /v0", async () => {
    const server = await fake("/api/v0");
    const wrong = `${server.url.replace(/\/api\/v0$/, "")}/v0`;
    const error = await client(wrong, server.issueToken("pat")).getTimes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpNotFoundError);
    expect((error as Error).message).not.toContain("does not end in /v0");
  });
});
