import { describe, expect, it } from "vitest";
import { JSON_TYPE, useBoth } from "./timesync-wire.js";

// Answers a side-by-side run against timesync-node itself (on SQLite, 127.0.0.1, 2026-12-05) showed
// the fake giving differently; each test pins the reference answer, then `strict: true`.

const { ref, strict } = useBoth();

const badQuery = (text: string, status = 400) => ({ status, error: "Bad query value", text });

describe("fake TimeSync answers as timesync-node did in a side-by-side run", () => {
  it("GET /times refuses a user, project or activity filter only when none of its values exists, naming them all (strict: any unknown one)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const get = (query: string) => w.call("GET", "/times", { token: admin, query });
      // Strict stops at the first unknown value.
      const both = (a: string, b: string) => (w === ref ? `${a},${b}` : a);
      expect((await get("user=nobody&user=noone")).body).toEqual(badQuery(`Parameter user contained invalid value ${both("nobody", "noone")}`));
      expect((await get("project=nope&project=nada")).body).toEqual(badQuery(`Parameter project contained invalid value ${both("nope", "nada")}`));
      expect((await get("activity=nope")).body).toEqual(badQuery("Parameter activity contained invalid value nope"));
      // A username in another case is another user: the filter does not lowercase.
      expect((await get("user=PAT")).body).toEqual(badQuery("Parameter user contained invalid value PAT"));
      const mixed = await get("user=pat&user=nobody");
      if (w === ref) expect(mixed).toMatchObject({ status: 200, type: JSON_TYPE });
      else expect(mixed.body).toEqual(badQuery("Parameter user contained invalid value nobody"));
    }
  });

  it("words a start after the end, or in the future, as an invalid start (strict: names the reason)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      const after = await w.call("GET", "/times", { token: admin, query: "start=2026-02-01&end=2026-01-01" });
      const future = await w.call("GET", "/times", { token: admin, query: "start=2099-01-01" });
      if (w === ref) {
        expect(after.body).toEqual(badQuery("Parameter start contained invalid value 2026-02-01"));
        expect(future.body).toEqual(badQuery("Parameter start contained invalid value 2099-01-01"));
      } else {
        expect(after.body).toEqual(badQuery("Parameter start is after end"));
        expect(future.body).toEqual(badQuery("Parameter start is in the future"));
      }
    }
  });

  it("deletes an already deleted user again with an empty 200; a user that never was is 404 (strict: both 404)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      await w.call("POST", "/users", { token: admin, object: { username: "twice", password: "$2a$04$abcdefghijklmnopqrstuu0123456789012345678901234567890" } });
      expect(await w.call("DELETE", "/users/twice", { token: admin })).toMatchObject({ status: 200, text: "" });
      const again = await w.call("DELETE", "/users/twice", { token: admin });
      if (w === ref) expect(again).toMatchObject({ status: 200, type: null, text: "" });
      else expect(again).toMatchObject({ status: 404, body: { text: "Nonexistent user" } });
      expect(await w.call("DELETE", "/users/never", { token: admin })).toMatchObject({ status: 404, type: JSON_TYPE, body: { error: "Object not found", text: "Nonexistent user" } });
    }
  });

  it("answers an activity update without deleted_at (strict: with it)", async () => {
    for (const w of [ref, strict]) {
      const admin = w.token("admin");
      await w.call("POST", "/activities", { token: admin, object: { name: "Review", slug: "review" } });
      const updated = await w.call("POST", "/activities/review", { token: admin, object: { name: "Code review" } });
      expect(updated).toMatchObject({ status: 200, type: JSON_TYPE, body: { name: "Code review", slug: "review", revision: 2 } });
      expect("deleted_at" in updated.body).toBe(w === strict);
    }
  });

  it("names an unknown auth type the same way on a login and on a request", async () => {
    const login = await ref.login("pat", "pat-pass", "bogus");
    expect(login.body).toEqual(badQuery("bogus is not a valid authentication type", 401));
    const request = await ref.call("POST", "/activities", { auth: { type: "bogus", token: ref.token("admin") }, object: { name: "X", slug: "x" } });
    expect(request.body).toEqual(badQuery("bogus is not a valid authentication type", 401));
  });

  it("sends Express's own 404 page for an unknown route, byte for byte", async () => {
    const page = await fetch(`${ref.server.url}/nope`);
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const path = new URL(`${ref.server.url}/nope`).pathname;
    expect(await page.text()).toBe(
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET ${path}</pre>\n</body>\n</html>\n`,
    );
  });
});
