import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpAbortError, TimeSync, TimeSyncValidationError } from "../src/index.js";
import { startScriptedServer } from "./helpers/scripted-server.js";

// Every public method takes `{ signal }`: a cancelled call sends nothing (or stops what it sent) and
// rejects with http-core's HttpAbortError naming the TimeSync operation.

const UUID = "3f0c4e1a-1b2c-4d3e-8f90-0123456789ab";
let server: RunningFakeTimeSync;
let client: TimeSync;

beforeAll(async () => {
  server = await startFakeTimeSync({ users: [{ username: "pat", password: "pat-test-password" }] });
  client = new TimeSync({ baseUrl: server.url, token: server.issueToken("admin") });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const calls: [string, (signal: AbortSignal) => Promise<unknown>][] = [
  ["authenticate", (signal) => client.authenticate({ username: "pat", password: "pat-test-password" }, { signal })],
  ["createTime", (signal) => client.createTime({ duration: 60, project: "web", user: "pat", dateWorked: "2024-05-02" }, { signal })],
  ["updateTime", (signal) => client.updateTime(UUID, { notes: "n" }, { signal })],
  ["getTimes", (signal) => client.getTimes({}, { signal })],
  ["getTime", (signal) => client.getTime(UUID, { signal })],
  ["deleteTime", (signal) => client.deleteTime(UUID, { signal })],
  ["createProject", (signal) => client.createProject({ name: "Web", slugs: ["web"] }, { signal })],
  ["updateProject", (signal) => client.updateProject("web", { name: "Web 2" }, { signal })],
  ["getProjects", (signal) => client.getProjects({}, { signal })],
  ["getProject", (signal) => client.getProject("web", { signal })],
  ["deleteProject", (signal) => client.deleteProject("web", { signal })],
  ["projectUsers", (signal) => client.projectUsers("web", { signal })],
  ["createActivity", (signal) => client.createActivity({ name: "Dev", slug: "dev" }, { signal })],
  ["updateActivity", (signal) => client.updateActivity("dev", { name: "Dev 2" }, { signal })],
  ["getActivities", (signal) => client.getActivities({ signal })],
  ["getActivity", (signal) => client.getActivity("dev", { signal })],
  ["deleteActivity", (signal) => client.deleteActivity("dev", { signal })],
  ["createUser", (signal) => client.createUser({ username: "sam", password: "sam-test-password" }, { signal })],
  ["updateUser", (signal) => client.updateUser("pat", { displayName: "Pat" }, { signal })],
  ["getUsers", (signal) => client.getUsers({ signal })],
  ["getUser", (signal) => client.getUser("pat", { signal })],
  ["deleteUser", (signal) => client.deleteUser("pat", { signal })],
];

describe("AbortSignal", () => {
  it.each(calls)("%s: an aborted signal sends nothing and rejects with HttpAbortError", async (_name, call) => {
    const before = server.requests.length;
    const error = await call(AbortSignal.abort()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpAbortError);
    expect((error as HttpAbortError).operation).toMatch(/^TimeSync \w+ \((GET|POST|DELETE) \/[a-z]+(\/:[a-z]+)?\)$/);
    expect(server.requests.length).toBe(before);
  });

  it("stops a call in flight", async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so the test never races the connection.
    const scripted = await startScriptedServer(() => {
      controller.abort();
      return { hang: true };
    });
    const slow = new TimeSync({ baseUrl: scripted.url, token: "a.b.c", timeout: { attemptMs: 10_000, totalMs: 20_000 } });
    const started = Date.now();
    const error = await slow.createActivity({ name: "Dev", slug: "dev" }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpAbortError);
    expect((error as HttpAbortError).operation).toBe("TimeSync createActivity (POST /activities)");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(scripted.seen).toHaveLength(1);
    await slow.close();
    await scripted.close();
  });

  it("refuses a signal that is not an AbortSignal, and unknown options", async () => {
    await expect(client.getTimes({}, { signal: "stop" } as never)).rejects.toMatchObject({ constructor: TimeSyncValidationError, field: "options.signal" });
    await expect(client.deleteTime(UUID, { force: true } as never)).rejects.toMatchObject({ constructor: TimeSyncValidationError, field: "options.force" });
  });
});
