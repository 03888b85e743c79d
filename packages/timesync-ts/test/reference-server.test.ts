import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeTimeSyncOptions, type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, describe, expect, it } from "vitest";
import {
  TimeSync,
  TimeSyncConflictError,
  TimeSyncNotFoundError,
  TimeSyncServerError,
  TimeSyncSlugExistsError,
  TimeSyncUsernameExistsError,
  TimeSyncValidationError,
} from "../src/index.js";

// Issue 17: what a wider run against the reference server (timesync-node) found, each bug and quirk
// checked through the SDK against the fake, which now answers the way that server does.

const PAT = { username: "pat", password: "pat-test-password" };
const UUID_OF_NOTHING = "3f0c4e1a-1b2c-4d3e-8f90-0123456789ab";
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function fake(options: FakeTimeSyncOptions = {}): Promise<{ server: RunningFakeTimeSync; admin: TimeSync; member: TimeSync }> {
  const server = await startFakeTimeSync({
    users: [PAT, { username: "sam", password: "sam-test-password" }, { username: "MixedCase1", password: "mixed-test-password" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Website", slugs: ["web", "site"], default_activity: "dev", users: { pat: { member: true, manager: true }, MixedCase1: { member: true } } }],
    ...options,
  });
  const timeout = { attemptMs: 2_000, totalMs: 4_000 };
  const admin = new TimeSync({ baseUrl: server.url, token: server.issueToken("admin"), timeout });
  const member = new TimeSync({ baseUrl: server.url, timeout });
  await member.authenticate(PAT);
  open.push(server, admin, member);
  return { server, admin, member };
}

const day = "2024-05-02";
const posts = (server: RunningFakeTimeSync) => server.requests.filter((r) => r.method === "POST").length;

describe("bug 1: mixed-case usernames, which the server accepts", () => {
  it("reads, updates, filters by and deletes MixedCase1", async () => {
    const { server, admin } = await fake();
    const mixed = new TimeSync({ baseUrl: server.url, token: server.issueToken("MixedCase1") });
    open.push(mixed);
    await mixed.createTime({ duration: 600, project: "web", dateWorked: day });
    expect(await admin.getUser("MixedCase1")).toMatchObject({ username: "MixedCase1" });
    expect(await admin.updateUser("MixedCase1", { displayName: "Mixed Case" })).toMatchObject({ username: "MixedCase1", displayName: "Mixed Case" });
    expect((await admin.getTimes({ user: ["MixedCase1"] })).map((t) => t.user)).toEqual(["MixedCase1"]);
    await admin.deleteUser("MixedCase1");
    await expect(admin.getUser("MixedCase1")).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    await expect(admin.createUser({ username: "Upper2", password: "a long passphrase" })).resolves.toMatchObject({ username: "Upper2" });
  });
});

describe("bug 2: updateTime with a renamed activity", () => {
  it("returns the activity once, as stored (the server's answer lists it once per revision)", async () => {
    const { admin, member } = await fake();
    await admin.updateActivity("docs", { name: "Docs and guides" });
    const time = await member.createTime({ duration: 600, project: "web", dateWorked: day });
    const updated = await member.updateTime(time.uuid, { activities: ["docs", "dev"] });
    // Each once; the reference server sorts a time's activities.
    expect(updated.activities).toEqual(["dev", "docs"]);
    expect((await member.getTime(time.uuid)).activities).toEqual(["dev", "docs"]);
  });
});

describe("bug 3: project parents", () => {
  it("are oldest first, although the server sends them newest first", async () => {
    const { admin } = await fake();
    await admin.updateProject("web", { name: "Website 2" });
    await admin.updateProject("web", { name: "Website 3" });
    const one = await admin.getProject("web", { includeRevisions: true });
    const all = await admin.getProjects({ includeRevisions: true });
    for (const project of [one, all.find((p) => p.name === "Website 3")!]) {
      expect(project.parents?.map((p) => [p.revision, p.name])).toEqual([
        [1, "Website"],
        [2, "Website 2"],
      ]);
    }
  });
});

describe("project parents repeated by the reference server", () => {
  it("come once per revision (a side-by-side run saw each parent three times)", async () => {
    const { server, admin } = await fake();
    await admin.updateProject("web", { name: "Website 2" });
    await admin.updateProject("web", { name: "Website 3" });
    // A loopback proxy in front of the fake that repeats each parent, newest first, as the real server did.
    const proxy = createServer(async (req, res) => {
      const answer = await fetch(`${server.url.replace(/\/v0$/, "")}${req.url}`);
      const body = (await answer.json()) as { parents?: unknown[] };
      if (Array.isArray(body.parents)) body.parents = [...body.parents].reverse().flatMap((p) => [p, p, p]);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    open.push({ close: () => new Promise<void>((resolve) => proxy.close(() => resolve())) });
    const viaProxy = new TimeSync({ baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v0`, token: server.issueToken("admin") });
    open.push(viaProxy);
    const project = await viaProxy.getProject("web", { includeRevisions: true });
    expect(project.parents?.map((p) => [p.revision, p.name])).toEqual([
      [1, "Website"],
      [2, "Website 2"],
    ]);
  });
});

describe("bug 4: a member moves their own time to another user", () => {
  it("returns the moved time instead of a TimeSyncNotFoundError from the read-back", async () => {
    const { server, admin, member } = await fake();
    const time = await member.createTime({ duration: 600, project: "web", dateWorked: day, activities: ["docs"], notes: "handover" });
    const moved = await member.updateTime(time.uuid, { user: "sam" });
    expect(moved).toMatchObject({ uuid: time.uuid, user: "sam", revision: 2, activities: ["docs"], notes: "handover", project: ["site", "web"] });
    expect(await admin.getTime(time.uuid)).toMatchObject({ user: "sam", revision: 2, activities: ["docs"] });
    await expect(member.getTime(time.uuid)).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    expect(server.state.times.get(time.uuid)?.current.user).toBe("sam");
  });
});

describe("quirk: deleted times", () => {
  it("refuses to update a deleted time after a read (the server would restore it), and sends no update", async () => {
    const { server, member } = await fake();
    const time = await member.createTime({ duration: 600, project: "web", dateWorked: day });
    await member.deleteTime(time.uuid);
    const before = posts(server);
    const error = await member.updateTime(time.uuid, { notes: "revived?" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncNotFoundError);
    expect((error as Error).message).toMatch(/deleted/);
    expect(posts(server)).toBe(before);
    expect(server.state.times.get(time.uuid)?.current).toMatchObject({ revision: 1, notes: null });
    expect(server.state.times.get(time.uuid)?.current.deleted_at).not.toBeNull();
    await expect(member.updateTime(UUID_OF_NOTHING, { notes: "x" })).rejects.toBeInstanceOf(TimeSyncNotFoundError);
  });

  it("passes a second delete through: it succeeds again, as on the reference server", async () => {
    const { member } = await fake();
    const time = await member.createTime({ duration: 600, project: "web", dateWorked: day });
    await member.deleteTime(time.uuid);
    await expect(member.deleteTime(time.uuid)).resolves.toBeUndefined();
  });
});

describe("quirk: the server's body limit (100 kB), answered 401 Missing credentials", () => {
  it("is checked locally, naming the largest field", async () => {
    const { server, member } = await fake();
    const before = server.requests.length;
    const error = await member.createTime({ duration: 600, project: "web", dateWorked: day, notes: "x".repeat(200_000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncValidationError);
    expect(error).toMatchObject({ field: "time.notes", problem: expect.stringMatching(/102400/) });
    expect(server.requests.length).toBe(before);
    const time = await member.createTime({ duration: 600, project: "web", dateWorked: day, notes: "x".repeat(100_000) });
    await expect(member.updateTime(time.uuid, { issueUri: `https://example.org/${"i".repeat(110_000)}` })).rejects.toMatchObject({ field: "time.issueUri" });
  });
});

describe("quirk: parallel creates of one slug or username (500 on the reference server)", () => {
  it("maps the losers' 500 to the typed conflict a duplicate gets", async () => {
    const { admin } = await fake({ createRaceWindowMs: 60 });
    const projects = await Promise.allSettled([1, 2, 3].map((n) => admin.createProject({ name: `Raced ${n}`, slugs: ["raced"] })));
    const users = await Promise.allSettled([1, 2].map(() => admin.createUser({ username: "racer", password: "a long passphrase" })));
    for (const [settled, Class] of [
      [projects, TimeSyncSlugExistsError],
      [users, TimeSyncUsernameExistsError],
    ] as const) {
      expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
      for (const s of settled.filter((r) => r.status === "rejected")) {
        expect(s.reason).toBeInstanceOf(Class);
        expect(s.reason).toBeInstanceOf(TimeSyncConflictError);
        expect((s.reason as Error).cause).toBeInstanceOf(TimeSyncServerError);
      }
    }
  });

  it("lets parallel activity creates with one slug through: the reference server stores duplicates (documented, not absorbed)", async () => {
    const { admin } = await fake({ createRaceWindowMs: 60 });
    const created = await Promise.all([1, 2].map((n) => admin.createActivity({ name: `Twin ${n}`, slug: "twin" })));
    expect(created.map((a) => a.slug)).toEqual(["twin", "twin"]);
    expect((await admin.getActivities()).filter((a) => a.slug === "twin")).toHaveLength(2);
  });

  it("leaves another 500 alone (a project naming an unknown user)", async () => {
    const { admin } = await fake();
    const error = await admin.createProject({ name: "Ghostly", slugs: ["ghostly"], users: { ghost: { member: true } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncServerError);
    expect(error).not.toBeInstanceOf(TimeSyncConflictError);
  });
});
