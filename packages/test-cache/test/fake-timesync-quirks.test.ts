import { describe, expect, it } from "vitest";
import { HTML_TYPE, JSON_TYPE, useBoth } from "./timesync-wire.js";

// The reference server's observed answers (shared docs/timesync.md, "Observed on the reference
// server") for objects and times: each test pins the default answer, then checks `strict: true`.

const { ref, strict } = useBoth();

const PARENT_KEYS = ["created_at", "default_activity", "deleted_at", "name", "revision", "updated_at", "uri", "uuid"];

describe("fake TimeSync reproduces the reference server's object quirks", () => {
  it("lists a deleted activity with slug null (strict: keeps the slug)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      expect(await w.call("DELETE", "/activities/old", { token: admin })).toMatchObject({ status: 200, text: "" });
      const listed = await w.call("GET", "/activities", { token: admin, query: "include_deleted=true" });
      expect(listed).toMatchObject({ status: 200, type: JSON_TYPE });
      const old = listed.body.find((a: { name: string }) => a.name === "Old Work");
      expect(old.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(old).toHaveProperty("slug", w === ref ? null : "old");
    }
  });

  it("lists a deleted project with slugs [] (strict: keeps the slugs)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      expect(await w.call("DELETE", "/projects/retired", { token: admin })).toMatchObject({ status: 200, text: "" });
      const listed = await w.call("GET", "/projects", { token: admin, query: "include_deleted=true" });
      const retired = listed.body.find((p: { name: string }) => p.name === "Retired");
      expect(retired).toMatchObject({ slugs: w === ref ? [] : ["retired"], revision: 1 });
      expect(retired.deleted_at).not.toBeNull();
    }
  });

  it("sends project parents without slugs and users (strict: full parents)", async () => {
    for (const w of [ref, strict]) {
      const pat = w.token("pat");
      const update = { name: "Revised Twice", slugs: ["revised"], default_activity: "dev" };
      expect((await w.call("POST", "/projects/revised", { token: pat, object: update })).status).toBe(200);
      const one = await w.call("GET", "/projects/revised", { token: pat, query: "include_revisions=true" });
      const listed = await w.call("GET", "/projects", { token: pat, query: "include_revisions=true" });
      const fromList = listed.body.find((p: { name: string }) => p.name === "Revised Twice");
      expect(one).toMatchObject({ status: 200, type: JSON_TYPE });
      expect(one.body).toMatchObject({ name: "Revised Twice", slugs: ["revised"], users: { pat: { manager: true } }, revision: 2 });
      for (const parents of [one.body.parents, fromList.parents]) {
        expect(parents).toHaveLength(1);
        expect(parents[0]).toMatchObject({ name: "Revised", revision: 1, default_activity: "dev", uri: null, deleted_at: null });
        const keys = Object.keys(parents[0]).sort();
        expect(keys).toEqual(w === ref ? PARENT_KEYS : [...PARENT_KEYS, "slugs", "users"].sort());
      }
    }
  });

  it("answers POST /times without unsent activities, notes and issue_uri, but stores the default activity", async () => {
    const sent = { duration: 900, user: "pat", project: "web", date_worked: "2024-04-01" };
    for (const w of [ref, strict]) {
      const pat = w.token("pat");
      const created = await w.call("POST", "/times", { token: pat, object: sent });
      expect(created).toMatchObject({ status: 200, type: w === ref ? HTML_TYPE : JSON_TYPE });
      const base = ["created_at", "date_worked", "deleted_at", "duration", "project", "revision", "updated_at", "user", "uuid"];
      expect(Object.keys(created.body).sort()).toEqual(w === ref ? base : [...base, "activities", "issue_uri", "notes"].sort());
      expect(created.body).toMatchObject({ ...sent, revision: 1, updated_at: null, deleted_at: null });
      if (w === strict) expect(created.body).toMatchObject({ activities: ["dev"], notes: null, issue_uri: null });
      const stored = await w.call("GET", `/times/${created.body.uuid}`, { token: pat });
      expect(stored.body).toMatchObject({ activities: ["dev"], notes: null, issue_uri: null, project: ["site", "web"] });
    }
  });

  it("answers the old default_activity to an update without one, but stores null (strict: keeps it)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const updated = await w.call("POST", "/projects/defaulted", { token: admin, object: { name: "Defaulted Again" } });
      expect(updated).toMatchObject({ status: 200, type: JSON_TYPE });
      expect(updated.body).toMatchObject({ name: "Defaulted Again", default_activity: "docs", revision: 2 });
      const stored = await w.call("GET", "/projects/defaulted", { token: admin });
      expect(stored.body.default_activity).toBe(w === ref ? null : "docs");
    }
  });

  it("answers 200 to DELETE and POST on a deleted time, which becomes current again (strict: 404)", async () => {
    for (const w of [ref, strict]) {
      const pat = w.token("pat");
      const created = await w.call("POST", "/times", { token: pat, object: { duration: 60, user: "pat", project: "web", date_worked: "2024-04-02" } });
      const path = `/times/${created.body.uuid}`;
      expect(await w.call("DELETE", path, { token: pat })).toMatchObject({ status: 200, text: "" });
      const again = await w.call("DELETE", path, { token: pat });
      const revived = await w.call("POST", path, { token: pat, object: { notes: "back again" } });
      if (w === strict) {
        for (const answer of [again, revived]) {
          expect(answer).toMatchObject({ status: 404, type: JSON_TYPE, body: { status: 404, error: "Object not found", text: "Nonexistent time" } });
        }
        continue;
      }
      expect(again).toMatchObject({ status: 200, text: "" });
      expect(revived).toMatchObject({ status: 200, type: JSON_TYPE, body: { notes: "back again", revision: 2, deleted_at: null } });
      const current = await w.call("GET", path, { token: pat });
      expect(current).toMatchObject({ status: 200, body: { revision: 2, deleted_at: null, notes: "back again" } });
      expect((await w.call("GET", "/times", { token: pat })).body.map((t: { uuid: string }) => t.uuid)).toContain(created.body.uuid);
    }
  });

  it("answers 500 Server error when a project's users name an unknown user (strict: 409)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const create = await w.call("POST", "/projects", { token: admin, object: { name: "Ghostly", slugs: ["ghostly"], users: { ghost: { member: true } } } });
      const update = await w.call("POST", "/projects/web", { token: admin, object: { users: { ghost: { member: true } } } });
      for (const answer of [create, update]) {
        expect(answer.type).toBe(JSON_TYPE);
        expect(answer.body).toEqual(
          w === ref
            ? { status: 500, error: "Server error", text: "Unexpected server error." }
            : { status: 409, error: "Invalid foreign key", text: "Invalid foreign key: user ghost does not exist" },
        );
        expect(answer.status).toBe(answer.body.status);
      }
      // Nothing was written.
      expect((await w.call("GET", "/projects/ghostly", { token: admin })).status).toBe(404);
      expect((await w.call("GET", "/projects/web", { token: admin })).body.revision).toBe(1);
    }
  });

  it("lets a spectator-only user log time (SQLite member flag 0 is not false; strict: 401)", async () => {
    const object = { duration: 120, user: "spec", project: "web", date_worked: "2024-04-03" };
    for (const w of [ref, strict]) {
      const answer = await w.call("POST", "/times", { token: w.token("spec"), object });
      if (w === ref) expect(answer).toMatchObject({ status: 200, body: { user: "spec", project: "web" } });
      else expect(answer).toMatchObject({ status: 401, type: JSON_TYPE, body: { error: "Authorization failure" } });
      // A user without any role on the project is refused in both modes.
      const viv = await w.call("POST", "/times", { token: w.token("viv"), object: { ...object, user: "viv" } });
      expect(viv.body).toEqual({ status: 401, error: "Authorization failure", text: "viv is not authorized to create time entries for project web." });
    }
  });

  it("words slug conflicts and missing activities as the reference server does (strict: spec texts)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const one = await w.call("POST", "/activities", { token: admin, object: { name: "Another Dev", slug: "dev" } });
      const several = await w.call("POST", "/projects", { token: admin, object: { name: "Copy", slugs: ["web", "site"] } });
      const missingActivity = await w.call("GET", "/activities/nothing-here", { token: admin });
      const missingProject = await w.call("GET", "/projects/nothing-here", { token: admin });
      const error = "The slug provided already exists";
      expect(one).toMatchObject({ status: 409, type: JSON_TYPE });
      expect(one.body).toEqual({ status: 409, error, text: w === ref ? "slug dev already exists" : "slugs dev already exist", values: ["dev"] });
      expect(several.body).toEqual({ status: 409, error, text: "slugs web, site already exist", values: ["web", "site"] });
      expect(missingActivity.body).toEqual({ status: 404, error: "Object not found", text: "Nonexistent activity" });
      // Only the reference server's DELETE route names the slug (read from its source).
      const missingDelete = await w.call("DELETE", "/activities/nothing-here", { token: admin });
      expect(missingDelete.body).toEqual({ status: 404, error: "Object not found", text: w === ref ? "Nonexistent slug" : "Nonexistent activity" });
      expect(missingProject.body).toEqual({ status: 404, error: "Object not found", text: "Nonexistent project" });
    }
  });

  it("does not reproduce the hang after POST /activities/:slug for a missing slug", async () => {
    const admin = ref.token("admin");
    const missing = await ref.call("POST", "/activities/never-was", { token: admin, object: { name: "Never" } });
    expect(missing).toMatchObject({ status: 404, type: JSON_TYPE, body: { status: 404, error: "Object not found", text: "Nonexistent activity" } });
    // The reference server would now hang on every request; the fake keeps answering.
    expect((await ref.call("GET", "/activities", { token: admin, query: "include_deleted=false" })).status).toBe(200);
  });
});
