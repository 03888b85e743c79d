import { describe, expect, it } from "vitest";
import { HTML_TYPE, JSON_TYPE, useBoth } from "./timesync-wire.js";

// The reference server's observed answers (shared docs/timesync.md, "Observed on the reference
// server") for login, users, validation and content types: each test pins the default answer, then
// checks `strict: true`.

const { ref, strict } = useBoth();

const badObject = (text: string) => ({ status: 400, error: "Bad object", text });

describe("fake TimeSync reproduces the reference server's validation rules", () => {
  it("refuses a slug without a letter, for activities and projects (strict: accepts it)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const activity = await w.call("POST", "/activities", { token: admin, object: { name: "Numbers", slug: "12345" } });
      const project = await w.call("POST", "/projects", { token: admin, object: { name: "Numbered", slugs: ["ok-slug", "67890"] } });
      if (w === ref) {
        expect(activity).toMatchObject({ status: 400, type: JSON_TYPE });
        expect(activity.body).toEqual(badObject("Field slug of activity should be slug but was sent as non-slug string"));
        expect(project).toMatchObject({ status: 400, type: JSON_TYPE });
        expect(project.body).toEqual(badObject("Field slug of project should be slug but was sent as non-slug string"));
      } else {
        expect(activity).toMatchObject({ status: 200, body: { slug: "12345" } });
        expect(project).toMatchObject({ status: 200, body: { slugs: ["ok-slug", "67890"] } });
      }
    }
  });

  it("allows only a-z 0-9 _ ~ - in usernames (strict: also accepts d.x)", async () => {
    const password = "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890";
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const dotted = await w.call("POST", "/users", { token: admin, object: { username: "d.x", password } });
      const tilde = await w.call("POST", "/users", { token: admin, object: { username: "t~x", password } });
      expect(tilde).toMatchObject({ status: 200, body: { username: "t~x" } });
      if (w === ref) {
        expect(dotted).toMatchObject({ status: 400, type: JSON_TYPE });
        expect(dotted.body).toEqual(badObject("Field username of user should be valid username but was sent as string"));
      } else {
        expect(dotted).toMatchObject({ status: 200, body: { username: "d.x" } });
      }
    }
  });

  it("needs a dot in an e-mail's domain (strict: accepts x@y)", async () => {
    const password = "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890";
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const noDot = await w.call("POST", "/users", { token: admin, object: { username: "mailer", password, email: "x@y" } });
      const dotted = await w.call("POST", "/users", { token: admin, object: { username: "mailer2", password, email: "x@y.example" } });
      expect(dotted).toMatchObject({ status: 200, body: { email: "x@y.example" } });
      if (w === ref) {
        expect(noDot).toMatchObject({ status: 400, type: JSON_TYPE });
        expect(noDot.body).toEqual(badObject("Field email of user should be valid email but was sent as string"));
      } else {
        expect(noDot).toMatchObject({ status: 200, body: { email: "x@y" } });
      }
    }
  });
});

describe("fake TimeSync reproduces the reference server's login, token and content-type quirks", () => {
  it("answers ldap login on a password-only server with 401 Bad query value (strict: Authentication failure)", async () => {
    for (const w of [ref, strict]) {
      const answer = await w.login("pat", "pat-pass", "ldap");
      expect(answer).toMatchObject({ status: 401, type: JSON_TYPE });
      expect(answer.body).toEqual(
        w === ref
          ? { status: 401, error: "Bad query value", text: "Invalid authentication type ldap" }
          : { status: 401, error: "Authentication failure", text: "LDAP authentication is not configured on this server" },
      );
    }
  });

  it("labels every POST answer text/html, GET answers and errors application/json (strict: all JSON)", async () => {
    for (const w of [ref, strict]) {
      const postType = w === ref ? HTML_TYPE : JSON_TYPE;
      const admin = w.token("admin");
      const pat = w.token("pat");
      const time = await w.call("POST", "/times", { token: pat, object: { duration: 30, user: "pat", project: "web", date_worked: "2024-05-01" } });
      const posts = [
        await w.login("pat", "pat-pass"),
        await w.call("POST", "/activities", { token: admin, object: { name: "Testing", slug: "testing" } }),
        await w.call("POST", "/activities/testing", { token: admin, object: { name: "Testing More" } }),
        await w.call("POST", "/projects", { token: admin, object: { name: "Typed", slugs: ["typed"] } }),
        await w.call("POST", "/projects/typed", { token: admin, object: { name: "Typed Again" } }),
        time,
        await w.call("POST", `/times/${time.body.uuid}`, { token: pat, object: { duration: 45 } }),
        await w.call("POST", "/users/pat", { token: pat, object: { display_name: "Pat Example" } }),
      ];
      for (const answer of posts) expect(answer).toMatchObject({ status: 200, type: postType });
      for (const path of ["/times", "/projects", "/activities", "/users", "/users/pat"]) {
        expect(await w.call("GET", path, { token: pat })).toMatchObject({ status: 200, type: JSON_TYPE });
      }
      const postError = await w.call("POST", "/activities", { token: pat, object: { name: "Nope", slug: "nope" } });
      expect(postError).toMatchObject({ status: 401, type: JSON_TYPE, body: { error: "Authorization failure" } });
      expect(await w.login("pat", "wrong")).toMatchObject({ status: 401, type: JSON_TYPE });
    }
  });

  it("keeps a deleted user's token valid and lets them log in again (strict: refuses both)", async () => {
    for (const w of [ref, strict]) {
      const token = (await w.login("gone", "gone-pass")).body.token as string;
      expect(await w.call("DELETE", "/users/gone", { token: w.token("admin") })).toMatchObject({ status: 200, text: "" });
      const withToken = await w.call("GET", "/activities", { token });
      const again = await w.login("gone", "gone-pass");
      if (w === ref) {
        expect(withToken).toMatchObject({ status: 200, type: JSON_TYPE });
        expect(again).toMatchObject({ status: 200, type: HTML_TYPE });
        expect(typeof again.body.token).toBe("string");
      } else {
        expect(withToken.body).toEqual({ status: 401, error: "Authentication failure", text: "Bad API token" });
        expect(again.body).toEqual({ status: 401, error: "Authentication failure", text: "Incorrect username or password" });
      }
    }
  });

  it("finds a deleted user with GET /users/:username?include_deleted=true (both modes)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      expect((await w.call("DELETE", "/users/viv", { token: admin })).status).toBe(200);
      const hidden = await w.call("GET", "/users/viv", { token: admin });
      expect(hidden).toMatchObject({ status: 404, type: JSON_TYPE, body: { status: 404, error: "Object not found", text: "Nonexistent user" } });
      const found = await w.call("GET", "/users/viv", { token: admin, query: "include_deleted=true" });
      expect(found).toMatchObject({ status: 200, type: JSON_TYPE, body: { username: "viv", active: true } });
      expect(found.body.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(found.body).not.toHaveProperty("password");
    }
  });
});
