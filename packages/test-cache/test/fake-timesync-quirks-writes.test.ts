import { describe, expect, it } from "vitest";
import { startFakeTimeSync } from "../src/fake-timesync/index.js";
import { JSON_TYPE, QUIRK_SEED, useBoth, wire } from "./timesync-wire.js";

// Write quirks observed on the reference server in a wider run (shared docs/timesync.md, "More observed
// on the reference server"): each test pins the default answer, then checks `strict: true`.

const { ref, strict } = useBoth();

describe("fake TimeSync reproduces the reference server's write quirks", () => {
  it("lists project parents newest first (strict: oldest first)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      await w.call("POST", "/projects", { token: admin, object: { name: "Ordered", slugs: ["ordered"] } });
      await w.call("POST", "/projects/ordered", { token: admin, object: { name: "Ordered 2" } });
      await w.call("POST", "/projects/ordered", { token: admin, object: { name: "Ordered 3" } });
      const one = await w.call("GET", "/projects/ordered", { token: admin, query: "include_revisions=true" });
      const listed = await w.call("GET", "/projects", { token: admin, query: "include_revisions=true" });
      const fromList = listed.body.find((p: { name: string }) => p.name === "Ordered 3");
      const expected = w === ref ? [2, 1] : [1, 2];
      for (const project of [one.body, fromList]) expect(project.parents.map((p: { revision: number }) => p.revision)).toEqual(expected);
    }
  });

  it("moves a member's own time to another user, which the member then cannot read (strict: refuses a new owner)", async () => {
    for (const w of [ref, strict]) {
      const pat = w.token("pat");
      const created = await w.call("POST", "/times", { token: pat, object: { duration: 60, user: "pat", project: "web", date_worked: "2024-04-03" } });
      const path = `/times/${created.body.uuid}`;
      const moved = await w.call("POST", path, { token: pat, object: { user: "viv" } });
      if (w === strict) {
        expect(moved).toMatchObject({ status: 401, body: { error: "Authorization failure" } });
        continue;
      }
      // The answer still names the owner before the update; the stored time is viv's.
      expect(moved).toMatchObject({ status: 200, type: JSON_TYPE, body: { user: "pat", revision: 2 } });
      // Out of the caller's sight, a time is not found (strict: Authorization failure).
      expect(await w.call("GET", path, { token: pat })).toMatchObject({ status: 404, body: { error: "Object not found", text: "Nonexistent time" } });
      expect(await w.call("GET", path, { token: w.token("viv") })).toMatchObject({ status: 200, body: { user: "viv", revision: 2 } });
      const unknown = await w.call("POST", path, { token: w.token("viv"), object: { user: "nobody" } });
      expect(unknown).toMatchObject({ status: 409, body: { error: "Invalid foreign key" } });
    }
  });

  it("answers a renamed activity once per revision in a time update; the stored time has it once (strict: once)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const pat = w.token("pat");
      await w.call("POST", "/activities", { token: admin, object: { name: "Review", slug: "review" } });
      await w.call("POST", "/activities/review", { token: admin, object: { name: "Code review" } });
      const created = await w.call("POST", "/times", { token: pat, object: { duration: 60, user: "pat", project: "web", date_worked: "2024-04-04" } });
      const path = `/times/${created.body.uuid}`;
      const updated = await w.call("POST", path, { token: pat, object: { activities: ["review", "docs"] } });
      // The reference server sorts a time's activities, in answers and reads alike.
      expect(updated.body.activities).toEqual(w === ref ? ["docs", "review", "review"] : ["review", "docs"]);
      expect((await w.call("GET", path, { token: pat })).body.activities).toEqual(w === ref ? ["docs", "review"] : ["review", "docs"]);
    }
  });

  it("drops a body over 100 kB and answers 401 Missing credentials (strict: reads it)", async () => {
    for (const w of [ref, strict]) {
      const pat = w.token("pat");
      const time = { duration: 60, user: "pat", project: "web", date_worked: "2024-04-05" };
      const small = await w.call("POST", "/times", { token: pat, object: { ...time, notes: "x".repeat(100_000) } });
      expect(small).toMatchObject({ status: 200 });
      const big = await w.call("POST", "/times", { token: pat, object: { ...time, notes: "x".repeat(200_000) } });
      if (w === ref) expect(big).toMatchObject({ status: 401, type: JSON_TYPE, body: { error: "Authentication failure", text: "Missing credentials" } });
      else expect(big).toMatchObject({ status: 200, body: { notes: "x".repeat(200_000) } });
    }
  });
});

