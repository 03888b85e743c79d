// Runs one timesync-ts session (about 140 steps, SDK calls and raw HTTP) against test-cache's fake
// TimeSync (started here) and against a running timesync-node, and prints every step whose outcome
// (value, or error class, status and text) or wire (status, content type) differs. Not a test: it
// needs the reference server, which CI does not have; CONTRIBUTING.md says how to run one locally.
//
// usage: TIMESYNC_REFERENCE_URL=http://127.0.0.1:8766/v0 node scripts/compare-with-reference.mjs [--strict] [--steps FILE]
//   The server must be fresh (an empty database with one site admin, TIMESYNC_REFERENCE_ADMIN /
//   TIMESYNC_REFERENCE_PASSWORD, default admin / rootpass) and take password logins only.
//   --strict compares the fake's spec mode instead; --steps writes every step's outcomes as JSON.
import http from "node:http";
import { writeFileSync } from "node:fs";
import { startFakeTimeSync, bcryptHash2a } from "@facility-sdk/test-cache";
import { TimeSync } from "../dist/index.js";

const STRICT = process.argv.includes("--strict");
const stepsFile = process.argv.includes("--steps") ? process.argv[process.argv.indexOf("--steps") + 1] : undefined;
const reference = new URL(process.env.TIMESYNC_REFERENCE_URL ?? "");
const REAL_PORT = Number(reference.port);
const ROOT = { username: process.env.TIMESYNC_REFERENCE_ADMIN ?? "admin", password: process.env.TIMESYNC_REFERENCE_PASSWORD ?? "rootpass" };
const PW = "a long passphrase 1";

// ---------- recording proxy (content types, statuses per step) ----------
let currentStep = "setup";
function startProxy(targetPort, log) {
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      const step = currentStep;
      const up = http.request({ host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers: req.headers }, (ur) => {
        const path = req.url.replace(/([?&])token=[^&]*/g, "$1token=T").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
        log.push({ step, req: `${req.method} ${path}`, status: ur.statusCode, ct: ur.headers["content-type"] ?? "-" });
        res.writeHead(ur.statusCode, ur.headers);
        ur.pipe(res);
      });
      up.on("error", (e) => { log.push({ step, req: `${req.method} ${req.url}`, status: "ERR", ct: e.code }); res.destroy(); });
      req.pipe(up);
    });
    srv.listen(0, "127.0.0.1", () => resolve(srv));
  });
}

// ---------- normalisation ----------
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
function norm(v) {
  if (v === undefined) return "<undefined>";
  if (v === null || typeof v !== "object") return typeof v === "string" ? v.replace(UUID, "<uuid>") : v;
  if (Array.isArray(v)) return v.map(norm);
  const out = {};
  for (const k of Object.keys(v).sort()) {
    if (k === "uuid" || k === "revision") continue;
    if (["createdAt", "updatedAt", "deletedAt", "created_at", "updated_at", "deleted_at"].includes(k)) { out[k] = v[k] === null ? null : "<date>"; continue; }
    out[k] = norm(v[k]);
  }
  return out;
}
function normErr(e, base) {
  const strip = (s) => (typeof s === "string" ? s.split(base).join("<BASE>").replace(/127\.0\.0\.1:\d+/g, "<HOST>").replace(UUID, "<uuid>") : s);
  return { error: e?.constructor?.name ?? typeof e, name: e?.name, status: e?.status, apiError: e?.error, text: strip(e?.text), message: strip(e?.message) };
}

// ---------- raw HTTP (bypasses the SDK's local checks, to see what the server itself answers) ----------
async function raw(c, method, path, { body, token = c.root.token, query = "" } = {}) {
  const sep = path.includes("?") ? "&" : "?";
  const url = method === "GET" || method === "DELETE" ? `${c.base}${path}${sep}token=${encodeURIComponent(token)}${query}` : `${c.base}${path}`;
  const init = { method, headers: {} };
  if (body !== undefined) { init.headers["content-type"] = "application/json"; init.body = JSON.stringify({ auth: { type: "token", token }, object: body }); }
  const ac = new AbortController(); const timer = setTimeout(() => ac.abort(), 8000);
  try {
    const res = await fetch(url, { ...init, signal: ac.signal });
    const text = await res.text();
    let parsed; try { parsed = text === "" ? "<empty>" : JSON.parse(text); } catch { parsed = `<non-JSON ${text.length} chars: ${text.slice(0, 60).replace(/\s+/g, " ")}>`; }
    return { status: res.status, ct: res.headers.get("content-type"), body: parsed };
  } catch (e) { return { status: "NO ANSWER", error: e.name }; } finally { clearTimeout(timer); }
}

