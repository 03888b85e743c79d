import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningFakeTimeSync, startFakeTimeSync } from "../src/fake-timesync/index.js";

// Drives the fake TimeSync server over real HTTP with plain fetch, checking the wire behaviour the
// SDK relies on (see shared docs/timesync.md).

let server: RunningFakeTimeSync;
let adminToken: string;
let patToken: string;
let samToken: string;

async function call(method: string, path: string, options: { token?: string; object?: unknown; auth?: unknown; contentType?: string; query?: string } = {}) {
  const query = new URLSearchParams(options.query ?? "");
  if (method !== "POST" && options.token !== undefined) query.set("token", options.token);
  const qs = query.toString();
  const init: RequestInit = { method };
  if (method === "POST") {
    init.headers = { "content-type": options.contentType ?? "application/json" };
    init.body = JSON.stringify({ auth: options.auth ?? { type: "token", token: options.token }, object: options.object });
  }
  const res = await fetch(`${server.url}${path}${qs ? `?${qs}` : ""}`, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? "" : JSON.parse(text);
  } catch {
    // HTML answers stay text
  }
  return { status: res.status, headers: res.headers, text, body: body as any };
}

async function login(username: string, password: string) {
  const res = await call("POST", "/login", { auth: { type: "password", username, password } });
  return res;
}

beforeAll(async () => {
  server = await startFakeTimeSync({
    users: [
      { username: "pat", password: "pat-pass" },
      { username: "sam", password: "sam-pass" },
      { username: "viv", password: "viv-pass", site_spectator: true },
    ],
    activities: [
      { name: "Development", slug: "dev" },
      { name: "Documentation", slug: "docs" },
    ],
    projects: [
      { name: "Website", slugs: ["web", "site"], default_activity: "dev", users: { pat: { member: true, manager: true }, sam: { member: true } } },
      { name: "No Default", slugs: ["nodef"], users: { pat: { member: true } } },
    ],
    times: [{ duration: 600, user: "sam", project: "web", date_worked: "2024-01-02" }],
  });
  adminToken = (await login(server.admin.username, server.admin.password)).body.token;
  patToken = (await login("pat", "pat-pass")).body.token;
  samToken = (await login("sam", "sam-pass")).body.token;
});

afterAll(async () => {
  await server.close();
});

describe("fake TimeSync: login and tokens", () => {
  it("issues a JWT-shaped token in padded standard base64, as JSON labelled text/html", async () => {
    const res = await login("pat", "pat-pass");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const parts = (res.body.token as string).split(".");
    expect(parts).toHaveLength(3);
    expect(JSON.parse(Buffer.from(parts[0]!, "base64").toString())).toEqual({ typ: "JWT", alg: "HMAC-SHA512" });
    expect(parts[2]).toMatch(/==$/); // 64-byte HMAC-SHA512 in padded standard base64
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64").toString());
    expect(claims.sub).toBe("pat");
    expect(claims.exp - claims.iat).toBe(30 * 60 * 1000);
  });

  it("rejects a wrong password, a missing type, an unknown type and a non-JSON content type", async () => {
    expect((await login("pat", "nope")).body).toMatchObject({ status: 401, error: "Authentication failure", text: "Incorrect username or password" });
    expect((await call("POST", "/login", { auth: { username: "pat", password: "pat-pass" } })).body.text).toBe("Authentication type required");
    const bad = await call("POST", "/login", { auth: { type: "kerberos", username: "pat", password: "pat-pass" } });
    expect(bad.body).toMatchObject({ status: 401, error: "Bad query value" });
    const plain = await call("POST", "/login", { auth: { type: "password", username: "pat", password: "pat-pass" }, contentType: "text/plain" });
    expect(plain.body).toMatchObject({ status: 401, text: "Missing credentials" });
  });

  it("answers Missing credentials without a token and Bad API token for an unknown one", async () => {
    expect((await call("GET", "/times")).body).toMatchObject({ status: 401, text: "Missing credentials" });
    expect((await call("GET", "/times", { token: "x.y.z" })).body).toMatchObject({ status: 401, text: "Bad API token" });
  });

  it("drops every token on restart and expires tokens by the injected clock", async () => {
    let now = Date.UTC(2024, 5, 1);
    const local = await startFakeTimeSync({ now: () => now, tokenLifetimeMs: 1000 });
    try {
      const token = local.issueToken("admin");
      const get = () => fetch(`${local.url}/users?token=${encodeURIComponent(token)}`);
      expect((await get()).status).toBe(200);
      now += 1001;
      expect(await (await get()).json()).toMatchObject({ text: "Bad API token" });
      now -= 1001;
      local.restart();
      expect((await get()).status).toBe(401);
    } finally {
      await local.close();
    }
  });

  it("masks the token in its request log", async () => {
    await call("GET", "/activities", { token: patToken });
    const last = server.requests.at(-1)!;
    expect(last.url).toBe("/v0/activities?token=***");
    expect(JSON.stringify(server.requests)).not.toContain(patToken);
  });
});