describe("fake TimeSync words time errors as the reference server does", () => {
  it("names foreign keys, owners and the DELETE route's 404 in the reference server's words", async () => {
    const w = ref;
    const pat = w.token("pat");
    const time = { duration: 60, user: "pat", project: "web", date_worked: "2024-04-06" };
    const conflict = (text: string) => ({ status: 409, body: { status: 409, error: "Invalid foreign key", text } });
    expect(await w.call("POST", "/times", { token: pat, object: { ...time, activities: ["nope"] } })).toMatchObject(conflict("The time does not contain a valid activities reference."));
    expect(await w.call("POST", "/times", { token: pat, object: { ...time, project: "nope" } })).toMatchObject(conflict("The time does not contain a valid project reference."));
    const created = await w.call("POST", "/times", { token: pat, object: time });
    const path = `/times/${created.body.uuid}`;
    const viv = w.token("viv");
    expect((await w.call("POST", path, { token: viv, object: { notes: "mine?" } })).body).toEqual({ status: 401, error: "Authorization failure", text: "viv is not authorized to create objects for pat" });
    expect((await w.call("DELETE", path, { token: viv })).body).toEqual({ status: 401, error: "Authorization failure", text: `viv is not authorized to delete time ${created.body.uuid}` });
    expect((await w.call("DELETE", "/times/3f0c4e1a-1b2c-4d3e-8f90-0123456789ab", { token: pat })).body).toEqual({ status: 404, error: "Object not found", text: "Nonexistent uuid" });
    expect((await w.call("GET", "/times/3f0c4e1a-1b2c-4d3e-8f90-0123456789ab", { token: pat })).body).toEqual({ status: 404, error: "Object not found", text: "Nonexistent time" });
    // An update may move the time to a project the owner has no role on (no check on that server).
    expect(await w.call("POST", path, { token: pat, object: { project: "retired" } })).toMatchObject({ status: 200, body: { project: ["retired"] } });
  });
});

describe("fake TimeSync words project, activity and user errors as the reference server does", () => {
  it("uses the reference server's texts for names, foreign keys, permissions and 404s", async () => {
    const w = ref;
    const admin = w.token("admin");
    const pat = w.token("pat");
    const nameTaken = (kind: string) => ({ status: 400, error: "Bad object", text: `Field name of ${kind} should be unique name but was sent as name which already exists` });
    expect((await w.call("POST", "/projects", { token: admin, object: { name: "Website", slugs: ["another"] } })).body).toEqual(nameTaken("project"));
    expect((await w.call("POST", "/activities", { token: admin, object: { name: "Development", slug: "another" } })).body).toEqual(nameTaken("activity"));
    const badDefault = await w.call("POST", "/projects", { token: admin, object: { name: "Defaultless", slugs: ["defaultless"], default_activity: "nope" } });
    expect(badDefault.body).toEqual({ status: 409, error: "Invalid foreign key", text: "The project does not contain a valid activity reference." });
    const authz = (text: string) => ({ status: 401, error: "Authorization failure", text });
    expect((await w.call("POST", "/projects/retired", { token: pat, object: { name: "Mine" } })).body).toEqual(authz("pat is not authorized to make changes to Retired"));
    expect((await w.call("DELETE", "/projects/retired", { token: pat })).body).toEqual(authz("pat is not authorized to delete project retired"));
    expect((await w.call("POST", "/activities/dev", { token: pat, object: { name: "Mine" } })).body).toEqual(authz("pat is not authorized to update activities"));
    expect((await w.call("DELETE", "/activities/dev", { token: pat })).body).toEqual(authz("pat is not authorized to delete activities"));
    expect((await w.call("POST", "/users/viv", { token: pat, object: { display_name: "V" } })).body).toEqual(authz("pat is not authorized to modify user viv"));
    expect((await w.call("POST", "/users/pat", { token: pat, object: { site_admin: true } })).body).toEqual(authz("pat is not authorized to set permissions of user pat"));
    expect((await w.call("DELETE", "/users/viv", { token: pat })).body).toEqual(authz("pat is not authorized to delete users"));
    expect((await w.call("DELETE", "/projects/nothing-here", { token: admin })).body).toEqual({ status: 404, error: "Object not found", text: "Nonexistent slug" });
  });
});