// ---------- session ----------
function session(h) {
  const steps = [];
  const S = (name, fn) => steps.push([name, fn]);
  const big = "x".repeat(200_000);
  const today = new Date().toISOString().slice(0, 10);

  S("auth root", async (c) => { const t = await c.root.authenticate(ROOT); return { tokenParts: t.split(".").length, isAuth: c.root.isAuthenticated }; });
  S("auth wrong password", (c) => c.mk().authenticate({ username: "admin", password: "nope" }));
  S("auth ldap type", (c) => c.mk().authenticate({ ...ROOT, authType: "ldap" }));
  // activities
  S("createActivity docs", (c) => c.root.createActivity({ name: "Docs", slug: "docs" }));
  S("createActivity dev", (c) => c.root.createActivity({ name: "Development", slug: "dev" }));
  S("createActivity dup slug", (c) => c.root.createActivity({ name: "Docs 2", slug: "docs" }));
  S("createActivity dup name", (c) => c.root.createActivity({ name: "Docs", slug: "docs2" }));
  S("createActivity digits slug", (c) => c.root.createActivity({ name: "Numbers", slug: "12345" }));
  S("getActivities", (c) => c.root.getActivities());
  S("getActivity docs", (c) => c.root.getActivity("docs"));
  // users
  S("createUser pat", (c) => c.root.createUser({ username: "pat", password: PW, displayName: "Pat", email: "pat@example.org" }));
  S("createUser sam", (c) => c.root.createUser({ username: "sam", password: PW }));
  S("createUser MixedCase1", (c) => c.root.createUser({ username: "MixedCase1", password: PW, displayName: "Mixed" }));
  S("createUser email first-last@example.org", (c) => c.root.createUser({ username: "fl", password: PW, email: "first-last@example.org" }));
  S("createUser email pat@example.info", (c) => c.root.createUser({ username: "pinfo", password: PW, email: "pat@example.info" }));
  S("createUser email Pat@Example.ORG", (c) => c.root.createUser({ username: "porg", password: PW, email: "Pat@Example.ORG" }));
  S("updateUser pat email first-last@example.org", (c) => c.root.updateUser("pat", { email: "first-last@example.org" }));
  S("createUser dup pat", (c) => c.root.createUser({ username: "pat", password: PW }));
  S("createUser d.x", (c) => c.root.createUser({ username: "d.x", password: PW }));
  S("getUser MixedCase1", (c) => c.root.getUser("MixedCase1"));
  S("getUser mixedcase1 (lower)", (c) => c.root.getUser("mixedcase1"));
  S("updateUser MixedCase1", (c) => c.root.updateUser("MixedCase1", { displayName: "Mixed Case" }));
  S("getUsers", async (c) => (await c.root.getUsers()).map((u) => u.username).sort());
  // projects
  S("createProject p1", (c) => c.root.createProject({ name: "Project One", slugs: ["p1", "proj1"], defaultActivity: "docs", users: { pat: { member: true, manager: true }, MixedCase1: { member: true }, sam: { spectator: true } } }));
  S("createProject dup slug", (c) => c.root.createProject({ name: "Other", slugs: ["p1"] }));
  S("createProject dup slugs (two)", (c) => c.root.createProject({ name: "Other", slugs: ["p1", "proj1"] }));
  S("createProject unknown user", (c) => c.root.createProject({ name: "Ghost", slugs: ["ghost"], users: { nobody: { member: true } } }));
  S("createProject digits slug", (c) => c.root.createProject({ name: "Digits", slugs: ["12345"] }));
  S("getProject p1", (c) => c.root.getProject("p1"));
  S("getProjects", (c) => c.root.getProjects());
  S("projectUsers p1", (c) => c.root.projectUsers("p1"));
  S("updateProject p1 name (no defaultActivity)", (c) => c.root.updateProject("p1", { name: "Project One B" }));
  S("updateProject p1 uri", (c) => c.root.updateProject("p1", { uri: "https://example.org/p1" }));
  S("getProject p1 default after updates", async (c) => (await c.root.getProject("p1")).defaultActivity);
  S("getProject p1 includeRevisions (parents order)", async (c) => { const p = await c.root.getProject("p1", { includeRevisions: true }); return { parents: (p.parents ?? []).map((x) => ({ name: x.name, uri: x.uri, revision: x.revision, keys: Object.keys(x).sort() })) }; });
  S("getProjects user filter MixedCase1", async (c) => (await c.root.getProjects({ user: ["MixedCase1"] })).map((p) => p.name));
  // logins of users
  S("auth pat", async (c) => { await c.pat.authenticate({ username: "pat", password: PW }); return c.pat.isAuthenticated; });
  S("auth MixedCase1", async (c) => { await c.mixed.authenticate({ username: "MixedCase1", password: PW }); return c.mixed.isAuthenticated; });
  S("auth sam", async (c) => { await c.sam.authenticate({ username: "sam", password: PW }); return c.sam.isAuthenticated; });
  // times
  S("pat createTime t1 (activities docs)", async (c) => { const t = await c.pat.createTime({ duration: "1h30m", project: "p1", activities: ["docs"], dateWorked: "2026-01-05", notes: "first", issueUri: "https://example.org/i/1" }); c.ids.t1 = t.uuid; return t; });
  S("pat createTime t2 (no activities)", async (c) => { const t = await c.pat.createTime({ duration: 600, project: "proj1", dateWorked: "2026-01-06" }); c.ids.t2 = t.uuid; return t; });
  S("getTime t2 (stored)", (c) => c.pat.getTime(c.ids.t2));
  S("MixedCase1 createTime t3", async (c) => { const t = await c.mixed.createTime({ duration: 1200, project: "p1", activities: ["dev"], dateWorked: "2026-01-07" }); c.ids.t3 = t.uuid; return t; });
  S("sam (spectator) createTime", (c) => c.sam.createTime({ duration: 60, project: "p1", activities: ["dev"], dateWorked: "2026-01-07" }));
  S("pat createTime for other user", (c) => c.pat.createTime({ duration: 60, project: "p1", user: "MixedCase1", activities: ["dev"], dateWorked: "2026-01-07" }));
  S("root getTimes user [MixedCase1]", async (c) => (await c.root.getTimes({ user: ["MixedCase1"] })).map(norm));
  S("root getTimes user [mixedcase1]", async (c) => (await c.root.getTimes({ user: ["mixedcase1"] })).map(norm));
  S("MixedCase1 getTimes own", async (c) => (await c.mixed.getTimes({ user: ["MixedCase1"] })).map(norm));
  S("root getTimes user [pat]", async (c) => (await c.root.getTimes({ user: ["pat"] })).map((t) => t.notes));
  S("getTimes user [nobody]", (c) => c.root.getTimes({ user: ["nobody"] }));
  S("getTimes start>end", (c) => c.root.getTimes({ start: "2026-02-01", end: "2026-01-01" }));
  S("getTimes start in future", (c) => c.root.getTimes({ start: "2099-01-01" }));
  S("getTimes project+activity filter", async (c) => (await c.root.getTimes({ project: ["proj1"], activity: ["docs"] })).map((t) => t.duration).sort());
  // renamed activity
  S("updateActivity docs rename", (c) => c.root.updateActivity("docs", { name: "Documentation" }));
  S("updateTime t1 activities [docs] after rename", (c) => c.pat.updateTime(c.ids.t1, { activities: ["docs"] }));
  S("RAW POST /times/t1 activities [docs] after rename only", (c) => raw(c, "POST", `/times/${c.ids.t1}`, { token: c.pat.token, body: { activities: ["docs"] } }));
  S("RAW GET /activities/docs?include_revisions=true", (c) => raw(c, "GET", "/activities/docs?include_revisions=true"));
  S("getTime t1 after update", (c) => c.pat.getTime(c.ids.t1));
  S("updateTime t1 notes + duration", (c) => c.pat.updateTime(c.ids.t1, { notes: "second", duration: "2h0m" }));
  S("getTime t1 includeRevisions", async (c) => { const t = await c.pat.getTime(c.ids.t1, { includeRevisions: true }); return { notes: t.notes, parents: (t.parents ?? []).map((p) => ({ notes: p.notes, revision: p.revision })) }; });
  S("updateTime t1 duration 0 (falsy)", (c) => c.pat.updateTime(c.ids.t1, { duration: 0 }));
  S("updateTime t1 unknown project", (c) => c.pat.updateTime(c.ids.t1, { project: "nope" }));
  // member moves own time to another user
  S("pat updateTime t2 user->MixedCase1", (c) => c.pat.updateTime(c.ids.t2, { user: "MixedCase1" }));
  S("root getTime t2 after move", (c) => c.root.getTime(c.ids.t2));
  S("pat getTime t2 after move", (c) => c.pat.getTime(c.ids.t2));
  // note > 100 kB
  S("pat createTime note 200k chars", (c) => c.pat.createTime({ duration: 60, project: "p1", activities: ["dev"], dateWorked: "2026-01-08", notes: big }));
  S("pat updateTime t1 note 200k chars", (c) => c.pat.updateTime(c.ids.t1, { notes: big }));
  // deletes
  S("pat deleteTime t1", (c) => c.pat.deleteTime(c.ids.t1));
  S("pat deleteTime t1 again", (c) => c.pat.deleteTime(c.ids.t1));
  S("pat getTime t1 deleted", (c) => c.pat.getTime(c.ids.t1));
  S("pat getTime t1 includeDeleted", (c) => c.pat.getTime(c.ids.t1, { includeDeleted: true }));
  S("pat updateTime t1 deleted", (c) => c.pat.updateTime(c.ids.t1, { notes: "revived?" }));
  S("pat getTimes after update-deleted", async (c) => (await c.pat.getTimes({ user: ["pat"] })).map((t) => t.notes));
  S("sam deleteTime t3 (not owner)", (c) => c.sam.deleteTime(c.ids.t3));
  // parallel project creates
  S("parallel createProject same slug x5", async (c) => {
    const rs = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => c.root.createProject({ name: `Race ${i}`, slugs: ["race"] })));
    return rs.map((r) => (r.status === "fulfilled" ? "ok" : `${r.reason?.constructor?.name} ${r.reason?.status} ${r.reason?.error}`)).sort();
  });
  S("getProjects race count", async (c) => (await c.root.getProjects()).filter((p) => p.slugs.includes("race")).length);
  S("parallel createUser same name x5", async (c) => {
    const rs = await Promise.allSettled([0, 1, 2, 3, 4].map(() => c.root.createUser({ username: "racer", password: PW })));
    return rs.map((r) => (r.status === "fulfilled" ? "ok" : `${r.reason?.constructor?.name} ${r.reason?.status} ${r.reason?.error}`)).sort();
  });
  S("parallel createActivity same slug x5", async (c) => {
    const rs = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => c.root.createActivity({ name: `Race ${i}`, slug: "race-act" })));
    return rs.map((r) => (r.status === "fulfilled" ? "ok" : `${r.reason?.constructor?.name} ${r.reason?.status} ${r.reason?.error}`)).sort();
  });
  // 404s
  S("getTime missing uuid", (c) => c.root.getTime("00000000-0000-4000-8000-000000000000"));
  S("getTime invalid uuid", (c) => c.root.getTime("not-a-uuid"));
  S("getProject missing", (c) => c.root.getProject("nope"));
  S("getActivity missing", (c) => c.root.getActivity("nope"));
  S("getUser missing", (c) => c.root.getUser("nope"));
  S("deleteTime missing", (c) => c.root.deleteTime("00000000-0000-4000-8000-000000000000"));
  S("deleteProject missing", (c) => c.root.deleteProject("nope"));
  S("deleteActivity missing", (c) => c.root.deleteActivity("nope"));
  S("deleteUser missing", (c) => c.root.deleteUser("nope"));
  S("updateProject missing", (c) => c.root.updateProject("nope", { name: "X" }));
  S("updateUser missing", (c) => c.root.updateUser("nope", { displayName: "X" }));
  S("updateTime missing", (c) => c.root.updateTime("00000000-0000-4000-8000-000000000000", { notes: "x" }));
  // deletes of objects
  S("deleteProject p1 (times reference it)", (c) => c.root.deleteProject("p1"));
  S("createProject p2 + delete", async (c) => { await c.root.createProject({ name: "Two", slugs: ["p2"] }); await c.root.deleteProject("p2"); return "deleted"; });
  S("getProjects includeDeleted (p2)", async (c) => (await c.root.getProjects({ includeDeleted: true })).filter((p) => p.name === "Two").map(norm));
  S("createActivity tmp + delete", async (c) => { await c.root.createActivity({ name: "Tmp", slug: "tmp" }); await c.root.deleteActivity("tmp"); return "deleted"; });
  S("getActivities includeDeleted (tmp)", async (c) => (await c.root.getActivities({ includeDeleted: true })).filter((a) => a.name === "Tmp").map(norm));
  // MixedCase1 delete
  S("deleteUser MixedCase1", (c) => c.root.deleteUser("MixedCase1"));
  S("getUser MixedCase1 after delete", (c) => c.root.getUser("MixedCase1"));
  S("getUser MixedCase1 includeDeleted", (c) => c.root.getUser("MixedCase1", { includeDeleted: true }));
  S("MixedCase1 token after delete (getTimes)", async (c) => (await c.mixed.getTimes()).length);
  S("auth MixedCase1 after delete", async (c) => { await c.mk().authenticate({ username: "MixedCase1", password: PW }); return "ok"; });
  S("root getTimes user [MixedCase1] after delete", async (c) => (await c.root.getTimes({ user: ["MixedCase1"] })).length);
  S("deleteUser MixedCase1 again", (c) => c.root.deleteUser("MixedCase1"));
  // activity revisions (known server bug area)
  S("updateActivity docs slug change", (c) => c.root.updateActivity("docs", { slug: "documentation" }));
  S("getActivity documentation", (c) => c.root.getActivity("documentation"));
  // ----- raw wire checks (no SDK validation in the way) -----
  const hash = () => bcryptHash2a(PW, 4);
  S("RAW POST /users email first-last@example.org", async (c) => raw(c, "POST", "/users", { body: { username: "rawfl", password: await hash(), email: "first-last@example.org" } }));
  S("RAW POST /users email pat@example.info", async (c) => raw(c, "POST", "/users", { body: { username: "rawinfo", password: await hash(), email: "pat@example.info" } }));
  S("RAW POST /users email Pat@Example.ORG", async (c) => raw(c, "POST", "/users", { body: { username: "raworg", password: await hash(), email: "Pat@Example.ORG" } }));
  S("RAW POST /users username d.x", async (c) => raw(c, "POST", "/users", { body: { username: "d.x", password: await hash() } }));
  S("RAW POST /users username MixedCase2", async (c) => raw(c, "POST", "/users", { body: { username: "MixedCase2", password: await hash() } }));
  S("RAW POST /users/MixedCase2 update", (c) => raw(c, "POST", "/users/MixedCase2", { body: { display_name: "MC2" } }));
  S("RAW GET /times?user=MixedCase2", (c) => raw(c, "GET", "/times?user=MixedCase2"));
  S("RAW GET /times?user=mixedcase2", (c) => raw(c, "GET", "/times?user=mixedcase2"));
  S("RAW DELETE /users/MixedCase2", (c) => raw(c, "DELETE", "/users/MixedCase2"));
  S("RAW DELETE /users/MixedCase2 again", (c) => raw(c, "DELETE", "/users/MixedCase2"));
  S("RAW POST /activities slug 12345", (c) => raw(c, "POST", "/activities", { body: { name: "Numbers", slug: "12345" } }));
  S("RAW POST /projects slugs [12345]", (c) => raw(c, "POST", "/projects", { body: { name: "Numbers", slugs: ["12345"] } }));
  S("RAW GET /projects/p1?include_revisions=true parents", async (c) => { const r = await raw(c, "GET", "/projects/p1?include_revisions=true"); return { status: r.status, ct: r.ct, parents: (r.body.parents ?? []).map((x) => `${x.revision}:${x.name}`) }; });
  S("RAW POST /times (pat) 200k note", (c) => raw(c, "POST", "/times", { token: c.pat.token, body: { duration: 60, project: "p1", user: "pat", activities: ["dev"], date_worked: "2026-01-08", notes: "x".repeat(200_000) } }));
  S("RAW POST /times (pat) unknown key", (c) => raw(c, "POST", "/times", { token: c.pat.token, body: { duration: 60, project: "p1", user: "pat", activities: ["dev"], date_worked: "2026-01-09", bogus: 1 } }));
  S("RAW POST /times (pat) t4 no activities", async (c) => { const r = await raw(c, "POST", "/times", { token: c.pat.token, body: { duration: 120, project: "p1", user: "pat", date_worked: "2026-01-10" } }); c.ids.t4 = r.body?.uuid; return r; });
  S("RAW POST /times/t4 activities [docs] (renamed act)", (c) => raw(c, "POST", `/times/${c.ids.t4}`, { token: c.pat.token, body: { activities: ["docs"] } }));
  S("RAW POST /times/t4 notes (no activities)", (c) => raw(c, "POST", `/times/${c.ids.t4}`, { token: c.pat.token, body: { notes: "n" } }));
  S("RAW GET /times/t4", (c) => raw(c, "GET", `/times/${c.ids.t4}`, { token: c.pat.token }));
  S("RAW POST /times/t4 user->sam (move)", (c) => raw(c, "POST", `/times/${c.ids.t4}`, { token: c.pat.token, body: { user: "sam" } }));
  S("RAW GET /times/t4 as admin after move", (c) => raw(c, "GET", `/times/${c.ids.t4}`));
  S("RAW DELETE /times/t4 (admin)", (c) => raw(c, "DELETE", `/times/${c.ids.t4}`));
  S("RAW DELETE /times/t4 again", (c) => raw(c, "DELETE", `/times/${c.ids.t4}`));
  S("RAW POST /times/t4 on deleted", (c) => raw(c, "POST", `/times/${c.ids.t4}`, { body: { notes: "revived" } }));
  S("RAW GET /times/t4 after update-deleted", (c) => raw(c, "GET", `/times/${c.ids.t4}`));
  S("RAW GET /times?start=2099-01-01", (c) => raw(c, "GET", "/times?start=2099-01-01"));
  S("RAW GET /times?start=2026-02-01&end=2026-01-01", (c) => raw(c, "GET", "/times?start=2026-02-01&end=2026-01-01"));
  S("RAW GET /times?user=nobody", (c) => raw(c, "GET", "/times?user=nobody"));
  S("RAW GET /times/<missing uuid>", (c) => raw(c, "GET", "/times/00000000-0000-4000-8000-000000000000"));
  S("RAW GET /times/not-a-uuid", (c) => raw(c, "GET", "/times/not-a-uuid"));
  S("RAW GET /nope (unknown route)", (c) => raw(c, "GET", "/nope"));
  S("RAW POST /login ldap", (c) => fetch(`${c.base}/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth: { type: "ldap", username: "admin", password: "x" } }) }).then(async (r) => ({ status: r.status, ct: r.headers.get("content-type"), body: await r.text() })));
  S("RAW POST /projects no content-type", (c) => fetch(`${c.base}/projects`, { method: "POST", body: JSON.stringify({ auth: { type: "token", token: c.root.token }, object: { name: "NoCT", slugs: ["noct"] } }) }).then(async (r) => ({ status: r.status, ct: r.headers.get("content-type"), body: await r.text() })));
  S("RAW POST /projects/p1 users unknown", (c) => raw(c, "POST", "/projects/p1", { body: { users: { nobody: { member: true } } } }));
  S("RAW POST /activities/dev update", (c) => raw(c, "POST", "/activities/dev", { body: { name: "Dev" } }));
  // last: may leave the real server's transaction open (hangs afterwards)
  S("updateActivity missing (LAST)", (c) => c.root.updateActivity("nope", { name: "X" }));
  return steps;
}

async function runAgainst(label, baseUrl, log) {
  const mk = () => new TimeSync({ baseUrl, timeout: { attemptMs: 8000, totalMs: 10000 }, retry: { limit: 0 } });
  const c = { root: mk(), pat: mk(), mixed: mk(), sam: mk(), mk, ids: {}, base: baseUrl };
  const results = [];
  for (const [name, fn] of session()) {
    currentStep = `${label}:${name}`;
    let out;
    try { out = { ok: true, value: norm(await fn(c)) }; } catch (e) { out = { ok: false, ...normErr(e, baseUrl) }; }
    const wire = log.filter((l) => l.step === currentStep).map((l) => `${l.req} -> ${l.status} ${l.ct}`);
    results.push({ name, out, wire });
  }
  for (const k of ["root", "pat", "mixed", "sam"]) await c[k].close().catch(() => {});
  return results;
}

const log = [];
// fake
const fake = await startFakeTimeSync({ users: [{ username: ROOT.username, password: ROOT.password, site_admin: true, site_manager: true, site_spectator: true, display_name: "admin", meta: "root" }], createRaceWindowMs: 50, strict: STRICT });
const fakePort = Number(new URL(fake.url).port);
const fakeProxy = await startProxy(fakePort, log);
// real (already running)
const realProxy = await startProxy(REAL_PORT, log);

const F = await runAgainst("fake", `http://127.0.0.1:${fakeProxy.address().port}/v0`, log);
const R = await runAgainst("real", `http://127.0.0.1:${realProxy.address().port}/v0`, log);

await fake.close();
fakeProxy.close(); realProxy.close();

// ---------- report ----------
const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const ctOf = (w) => w.map((x) => x.replace(/^(\S+ \S+) -> (\S+) (.*)$/, "$1 -> $2 $3"));
let diffs = 0;
const lines = [];
lines.push(`fake: startFakeTimeSync(strict=${STRICT}, createRaceWindowMs=50); real: timesync-node on SQLite, 127.0.0.1:${REAL_PORT}`);
lines.push(`steps: ${F.length}`);
for (let i = 0; i < F.length; i++) {
  const f = F[i], r = R[i];
  const outDiff = !eq(f.out, r.out);
  const wireDiff = !eq(ctOf(f.wire), ctOf(r.wire));
  if (!outDiff && !wireDiff) continue;
  diffs++;
  lines.push(`\n### ${i + 1}. ${f.name}  [${outDiff ? "OUTCOME" : ""}${outDiff && wireDiff ? "+" : ""}${wireDiff ? "WIRE" : ""} differs]`);
  if (outDiff) { lines.push(`  fake: ${JSON.stringify(f.out)}`); lines.push(`  real: ${JSON.stringify(r.out)}`); }
  if (wireDiff) { lines.push(`  fake wire: ${f.wire.join(" | ")}`); lines.push(`  real wire: ${r.wire.join(" | ")}`); }
}
lines.push(`\n${diffs} of ${F.length} steps differ`);
lines.push("\n=== all steps (real outcome; '=' when fake is identical) ===");
for (let i = 0; i < F.length; i++) lines.push(`${i + 1}. ${F[i].name}: ${eq(F[i].out, R[i].out) && eq(F[i].wire, R[i].wire) ? "= " : "≠ "}${JSON.stringify(R[i].out).slice(0, 400)}`);
console.log(lines.join("\n"));
if (stepsFile !== undefined) writeFileSync(stepsFile, JSON.stringify({ fake: F, real: R }, null, 1));
process.exit(0);
