import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, describe, expect, it } from "vitest";
import { TimeSync, TimeSyncAuthenticationError, TimeSyncNotFoundError, TimeSyncServerError, TimeSyncSlugExistsError } from "../src/index.js";
import { startScriptedServer } from "./helpers/scripted-server.js";

// The SDK's own reads inside a method (the read before an update, the read back, the existence check
// after a create's 500, the default-activity lookup) ask the server even when a record-missing cache
// holds an answer: an old recording would return stale data, revive a deleted time or fake a race.

const day = "2024-05-02";
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function recordingSession(): Promise<{ server: RunningFakeTimeSync; admin: TimeSync; pat: TimeSync }> {
  const server = await startFakeTimeSync({
    users: [{ username: "pat", password: "pat-test-password" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Website", slugs: ["web"], default_activity: "dev", users: { pat: { member: true } } }],
  });
  const dir = await mkdtemp(join(tmpdir(), "timesync-internal-reads-"));
  const admin = new TimeSync({ baseUrl: server.url, token: server.issueToken("admin"), cache: { dir: join(dir, "admin"), mode: "record-missing" } });
  const pat = new TimeSync({ baseUrl: server.url, token: server.issueToken("pat"), cache: { dir: join(dir, "pat"), mode: "record-missing" } });
  cleanup.push(server.close, () => admin.close(), () => pat.close(), () => rm(dir, { recursive: true, force: true }));
  return { server, admin, pat };
}

describe("internal reads with a record-missing cache", () => {
  it("updateTime returns what the second update stored, not the first update's recording", async () => {
    const { pat } = await recordingSession();
    const time = await pat.createTime({ duration: 600, project: "web", dateWorked: day });
    expect(await pat.updateTime(time.uuid, { notes: "first" })).toMatchObject({ notes: "first", revision: 2 });
    expect(await pat.updateTime(time.uuid, { notes: "second" })).toMatchObject({ notes: "second", revision: 3 });
  });

  it("updateTime refuses a time deleted since its read was recorded, and sends no update", async () => {
    const { server, pat } = await recordingSession();
    const time = await pat.createTime({ duration: 600, project: "web", dateWorked: day });
    await pat.updateTime(time.uuid, { notes: "first" }); // records the include_deleted read
    await pat.deleteTime(time.uuid);
    const posts = server.requests.filter((r) => r.method === "POST").length;
    await expect(pat.updateTime(time.uuid, { notes: "revived?" })).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    expect(server.requests.filter((r) => r.method === "POST").length).toBe(posts);
    expect(await pat.getTimes({ includeDeleted: true })).toEqual([expect.objectContaining({ uuid: time.uuid, deletedAt: expect.any(String) })]);
  });

  it("a create's 500 is not taken for a race because an old recording holds the slug", async () => {
    const { admin } = await recordingSession();
    await admin.createProject({ name: "Ghostly", slugs: ["ghostly"] });
    await admin.getProject("ghostly"); // recorded
    await admin.deleteProject("ghostly");
    await expect(admin.getProject("ghostly")).resolves.toMatchObject({ slugs: ["ghostly"] }); // the recording answers
    const error = await admin.createProject({ name: "Ghostly", slugs: ["ghostly"], users: { ghost: { member: true } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncServerError);
    expect(error).not.toBeInstanceOf(TimeSyncSlugExistsError);
  });

  it("updateProject keeps the default activity stored now, not a recorded one", async () => {
    const { server, admin } = await recordingSession();
    await admin.getProject("web"); // recorded with default dev
    const other = new TimeSync({ baseUrl: server.url, token: server.issueToken("admin") });
    cleanup.push(() => other.close());
    await other.updateProject("web", { defaultActivity: "docs" });
    expect(await admin.updateProject("web", { uri: "https://web.example.org" })).toMatchObject({ defaultActivity: "docs" });
    expect(await other.getProject("web")).toMatchObject({ defaultActivity: "docs", uri: "https://web.example.org" });
  });

  it("createTime reads the project's current default activity, not a recorded one", async () => {
    const { admin, pat } = await recordingSession();
    await pat.getProject("web"); // recorded with default dev
    await admin.updateProject("web", { defaultActivity: "docs" });
    const time = await pat.createTime({ duration: 600, project: "web", dateWorked: day });
    expect(time.activities).toEqual(["docs"]);
  });
});

describe("the existence check after a create's 500", () => {
  const serverError = JSON.stringify({ status: 500, error: "Server error", text: "duplicate key value violates unique constraint" });

  it("rethrows the server's 500 when the check fails otherwise than with a 404 (here 401)", async () => {
    const server = await startScriptedServer((req) => {
      if (req.method === "POST") return { status: 500, body: serverError };
      return { status: 401, body: JSON.stringify({ status: 401, error: "Authentication failure", text: "Invalid token" }) };
    });
    const client = new TimeSync({ baseUrl: server.url, token: "a-token" });
    cleanup.push(server.close, () => client.close());
    const error = await client.createProject({ name: "Raced", slugs: ["one", "two", "three"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncServerError);
    expect(error).not.toBeInstanceOf(TimeSyncAuthenticationError);
    expect(server.seen.filter((r) => r.method === "GET").map((r) => new URL(r.url, "http://x").pathname)).toEqual(
      expect.arrayContaining(["/v0/projects/one", "/v0/projects/two", "/v0/projects/three"]),
    );
    const userError = await client.createUser({ username: "racer", password: "a long passphrase" }).catch((e: unknown) => e);
    expect(userError).toBeInstanceOf(TimeSyncServerError);
  });

  it("sends the slug reads before any of them is answered", async () => {
    let getsSeen = 0;
    const server = await startScriptedServer((req) => {
      if (req.method === "POST") return { status: 500, body: serverError };
      getsSeen += 1;
      return { hang: true };
    });
    const client = new TimeSync({ baseUrl: server.url, token: "a-token", timeout: { attemptMs: 500, totalMs: 500 }, retry: { limit: 0 } });
    cleanup.push(server.close, () => client.close());
    const error = await client.createProject({ name: "Raced", slugs: ["one", "two", "three"] }).catch((e: unknown) => e);
    // One after another, the first read's timeout would have ended the check after one read.
    expect(getsSeen).toBe(3);
    expect(error).toBeInstanceOf(TimeSyncServerError);
  });
});