describe("fake TimeSync: routes and quirks", () => {
  it("answers an unknown route with an HTML 404 page", async () => {
    const res = await call("GET", "/nothing-here", { token: patToken });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain("Cannot GET /v0/nothing-here");
  });

  it("creates a time (project answered as the slug sent) and lists it with all project slugs", async () => {
    const created = await call("POST", "/times", {
      token: patToken,
      object: { duration: 12600, user: "pat", project: "site", activities: ["docs"], date_worked: "2024-02-03", notes: "n", extra: 1 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ project: "site", activities: ["docs"], revision: 1, updated_at: null, extra: 1 });
    const fetched = await call("GET", `/times/${created.body.uuid}`, { token: patToken });
    expect(fetched.body.project).toEqual(["site", "web"]);
    expect(fetched.body).not.toHaveProperty("extra");
  });

  it("requires activities when the project has no default, membership, and user = caller", async () => {
    const base = { duration: 60, user: "pat", project: "nodef", date_worked: "2024-02-03" };
    expect((await call("POST", "/times", { token: patToken, object: base })).body).toMatchObject({ status: 400, error: "Bad object" });
    expect((await call("POST", "/times", { token: samToken, object: { ...base, user: "sam", activities: ["dev"] } })).body).toMatchObject({ status: 401, error: "Authorization failure" });
    expect((await call("POST", "/times", { token: samToken, object: { ...base, project: "web" } })).body.error).toBe("Authorization failure");
    expect((await call("POST", "/times", { token: patToken, object: { ...base, activities: ["nope"] } })).body).toMatchObject({ status: 409, error: "Invalid foreign key" });
  });

  it("shows times to owners, spectators and site spectators only", async () => {
    const viv = server.issueToken("viv");
    const samTimes = (await call("GET", "/times", { token: samToken })).body as { user: string }[];
    expect(samTimes.every((t) => t.user === "sam")).toBe(true);
    const vivTimes = (await call("GET", "/times", { token: viv })).body as { user: string }[];
    expect(new Set(vivTimes.map((t) => t.user))).toEqual(new Set(["sam", "pat"]));
  });

  it("filters by user, project, activity and date range and validates the query", async () => {
    const token = adminToken;
    const byProject = (await call("GET", "/times", { token, query: "project=web&start=2024-01-01&end=2024-01-31" })).body;
    expect(byProject.map((t: any) => t.user)).toEqual(["sam"]);
    expect((await call("GET", "/times", { token, query: "activity=docs" })).body).toHaveLength(1);
    expect((await call("GET", "/times", { token, query: "user=pat&user=sam" })).body.length).toBeGreaterThanOrEqual(2);
    expect((await call("GET", "/times", { token, query: "start=2024-02-01&end=2024-01-01" })).body.error).toBe("Bad query value");
    expect((await call("GET", "/times", { token, query: "start=2999-01-01" })).body.error).toBe("Bad query value");
    expect((await call("GET", "/times", { token, query: "start=2024-13-01" })).body.status).toBe(400);
  });

  it("increments the revision, ignores falsy values and answers activities: [] on update", async () => {
    const created = await call("POST", "/times", { token: patToken, object: { duration: 100, user: "pat", project: "web", date_worked: "2024-03-01" } });
    const uuid = created.body.uuid as string;
    const updated = await call("POST", `/times/${uuid}`, { token: patToken, object: { duration: 0, notes: "" } });
    expect(updated.body).toMatchObject({ duration: 100, revision: 2, activities: [] });
    const again = await call("GET", `/times/${uuid}`, { token: patToken, query: "include_revisions=true" });
    expect(again.body.activities).toEqual(["dev"]);
    expect(again.body.parents).toHaveLength(1);
    expect(again.body.parents[0].revision).toBe(1);
    expect((await call("POST", `/times/${uuid}`, { token: patToken, object: { bogus: 1 } })).body.error).toBe("Bad object");
  });

  it("hangs on include_revisions for a revision-less time (reference quirk)", async () => {
    const created = await call("POST", "/times", { token: patToken, object: { duration: 5, user: "pat", project: "web", date_worked: "2024-03-02" } });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 300);
    const pending = fetch(`${server.url}/times/${created.body.uuid}?include_revisions=true&token=${encodeURIComponent(patToken)}`, { signal: controller.signal });
    await expect(pending).rejects.toThrow();
    clearTimeout(timer);
  });

  it("validates identifiers, soft-deletes, and hides deleted objects unless asked", async () => {
    expect((await call("GET", "/times/not-a-uuid", { token: patToken })).body).toMatchObject({ status: 400, error: "The provided identifier was invalid", values: ["not-a-uuid"] });
    const created = await call("POST", "/times", { token: patToken, object: { duration: 7, user: "pat", project: "web", date_worked: "2024-03-03" } });
    const uuid = created.body.uuid as string;
    expect((await call("DELETE", `/times/${uuid}`, { token: samToken })).body.error).toBe("Authorization failure");
    const del = await call("DELETE", `/times/${uuid}`, { token: patToken });
    expect(del.status).toBe(200);
    expect(del.text).toBe("");
    expect((await call("GET", `/times/${uuid}`, { token: patToken })).body).toMatchObject({ status: 404, error: "Object not found" });
    expect((await call("GET", `/times/${uuid}`, { token: patToken, query: "include_deleted=true" })).body.deleted_at).not.toBeNull();
    const listed = (await call("GET", "/times", { token: patToken })).body as { uuid: string }[];
    expect(listed.map((t) => t.uuid)).not.toContain(uuid);
  });

  it("refuses to delete a project with live times (405 with Allow)", async () => {
    const res = await call("DELETE", "/projects/web", { token: adminToken });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.body.error).toBe("Method not allowed");
  });

  it("manages projects: create rules, slug conflicts, replace-on-update and the default_activity bug", async () => {
    expect((await call("POST", "/projects", { token: patToken, object: { name: "X", slugs: ["x"] } })).body.error).toBe("Authorization failure");
    expect((await call("POST", "/projects", { token: adminToken, object: { name: "X", slugs: [] } })).body.error).toBe("Bad object");
    expect((await call("POST", "/projects", { token: adminToken, object: { name: "X", slugs: ["x"], color: "red" } })).body.error).toBe("Bad object");
    expect((await call("POST", "/projects", { token: adminToken, object: { name: "X", slugs: ["web"] } })).body).toMatchObject({ status: 409, error: "The slug provided already exists", values: ["web"] });
    const created = await call("POST", "/projects", { token: adminToken, object: { name: "Proj X", slugs: ["px"], default_activity: "dev", users: { pat: { manager: true } } } });
    expect(created.body).toMatchObject({ slugs: ["px"], default_activity: "dev", users: { pat: { member: false, spectator: false, manager: true } } });
    const updated = await call("POST", "/projects/px", { token: patToken, object: { slugs: ["px2"] } });
    // The answer still shows the old default; the stored project has none (reference bug).
    expect(updated.body).toMatchObject({ slugs: ["px2"], default_activity: "dev", revision: 2 });
    expect((await call("GET", "/projects/px2", { token: patToken })).body.default_activity).toBeNull();
    expect((await call("GET", "/projects", { token: patToken, query: "user=sam" })).body.map((p: any) => p.name)).toEqual(["Website"]);
    const plain = await call("POST", "/projects", { token: adminToken, object: { name: "Bare", slugs: ["bare"] } });
    expect(plain.body).not.toHaveProperty("users");
  });

  it("manages activities and users; the user POST answers created_at as a number", async () => {
    expect((await call("POST", "/activities", { token: patToken, object: { name: "A", slug: "a" } })).body.error).toBe("Authorization failure");
    expect((await call("POST", "/activities", { token: adminToken, object: { name: "A", slug: "dev" } })).body.error).toBe("The slug provided already exists");
    const user = await call("POST", "/users", { token: adminToken, object: { username: "newbie", password: "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890" } });
    expect(typeof user.body.created_at).toBe("number");
    expect(user.body).not.toHaveProperty("password");
    expect((await call("POST", "/users", { token: adminToken, object: { username: "newbie", password: "p" } })).body).toMatchObject({ status: 409, error: "Username already exists" });
    expect((await call("POST", "/users/newbie", { token: adminToken, object: { username: "other" } })).body.error).toBe("Bad object");
    expect(typeof (await call("GET", "/users/newbie", { token: patToken })).body.created_at).toBe("string");
    expect((await call("POST", "/users", { token: patToken, object: { username: "x", password: "p" } })).body.error).toBe("Authorization failure");
  });

  it("lets a user created with a $2a$ hash log in, but not one created with a plain password", async () => {
    const { bcryptHash2a } = await import("../src/fake-timesync/index.js");
    const secret = "s3cret-for-test";
    await call("POST", "/users", { token: adminToken, object: { username: "hashed", password: await bcryptHash2a(secret, 4) } });
    await call("POST", "/users", { token: adminToken, object: { username: "plain", password: secret } });
    expect((await login("hashed", secret)).status).toBe(200);
    expect((await login("plain", secret)).status).toBe(401);
  });

  it("serves msw-style Fetch API requests through fake.fetch", async () => {
    const res = await server.fake.fetch(new Request(`http://anywhere.test/v0/activities?token=${encodeURIComponent(patToken)}`));
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBeGreaterThanOrEqual(2);
  });
});
