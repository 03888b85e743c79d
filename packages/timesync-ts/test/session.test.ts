import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TimeSync,
  TimeSyncAuthenticationError,
  TimeSyncAuthorizationError,
  TimeSyncBadQueryError,
  TimeSyncMethodNotAllowedError,
  TimeSyncNotFoundError,
  TimeSyncSlugExistsError,
  TimeSyncUsernameExistsError,
} from "../src/index.js";

// Full sessions of the SDK against the stateful fake TimeSync server over real HTTP on 127.0.0.1.

let server: RunningFakeTimeSync;
let admin: TimeSync;
const MEMBER_PASSWORD = "member-pass-for-tests";

beforeAll(async () => {
  server = await startFakeTimeSync();
  admin = new TimeSync({ baseUrl: `${server.url}/`, timeout: { attemptMs: 5_000, totalMs: 10_000 } });
  await admin.authenticate({ username: server.admin.username, password: server.admin.password });
});

afterAll(async () => {
  await admin.close();
  await server.close();
});

describe("a full TimeSync session", () => {
  let member: TimeSync;
  let firstUuid = "";
  let secondUuid = "";

  it("creates an activity, a user (bcrypt-hashed client-side) and a project", async () => {
    const dev = await admin.createActivity({ name: "Development", slug: "dev" });
    expect(dev).toMatchObject({ slug: "dev", revision: 1, updatedAt: null, deletedAt: null });
    await admin.createActivity({ name: "Documentation", slug: "docs" });

    const user = await admin.createUser({ username: "pat", password: MEMBER_PASSWORD, displayName: "Pat", siteSpectator: false });
    expect(user.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/); // normalised from the epoch-ms number
    expect(server.state.users.get("pat")?.passwordHash).toMatch(/^\$2a\$10\$/);

    const project = await admin.createProject({
      name: "Website",
      slugs: ["web", "site"],
      defaultActivity: "dev",
      users: { pat: { member: true, manager: true } },
    });
    expect(project).toMatchObject({ name: "Website", defaultActivity: "dev", users: { pat: { member: true, spectator: false, manager: true } } });
    await expect(admin.projectUsers("site")).resolves.toEqual({ pat: ["member", "manager"] });
  });

  it("logs in as the new user and reads the token's expiry", async () => {
    member = new TimeSync({ baseUrl: server.url, timeout: 5_000 });
    expect(member.isAuthenticated).toBe(false);
    await member.authenticate({ username: "pat", password: MEMBER_PASSWORD });
    expect(member.isAuthenticated).toBe(true);
    const expires = member.tokenExpirationTime().getTime();
    expect(expires - Date.now()).toBeGreaterThan(29 * 60 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
  });

  it("creates times from duration strings and seconds", async () => {
    const first = await member.createTime({ duration: "3h30m", project: "web", dateWorked: "2024-05-02", notes: "layout" });
    expect(first).toMatchObject({ duration: 12600, user: "pat", project: ["web"], activities: ["dev"], dateWorked: "2024-05-02", revision: 1 });
    firstUuid = first.uuid;
    const second = await member.createTime({
      duration: 1800,
      project: "site",
      dateWorked: new Date(Date.UTC(2024, 5, 10)),
      activities: ["docs"],
      issueUri: "https://git.example.org/web/issues/7",
    });
    secondUuid = second.uuid;
    expect(second.dateWorked).toBe("2024-06-10");
  });

  it("updates a time, re-reading it so activities are right, and keeps revisions", async () => {
    const updated = await member.updateTime(firstUuid, { duration: "4h0m", notes: "layout and fonts" });
    expect(updated).toMatchObject({ duration: 14400, notes: "layout and fonts", revision: 2, activities: ["dev"], project: ["site", "web"] });
    expect(updated.updatedAt).not.toBeNull();
    const withRevisions = await member.getTime(firstUuid, { includeRevisions: true });
    expect(withRevisions.parents?.map((p) => p.duration)).toEqual([12600]);
  });

  it("answers includeRevisions for a revision-1 time without hanging", async () => {
    const time = await member.getTime(secondUuid, { includeRevisions: true });
    expect(time.parents).toEqual([]);
    expect(time.revision).toBe(1);
  });

  it("filters by project and date range", async () => {
    const may = await member.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
    expect(may.map((t) => t.uuid)).toEqual([firstUuid]);
    const docs = await member.getTimes({ activity: ["docs"] });
    expect(docs.map((t) => t.uuid)).toEqual([secondUuid]);
    const both = await admin.getTimes({ user: ["pat"], includeRevisions: true });
    expect(both).toHaveLength(2);
    expect(both.find((t) => t.uuid === firstUuid)?.parents).toHaveLength(1);
    await expect(member.getTimes({ start: "2999-01-01" })).rejects.toBeInstanceOf(TimeSyncBadQueryError);
  });

  it("keeps the default activity across a project update (server bug worked around)", async () => {
    const updated = await member.updateProject("web", { uri: "https://web.example.org" });
    expect(updated).toMatchObject({ uri: "https://web.example.org", defaultActivity: "dev", revision: 2 });
    expect(server.state.projectBySlug("web")?.current.default_activity).not.toBeNull();
    const cleared = await admin.updateProject("web", { defaultActivity: null });
    expect(cleared.defaultActivity).toBeNull();
    // The server answers the old default while it stores null: the client returns what is stored.
    expect(server.state.projectBySlug("web")?.current.default_activity).toBeNull();
    expect((await admin.getProject("web")).defaultActivity).toBeNull();
  });

  it("refuses to delete a project with live times, then deletes times and shows them with includeDeleted", async () => {
    await expect(admin.deleteProject("web")).rejects.toBeInstanceOf(TimeSyncMethodNotAllowedError);
    await member.deleteTime(firstUuid);
    await expect(member.getTime(firstUuid)).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    const deleted = await member.getTime(firstUuid, { includeDeleted: true });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await member.getTimes()).map((t) => t.uuid)).toEqual([secondUuid]);
    expect((await member.getTimes({ includeDeleted: true })).map((t) => t.uuid).sort()).toEqual([firstUuid, secondUuid].sort());
    await member.deleteTime(secondUuid);
    await admin.deleteProject("web");
    await expect(admin.getProject("site")).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    expect((await admin.getProjects({ includeDeleted: true })).map((p) => p.name)).toContain("Website");
  });

  it("manages activities and users end to end", async () => {
    const renamed = await admin.updateActivity("docs", { name: "Docs" });
    expect(renamed).toMatchObject({ name: "Docs", revision: 2 });
    expect((await admin.getActivity("docs", { includeRevisions: true })).parents?.[0]?.name).toBe("Documentation");
    await admin.deleteActivity("docs");
    expect((await admin.getActivities()).map((a) => a.slug)).toEqual(["dev"]);
    const all = await admin.getActivities({ includeDeleted: true });
    expect(all.map((a) => a.name).sort()).toEqual(["Development", "Docs"]);
    // The reference server lists a deleted activity with `"slug": null`.
    expect(all.find((a) => a.name === "Docs")).toMatchObject({ slug: null, deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(all.find((a) => a.name === "Development")).toMatchObject({ slug: "dev", deletedAt: null });

    const updated = await member.updateUser("pat", { displayName: "Pat P.", password: "a-new-password" });
    expect(updated.displayName).toBe("Pat P.");
    const again = new TimeSync({ baseUrl: server.url });
    await expect(again.authenticate({ username: "pat", password: MEMBER_PASSWORD })).rejects.toBeInstanceOf(TimeSyncAuthenticationError);
    await again.authenticate({ username: "pat", password: "a-new-password" });
    expect((await again.getUser("pat")).displayName).toBe("Pat P.");
    expect((await again.getUsers()).map((u) => u.username).sort()).toEqual(["admin", "pat"]);
    await expect(admin.createUser({ username: "pat", password: "x" })).rejects.toBeInstanceOf(TimeSyncUsernameExistsError);
    await admin.deleteUser("pat");
    await expect(admin.getUser("pat")).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    await again.close();
  });

  it("maps permission and conflict errors", async () => {
    await expect(member.createActivity({ name: "Nope", slug: "nope" })).rejects.toBeInstanceOf(TimeSyncAuthorizationError);
    await expect(admin.createActivity({ name: "Dev again", slug: "dev" })).rejects.toMatchObject({
      constructor: TimeSyncSlugExistsError,
      status: 409,
      values: ["dev"],
    });
    await member.close();
  });
});
