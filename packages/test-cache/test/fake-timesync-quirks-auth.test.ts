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
        // The project route words it in the plural (read from timesync-node's source).
        expect(project.body).toEqual(badObject("Field slugs of project should be slugs but was sent as non-slug strings"));
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

  it("checks e-mails with the reference server's narrow rule (strict: one @ is enough)", async () => {
    const password = "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890";
    const refused = ["x@y", "first-last@example.org", "pat@example.info", "Pat@Example.ORG", "pat@ex-ample.org", "pat@mail.example.org", "p@example.org"];
    const accepted = ["pat@example.org", "first.last@example.org", "pat+work@example.org", "Pat@Example.org", "pat@ab.cd.org"];
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      let n = 0;
      for (const email of accepted) {
        const answer = await w.call("POST", "/users", { token: admin, object: { username: `ok${n++}`, password, email } });
        expect(answer, email).toMatchObject({ status: 200, body: { email } });
      }
      for (const email of refused) {
        const answer = await w.call("POST", "/users", { token: admin, object: { username: `no${n++}`, password, email } });
        if (w === ref) {
          expect(answer, email).toMatchObject({ status: 400, type: JSON_TYPE });
          expect(answer.body).toEqual(badObject("Field email of user should be valid email but was sent as string"));
          const update = await w.call("POST", "/users/pat", { token: admin, object: { email } });
          expect(update, email).toMatchObject({ status: 400, body: { error: "Bad object" } });
        } else {
          expect(answer, email).toMatchObject({ status: 200, body: { email } });
        }
      }
    }
  });

  it("accepts mixed-case usernames, stored and read back as sent (the server lowercases only to check them)", async () => {
    const password = "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890";
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      expect(await w.call("POST", "/users", { token: admin, object: { username: "MixedCase1", password } })).toMatchObject({ status: 200, body: { username: "MixedCase1" } });
      expect(await w.call("GET", "/users/MixedCase1", { token: admin })).toMatchObject({ status: 200, body: { username: "MixedCase1" } });
      expect(await w.call("POST", "/users/MixedCase1", { token: admin, object: { display_name: "Mixed" } })).toMatchObject({ status: 200 });
      expect(await w.call("GET", "/users/mixedcase1", { token: admin })).toMatchObject({ status: 404, body: { text: "Nonexistent user" } });
      expect(await w.call("DELETE", "/users/MixedCase1", { token: admin })).toMatchObject({ status: 200, text: "" });
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
          ? { status: 401, error: "Bad query value", text: "ldap is not a valid authentication type" }
          : { status: 401, error: "Authentication failure", text: "LDAP authentication is not configured on this server" },
      );
    }
  });

  it("labels creates, login and user updates text/html; other updates, GET answers and errors application/json (strict: all JSON)", async () => {
    for (const w of [ref, strict]) {
      const htmlOrJson = w === ref ? HTML_TYPE : JSON_TYPE;
      const admin = w.token("admin");
      const pat = w.token("pat");
      const time = await w.call("POST", "/times", { token: pat, object: { duration: 30, user: "pat", project: "web", date_worked: "2024-05-01" } });
      const labelledHtml = [
        await w.login("pat", "pat-pass"),
        await w.call("POST", "/activities", { token: admin, object: { name: "Testing", slug: "testing" } }),
        await w.call("POST", "/projects", { token: admin, object: { name: "Typed", slugs: ["typed"] } }),
        time,
        await w.call("POST", "/users/pat", { token: pat, object: { display_name: "Pat Example" } }),
      ];
      for (const answer of labelledHtml) expect(answer).toMatchObject({ status: 200, type: htmlOrJson });
      const labelledJson = [
        await w.call("POST", "/activities/testing", { token: admin, object: { name: "Testing More" } }),
        await w.call("POST", "/projects/typed", { token: admin, object: { name: "Typed Again" } }),
        await w.call("POST", `/times/${time.body.uuid}`, { token: pat, object: { duration: 45 } }),
      ];
      for (const answer of labelledJson) expect(answer).toMatchObject({ status: 200, type: JSON_TYPE });
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
