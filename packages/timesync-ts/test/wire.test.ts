import { HttpNotFoundError, HttpServerError, HttpStatusError } from "@facility-sdk/http-core";
import { afterEach, describe, expect, it } from "vitest";
import { TimeSync, TimeSyncNotAuthenticatedError, TimeSyncResponseError, TimeSyncValidationError } from "../src/index.js";
import { type ScriptedAnswer, type SeenRequest, startScriptedServer } from "./helpers/scripted-server.js";

// Wire-level behaviour against a scripted 127.0.0.1 server: query encoding, token placement,
// parsing by body, odd answers, timeouts, validation before any request.

const TOKEN = "aGVhZGVy.cGF5+bG9hZA==.c2ln/bmF0dXJl=";
const time = (extra: Record<string, unknown> = {}) => ({
  duration: 60, user: "pat", project: ["web"], activities: ["dev"], notes: null, issue_uri: null, date_worked: "2024-05-02",
  uuid: "3f0c4e1a-1b2c-4d3e-8f90-0123456789ab", revision: 1, created_at: "2024-05-02", updated_at: null, deleted_at: null, ...extra,
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setup(answer: (req: SeenRequest) => ScriptedAnswer, options: Partial<ConstructorParameters<typeof TimeSync>[0]> = {}) {
  const server = await startScriptedServer(answer);
  const client = new TimeSync({ baseUrl: server.url, token: TOKEN, timeout: { attemptMs: 2_000, totalMs: 4_000 }, retry: { limit: 0 }, ...options });
  close = async () => {
    await client.close();
    await server.close();
  };
  return { server, client };
}

describe("requests", () => {
  it("URL-encodes the token and filters, repeats list keys and sends flags as true/false", async () => {
    const { server, client } = await setup(() => ({ body: "[]" }));
    await client.getTimes({ user: ["pat", "sam"], project: ["web"], start: "2024-05-01", end: "2024-05-31", includeRevisions: true, includeDeleted: false });
    const url = new URL(server.seen[0]!.url, "http://x");
    expect(url.pathname).toBe("/v0/times");
    expect(url.searchParams.getAll("user")).toEqual(["pat", "sam"]);
    expect(url.searchParams.get("include_revisions")).toBe("true");
    expect(url.searchParams.get("include_deleted")).toBe("false");
    expect(url.searchParams.get("token")).toBe(TOKEN);
    expect(server.seen[0]!.url).toContain(encodeURIComponent(TOKEN));
  });

  it("sends the token in the auth block for POST, with a JSON content type", async () => {
    const { server, client } = await setup(() => ({ body: JSON.stringify(time({ project: "web" })), headers: { "content-type": "text/html" } }));
    await client.createTime({ duration: 60, project: "web", user: "pat", dateWorked: "2024-05-02" });
    const req = server.seen[0]!;
    expect(req.headers["content-type"]).toContain("application/json");
    expect(new URL(req.url, "http://x").search).toBe("");
    expect(JSON.parse(req.body)).toEqual({
      auth: { type: "token", token: TOKEN },
      object: { duration: 60, project: "web", user: "pat", date_worked: "2024-05-02" },
    });
  });

  it("throws before any request on invalid input and without a token", async () => {
    const { server, client } = await setup(() => ({ body: "[]" }));
    await expect(client.updateTime("", { notes: "x" })).rejects.toMatchObject({ constructor: TimeSyncValidationError, field: "uuid" });
    await expect(client.updateProject("", { name: "x" })).rejects.toMatchObject({ field: "slug" });
    await expect(client.deleteUser("")).rejects.toMatchObject({ field: "username" });
    await expect(client.createTime({ duration: "3h", project: "web", dateWorked: "2024-05-02" })).rejects.toMatchObject({ field: "time.duration" });
    await expect(client.updateUser("pat", { username: "x" } as never)).rejects.toMatchObject({ field: "user.username" });
    await expect(client.getProject("web", { includeDeleted: true } as never)).rejects.toMatchObject({ field: "options.includeDeleted" });
    await expect(client.getTimes({ start: "2024-06-01", end: "2024-05-01" })).rejects.toMatchObject({ field: "filter.start" });
    await expect(client.updateProject("web", {})).rejects.toMatchObject({ field: "project" });
    const anonymous = new TimeSync({ baseUrl: server.url });
    await expect(anonymous.getTimes()).rejects.toBeInstanceOf(TimeSyncNotAuthenticatedError);
    expect(() => anonymous.tokenExpirationTime()).toThrow(TimeSyncNotAuthenticatedError);
    await anonymous.close();
    expect(server.seen).toHaveLength(0);
  });

  it("rejects a bad base URL and strips one trailing slash", () => {
    expect(() => new TimeSync({ baseUrl: "timesync.example.org" })).toThrow(TimeSyncValidationError);
    expect(new TimeSync({ baseUrl: "https://ts.example.org/v0/" }).baseUrl).toBe("https://ts.example.org/v0");
  });
});

describe("answers", () => {
  it("parses JSON by body even when labelled text/html, and normalises a numeric created_at", async () => {
    const created = Date.UTC(2024, 4, 2, 12);
    const { client } = await setup(() => ({
      headers: { "content-type": "text/html; charset=utf-8" },
      body: JSON.stringify({ username: "newbie", display_name: null, email: null, site_admin: false, site_manager: false, site_spectator: false, active: true, meta: null, created_at: created, updated_at: null, deleted_at: null }),
    }));
    const user = await client.createUser({ username: "newbie", password: "pw-for-test" });
    expect(user.createdAt).toBe("2024-05-02");
  });

  it("treats an empty 200 on delete as success", async () => {
    const { server, client } = await setup(() => ({ status: 200, headers: {}, body: "" }));
    await expect(client.deleteTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab")).resolves.toBeUndefined();
    expect(server.seen[0]!.method).toBe("DELETE");
    expect(new URL(server.seen[0]!.url, "http://x").searchParams.get("token")).toBe(TOKEN);
  });

  it("turns an HTML 404 into a transport error carrying the status", async () => {
    const { client } = await setup(() => ({ status: 404, headers: { "content-type": "text/html" }, body: "<!DOCTYPE html><pre>Cannot GET /v0/times</pre>" }));
    const error = await client.getTimes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpNotFoundError);
    expect((error as HttpStatusError).status).toBe(404);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it("turns an HTML 502 into a server error carrying the status", async () => {
    const { client } = await setup(() => ({ status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" }));
    const error = await client.getActivities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpServerError);
    expect((error as HttpStatusError).status).toBe(502);
  });

  it("rejects a 200 that is not JSON, or JSON of the wrong shape", async () => {
    let body = "<html>hello</html>";
    const { client } = await setup(() => ({ body }));
    await expect(client.getActivities()).rejects.toBeInstanceOf(TimeSyncResponseError);
    body = JSON.stringify({ not: "a list" });
    await expect(client.getActivities()).rejects.toBeInstanceOf(TimeSyncResponseError);
    body = JSON.stringify([{ name: 5 }]);
    await expect(client.getActivities()).rejects.toBeInstanceOf(TimeSyncResponseError);
  });

  it("times out a request the server never answers", async () => {
    const { client } = await setup(() => ({ hang: true }), { timeout: { attemptMs: 300, totalMs: 600 } });
    const started = Date.now();
    await expect(client.getTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("never mutates the caller's objects", async () => {
    const { client } = await setup(() => ({ body: JSON.stringify(time({ project: "web" })) }));
    const input = Object.freeze({ duration: "1h0m", project: "web", user: "pat", dateWorked: "2024-05-02", activities: Object.freeze(["dev"]) as string[] });
    const copy = JSON.stringify(input);
    await client.createTime(input);
    expect(JSON.stringify(input)).toBe(copy);
  });
});