describe("parallel creates of one project slug or username (createRaceWindowMs)", () => {
  it("lets one succeed and answers 500 Server error to the others, but lets activity duplicates through (strict: 409 as for a sequential duplicate)", async () => {
    for (const mode of [false, true]) {
      const server = await startFakeTimeSync({ ...QUIRK_SEED, createRaceWindowMs: 50, strict: mode });
      try {
        const w = wire(() => server);
        const admin = w.token("admin");
        const project = { name: "Raced", slugs: ["raced"] };
        const projects = await Promise.all([1, 2, 3].map((n) => w.call("POST", "/projects", { token: admin, object: { ...project, name: `Raced ${n}` } })));
        const user = { username: "racer", password: "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890" };
        const users = await Promise.all([1, 2].map(() => w.call("POST", "/users", { token: admin, object: user })));
        for (const answers of [projects, users]) {
          const statuses = answers.map((a) => a.status).sort();
          expect(statuses.filter((s) => s === 200)).toHaveLength(1);
          expect(statuses.filter((s) => s !== 200).every((s) => s === (mode ? 409 : 500))).toBe(true);
        }
        if (!mode) expect(projects.find((a) => a.status === 500)?.body).toMatchObject({ status: 500, error: "Server error" });
        // Activities have no unique constraint on the reference server: overlapping creates all succeed.
        const activities = await Promise.all([1, 2].map((n) => w.call("POST", "/activities", { token: admin, object: { name: `Twin ${n}`, slug: "twin" } })));
        expect(activities.map((a) => a.status).sort()).toEqual(mode ? [200, 409] : [200, 200]);
        const twins = (await w.call("GET", "/activities", { token: admin })).body.filter((a: { slug: string }) => a.slug === "twin");
        expect(twins).toHaveLength(mode ? 1 : 2);
      } finally {
        await server.close();
      }
    }
  });

  it("accepts a create overlapping one that failed (400, 401: nothing written), as the reference server would", async () => {
    const server = await startFakeTimeSync({ ...QUIRK_SEED, createRaceWindowMs: 50 });
    try {
      const w = wire(() => server);
      const admin = w.token("admin");
      const pat = w.token("pat");
      const projects = await Promise.all([
        w.call("POST", "/projects", { token: admin, object: { slugs: ["raced"] } }), // no name: 400
        w.call("POST", "/projects", { token: admin, object: { name: "Raced", slugs: ["raced"] } }),
        w.call("POST", "/projects", { token: admin, object: { name: "Raced 3", slugs: ["raced"] } }),
      ]);
      // The second goes on as if it came first; the third overlaps that one and loses as usual.
      expect(projects.map((a) => a.status)).toEqual([400, 200, 500]);
      const user = { username: "racer", password: "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890" };
      const users = await Promise.all([w.call("POST", "/users", { token: pat, object: user }), w.call("POST", "/users", { token: admin, object: user })]);
      expect(users.map((a) => a.status)).toEqual([401, 200]);
      expect((await w.call("GET", "/users/racer", { token: admin })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
