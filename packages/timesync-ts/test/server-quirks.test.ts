import * as httpCore from "@facility-sdk/http-core";
import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterEach, describe, expect, it } from "vitest";
import * as sdk from "../src/index.js";
import {
  FacilitySdkError,
  HttpNotFoundError,
  ResponseParseError,
  TimeSync,
  TimeSyncError,
  TimeSyncNotFoundError,
  TimeSyncResponseError,
  TimeSyncValidationError,
} from "../src/index.js";
// The zod schemas are internal (no longer exported from the package root); the local rules are theirs.
import { ActivityCreateInputSchema, UserCreateInputSchema } from "../src/schemas/index.js";
import { startScriptedServer } from "./helpers/scripted-server.js";

// The five bugs found against the reference server (timesync-node on SQLite), each checked against the
// fake, which now answers the way that server does.

const PAT = { username: "pat", password: "pat-test-password" };
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function fake(options: Parameters<typeof startFakeTimeSync>[0] = {}): Promise<{ server: RunningFakeTimeSync; admin: TimeSync; member: TimeSync }> {
  const server = await startFakeTimeSync({
    users: [PAT],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Website", slugs: ["web", "site"], default_activity: "dev", users: { pat: { member: true, manager: true } } }],
    ...options,
  });
  const admin = new TimeSync({ baseUrl: server.url, token: server.issueToken("admin"), timeout: { attemptMs: 2_000, totalMs: 4_000 } });
  const member = new TimeSync({ baseUrl: server.url, timeout: { attemptMs: 2_000, totalMs: 4_000 } });
  await member.authenticate(PAT);
  open.push(server, admin, member);
  return { server, admin, member };
}

