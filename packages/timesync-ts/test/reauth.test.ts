import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TimeSync, TimeSyncAuthenticationError } from "../src/index.js";
import { startScriptedServer } from "./helpers/scripted-server.js";

// A reference-server restart drops every token: the client can log in again once, if asked to.

let server: RunningFakeTimeSync;
beforeEach(async () => {
  server = await startFakeTimeSync({ activities: [{ name: "Development", slug: "dev" }] });
});
afterEach(async () => {
  await server.close();
});

const logins = () => server.requests.filter((r) => r.url.endsWith("/login")).length;

describe("re-authentication on Bad API token", () => {
  it("is off by default: the typed error says the token is bad", async () => {
    const client = new TimeSync({ baseUrl: server.url });
    await client.authenticate(server.admin);
    server.restart();
    const error = await client.getActivities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncAuthenticationError);
    expect((error as TimeSyncAuthenticationError).isBadToken).toBe(true);
    expect(logins()).toBe(1);
    await client.close();
  });

  it("logs in again once and retries, for GET and POST", async () => {
    const client = new TimeSync({ baseUrl: server.url, reauthenticate: true });
    const first = await client.authenticate(server.admin);
    server.restart();
    await expect(client.getActivities()).resolves.toHaveLength(1);
    expect(logins()).toBe(2);
    expect(client.token).not.toBe(first);
    server.restart();
    await expect(client.createActivity({ name: "Docs", slug: "docs" })).resolves.toMatchObject({ slug: "docs" });
    expect(logins()).toBe(3);
    server.restart();
    const results = await Promise.all([client.getActivities(), client.getUsers(), client.getProjects()]);
    expect(results.map((r) => r.length)).toEqual([2, 1, 0]);
    expect(logins()).toBe(4); // concurrent failures share one login
    await client.close();
  });

  it("does not loop when the new token is refused too", async () => {
    const scripted = await startScriptedServer((req) =>
      req.url.endsWith("/login")
        ? { body: JSON.stringify({ token: "a.b.c" }) }
        : { status: 401, body: JSON.stringify({ status: 401, error: "Authentication failure", text: "Bad API token" }) },
    );
    const client = new TimeSync({ baseUrl: scripted.url, reauthenticate: true, retry: { limit: 0 } });
    await client.authenticate({ username: "pat", password: "pw-for-test" });
    await expect(client.getUsers()).rejects.toBeInstanceOf(TimeSyncAuthenticationError);
    expect(scripted.seen.map((r) => r.method + new URL(r.url, "http://x").pathname)).toEqual(["POST/v0/login", "GET/v0/users", "POST/v0/login", "GET/v0/users"]);
    await client.close();
    await scripted.close();
  });
});
