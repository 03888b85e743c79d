import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTimeSync, type RunningFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, describe, expect, it } from "vitest";
import { TimeSync } from "../src/index.js";

// The record/replay rules as a TimeSync user meets them, against the fake server (which answers like
// the reference one): writes are never answered from the cache outside replay, logins are never
// recorded, and no password, hash or token reaches a recording.

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function recordingSession(): Promise<{ server: RunningFakeTimeSync; dir: string; admin: TimeSync }> {
  const server = await startFakeTimeSync({ users: [{ username: "pat", password: "pat-first-pass" }] });
  const dir = await mkdtemp(join(tmpdir(), "timesync-record-"));
  const admin = new TimeSync({ baseUrl: server.url, cache: { dir, mode: "record-missing" } });
  cleanup.push(server.close, () => admin.close(), () => rm(dir, { recursive: true, force: true }));
  await admin.authenticate({ username: server.admin.username, password: server.admin.password });
  return { server, dir, admin };
}

async function everyRecording(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return (await Promise.all(files.map((f) => readFile(join(f.parentPath, f.name), "utf8")))).join("\n");
}

describe("record-missing against the fake server", () => {
  it("sends each password change (the key leaves the password out, but a write is never answered from the cache)", async () => {
    const { server, dir, admin } = await recordingSession();
    await admin.updateUser("pat", { password: "pw1-first-change" });
    await admin.updateUser("pat", { password: "pw2-second-change" });
    expect(server.requests.filter((r) => r.method === "POST" && r.url.startsWith("/v0/users/pat"))).toHaveLength(2);
    // The second password is the one set: pat logs in with it, and not with the first.
    const pat = new TimeSync({ baseUrl: server.url });
    cleanup.push(() => pat.close());
    await expect(pat.authenticate({ username: "pat", password: "pw1-first-change" })).rejects.toThrow(/Incorrect username or password/);
    await expect(pat.authenticate({ username: "pat", password: "pw2-second-change" })).resolves.toEqual(expect.any(String));
    const recorded = await everyRecording(dir);
    for (const secret of ["pw1-first-change", "pw2-second-change", "$2a$", admin.token ?? "no token"]) expect(recorded).not.toContain(secret);
  });

  it("logs in every time and records no login", async () => {
    const { server, dir, admin } = await recordingSession();
    await admin.authenticate({ username: server.admin.username, password: server.admin.password });
    expect(server.requests.filter((r) => r.url === "/v0/login")).toHaveLength(2);
    expect(JSON.stringify(await readdir(dir, { recursive: true }))).not.toContain("login");
    await admin.getUsers();
    await admin.getUsers();
    expect(server.requests.filter((r) => r.method === "GET" && r.url.startsWith("/v0/users?"))).toHaveLength(1); // a read: answered from the recording the second time
  });
});