const paths = (server: RunningFakeTimeSync) => server.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`);

describe("bug 1: getActivities({ includeDeleted: true }) lists a deleted activity with slug null", () => {
  it("accepts `slug: null` for a deleted activity, with and without revisions", async () => {
    const { admin } = await fake();
    await admin.updateActivity("docs", { name: "Docs" });
    await admin.deleteActivity("docs");
    for (const includeRevisions of [false, true]) {
      const all = await admin.getActivities({ includeDeleted: true, includeRevisions });
      const deleted = all.find((a) => a.deletedAt !== null);
      expect(deleted).toMatchObject({ name: "Docs", slug: null, revision: 2 });
      expect(all.find((a) => a.deletedAt === null)?.slug).toBe("dev");
    }
    expect((await admin.getActivities()).map((a) => a.slug)).toEqual(["dev"]);
  });

  it("still refuses a current activity without a slug", async () => {
    const scripted = await startScriptedServer(() => ({ body: JSON.stringify([{ uuid: "u", revision: 1, created_at: "2024-05-02", name: "Dev", slug: null, deleted_at: null }]) }));
    const client = new TimeSync({ baseUrl: scripted.url, token: "a.b.c", retry: { limit: 0 } });
    open.push(scripted, client);
    const error = await client.getActivities({ includeDeleted: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncResponseError);
    expect((error as TimeSyncResponseError).issues.join(" ")).toMatch(/slug/);
  });
});

describe("bug 2: project revisions have no slugs and no users", () => {
  it("reads getProject and getProjects with includeRevisions", async () => {
    const { admin } = await fake();
    await admin.updateProject("web", { uri: "https://web.example.org", slugs: ["web", "site", "www"] });
    const one = await admin.getProject("www", { includeRevisions: true });
    expect(one.slugs).toEqual(["web", "site", "www"]);
    expect(one.parents).toHaveLength(1);
    expect(one.parents?.[0]).toMatchObject({ name: "Website", uri: null, defaultActivity: "dev", revision: 1 });
    expect(one.parents?.[0]).not.toHaveProperty("slugs");
    expect(one.parents?.[0]).not.toHaveProperty("users");
    const list = await admin.getProjects({ includeRevisions: true });
    expect(list[0]?.parents?.[0]).toEqual(one.parents?.[0]);
  });

  it("keeps slugs and users of revisions when a spec-following server sends them", async () => {
    const { admin } = await fake({ strict: true });
    await admin.updateProject("web", { uri: "https://web.example.org" });
    const parent = (await admin.getProject("web", { includeRevisions: true })).parents?.[0];
    expect(parent).toMatchObject({ slugs: ["web", "site"], users: { pat: { member: true, spectator: false, manager: true } } });
  });

  it("lists a deleted project with slugs: []", async () => {
    const { admin } = await fake({ projects: [{ name: "Old", slugs: ["old"] }] });
    await admin.deleteProject("old");
    const deleted = (await admin.getProjects({ includeDeleted: true })).find((p) => p.name === "Old");
    expect(deleted).toMatchObject({ slugs: [], deletedAt: expect.any(String) });
  });

  it("never lets a ZodError escape: a bad revision is a TimeSyncResponseError naming the operation", async () => {
    const project = { uuid: "u", revision: 2, created_at: "2024-05-02", name: "Web", slugs: ["web"], parents: [{ name: 5 }] };
    const scripted = await startScriptedServer(() => ({ body: JSON.stringify(project) }));
    const client = new TimeSync({ baseUrl: scripted.url, token: "a.b.c", retry: { limit: 0 } });
    open.push(scripted, client);
    const error = await client.getProject("web", { includeRevisions: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncResponseError);
    expect(error).toBeInstanceOf(TimeSyncError);
    expect((error as TimeSyncResponseError).operation).toBe("TimeSync getProject (GET /projects/:slug)");
    expect((error as TimeSyncResponseError).status).toBe(200);
    expect((error as TimeSyncResponseError).issues.some((i) => i.startsWith("parents.0"))).toBe(true);
    expect((error as Error).name).not.toBe("ZodError");
  });
});

describe("bug 3: local rules are the server's", () => {
  // Each value is sent raw to the fake (as the reference server judges it) and checked locally.
  const usernames = ["sam", "d.x", "t~x", "Pat", "MixedCase1", "a@b", "pat_1", "a-b", "x y"];
  const slugs = ["web", "12345", "web2", "2web", "a-1", "Web", "a_b"];
  const emails = [
    ...["x@y", "x@y.org", "pat@example.org", "no-at.org", "a b@c.d", "first.last@example.org", "pat+work@example.org", "Pat@Example.org"],
    // refused by the reference server although they are ordinary addresses (issue 17)
    ...["first-last@example.org", "pat@example.info", "Pat@Example.ORG", "pat@ex-ample.org", "pat@mail.example.org", "a@b@example.org"],
  ];

  it.each([
    ["usernames", usernames],
    ["slugs", slugs],
    ["e-mails", emails],
  ])("%s: accepted locally exactly when the server accepts them", async (kind, values) => {
    const { server } = await fake();
    const token = server.issueToken("admin");
    for (const [i, value] of values.entries()) {
      let object: Record<string, unknown>;
      let local: boolean;
      let route: string;
      if (kind === "slugs") {
        object = { name: `Activity ${i}`, slug: value };
        local = ActivityCreateInputSchema.safeParse(object).success;
        route = "activities";
      } else {
        object = kind === "usernames" ? { username: value, password: "x" } : { username: `mail${i}`, password: "x", email: value };
        local = UserCreateInputSchema.safeParse(object).success;
        route = "users";
      }
      const res = await fetch(`${server.url}/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ auth: { type: "token", token }, object }),
      });
      expect({ value, local }).toEqual({ value, local: res.status === 200 });
    }
  });

  it("refuses before any request, naming the field and the rule", async () => {
    const { server, admin } = await fake();
    const before = server.requests.length;
    await expect(admin.createUser({ username: "d.x", password: "x" })).rejects.toMatchObject({ constructor: TimeSyncValidationError, field: "user.username" });
    await expect(admin.createActivity({ name: "Numbers", slug: "12345" })).rejects.toMatchObject({ field: "activity.slug", problem: expect.stringMatching(/letter/) });
    await expect(admin.createUser({ username: "mail", password: "x", email: "x@y" })).rejects.toMatchObject({ field: "user.email" });
    await expect(admin.getUser("pat.smith")).rejects.toMatchObject({ field: "username" });
    expect(server.requests.length).toBe(before);
    await expect(admin.createUser({ username: "mail", password: "x", email: "first-last@example.org" })).rejects.toMatchObject({ field: "user.email", problem: expect.stringMatching(/no hyphens/) });
    await expect(admin.updateUser("pat", { email: "pat@example.info" })).rejects.toMatchObject({ field: "user.email" });
    expect(server.requests.length).toBe(before);
    await expect(admin.createUser({ username: "t~x", password: "x", email: "xy@example.org" })).resolves.toMatchObject({ username: "t~x", email: "xy@example.org" });
  });
});

describe("bug 4: createTime without activities returns what was stored", () => {
  it("fills in the project's default activity, and null notes and issue URI", async () => {
    const { server, member } = await fake();
    const created = await member.createTime({ duration: "1h0m", project: "site", dateWorked: "2024-05-02" });
    expect(created).toMatchObject({ duration: 3600, project: ["site"], activities: ["dev"], notes: null, issueUri: null, user: "pat", revision: 1 });
    const stored = await member.getTime(created.uuid);
    const { project: _p1, ...createdRest } = created;
    const { project: _p2, ...storedRest } = stored;
    expect(createdRest).toEqual(storedRest);
    const record = server.state.times.get(created.uuid)!.current;
    expect(record.activities).toEqual([server.state.activityBySlug("dev")!.current.uuid]);
    expect(paths(server).slice(-3)).toEqual(["POST /v0/times", "GET /v0/projects/site", "GET /v0/times/" + created.uuid]);
  });

  it("asks nothing more when the answer is complete (activities sent, or a spec-following server)", async () => {
    const { server, member } = await fake();
    const before = server.requests.length;
    const sent = await member.createTime({ duration: 60, project: "web", dateWorked: "2024-05-02", activities: ["docs"] });
    expect(sent).toMatchObject({ activities: ["docs"], notes: null, issueUri: null });
    expect(server.requests.length).toBe(before + 1);

    const strict = await fake({ strict: true });
    const strictBefore = strict.server.requests.length;
    await expect(strict.member.createTime({ duration: 60, project: "web", dateWorked: "2024-05-02" })).resolves.toMatchObject({ activities: ["dev"] });
    expect(strict.server.requests.length).toBe(strictBefore + 1);
  });
});

describe("bug 5: one error family, http-core errors from the package root", () => {
  it("makes TimeSyncResponseError a TimeSyncError (and every TimeSync error a FacilitySdkError)", async () => {
    const scripted = await startScriptedServer(() => ({ body: JSON.stringify({ not: "a list" }) }));
    const client = new TimeSync({ baseUrl: scripted.url, token: "a.b.c", retry: { limit: 0 } });
    open.push(scripted, client);
    const error = await client.getUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncResponseError);
    expect(error).toBeInstanceOf(TimeSyncError);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(FacilitySdkError);
    // A non-list answer now carries the status and a redacted excerpt.
    expect(error).toMatchObject({ status: 200, bodyExcerpt: '{"not":"a list"}', operation: "TimeSync getUsers (GET /users)" });
    expect(new TimeSyncValidationError("x", "y")).toBeInstanceOf(TimeSyncError);
    expect(new httpCore.InvalidArgumentError("x", "y")).not.toBeInstanceOf(TimeSyncError);
    expect(new Error("plain")).not.toBeInstanceOf(TimeSyncError);
  });

  it("re-exports the http-core errors users catch, as the very same classes", () => {
    const names = [
      "FacilitySdkError", "InvalidArgumentError", "HttpCoreError", "HttpStatusError", "HttpClientError", "HttpNotFoundError",
      "HttpRateLimitError", "HttpServerError", "HttpConnectionError", "HttpTimeoutError", "HttpAbortError",
      "ResponseTooLargeError", "ResponseDecodeError", "ResponseParseError", "CacheMissError",
    ] as const;
    for (const name of names) expect(sdk[name], name).toBe(httpCore[name]);
  });

  it("makes a TimeSync JSON 404 and an HTML 404 both HttpNotFoundError", async () => {
    const { admin } = await fake();
    const json404 = await admin.getProject("nope").catch((e: unknown) => e);
    expect(json404).toBeInstanceOf(TimeSyncNotFoundError);
    expect(json404).toBeInstanceOf(HttpNotFoundError);
    const scripted = await startScriptedServer(() => ({ status: 404, headers: { "content-type": "text/html" }, body: "<pre>Cannot GET /v0/projects/nope</pre>" }));
    const client = new TimeSync({ baseUrl: scripted.url, token: "a.b.c" });
    open.push(scripted, client);
    const html404 = await client.getProject("nope").catch((e: unknown) => e);
    expect(html404).toBeInstanceOf(HttpNotFoundError);
    expect(html404).not.toBeInstanceOf(TimeSyncNotFoundError);
    expect((html404 as HttpNotFoundError).operation).toBe("TimeSync getProject (GET /projects/:slug)");
  });
});

describe("also", () => {
  it("getUser({ includeDeleted: true }) finds a deleted user", async () => {
    const { admin } = await fake();
    await admin.deleteUser("pat");
    await expect(admin.getUser("pat")).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    await expect(admin.getUser("pat", { includeDeleted: true })).resolves.toMatchObject({ username: "pat", deletedAt: expect.any(String) });
  });

  it("hints the camelCase name when a required field is passed in snake_case", async () => {
    const { server, member } = await fake();
    const before = server.requests.length;
    const error = await member.createTime({ duration: 60, project: "web", date_worked: "2024-05-02" } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ constructor: TimeSyncValidationError, field: "time.date_worked", hint: "did you mean dateWorked?" });
    expect((error as Error).message).toMatch(/did you mean dateWorked\?/);
    expect(server.requests.length).toBe(before);
  });

  it("reads an activity before updating it: a missing slug never reaches POST /activities/:slug", async () => {
    const { server, admin } = await fake();
    await expect(admin.updateActivity("nope", { name: "Nope" })).rejects.toBeInstanceOf(TimeSyncNotFoundError);
    expect(paths(server).filter((p) => p.startsWith("POST /v0/activities"))).toEqual([]);
    await expect(admin.updateActivity("docs", { name: "Docs" })).resolves.toMatchObject({ name: "Docs", revision: 2 });
  });
});
