import { describe, expect, it } from "vitest";
import { TimeSyncValidationError } from "../src/errors.js";
import { slugPath, usernamePath, uuidPath } from "../src/internal/ids.js";
import { validate } from "../src/internal/validate.js";
import { activityUpdateToWire } from "../src/models/activity.js";
import { projectCreateToWire, projectUpdateToWire } from "../src/models/project.js";
import { timeCreateToWire, timeFilterToQuery, timeUpdateToWire } from "../src/models/time.js";
import { userCreateToWire, userUpdateToWire } from "../src/models/user.js";
// The zod schemas are internal since they moved out of the models (src/schemas/, loaded on first use).
import {
  ActivityCreateInputSchema,
  ActivityUpdateInputSchema,
  GetOneOptionsSchema,
  ProjectCreateInputSchema,
  ProjectFilterSchema,
  ProjectUpdateInputSchema,
  TimeCreateInputSchema,
  TimeFilterSchema,
  TimeUpdateInputSchema,
  UserCreateInputSchema,
  UserUpdateInputSchema,
} from "../src/schemas/index.js";

// The input → wire conversions live with their models; grouped here as the tests always used them.
const wire = { timeCreateToWire, timeUpdateToWire, timeFilterToQuery, projectCreateToWire, projectUpdateToWire, activityUpdateToWire, userCreateToWire, userUpdateToWire };

function fieldOf(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TimeSyncValidationError);
    const e = error as TimeSyncValidationError;
    return { field: e.field, message: e.message };
  }
  throw new Error("expected a TimeSyncValidationError");
}

const time = { duration: "3h30m", project: "web", dateWorked: "2024-05-02" };

describe("time create input", () => {
  it("accepts a minimal time and converts it to the wire shape", () => {
    const valid = validate(TimeCreateInputSchema, { ...time, activities: ["dev"], issueUri: "https://git.example/i/1", notes: "n" }, "time");
    expect(wire.timeCreateToWire(valid, () => "pat")).toEqual({
      duration: 12600,
      project: "web",
      user: "pat",
      date_worked: "2024-05-02",
      activities: ["dev"],
      issue_uri: "https://git.example/i/1",
      notes: "n",
    });
  });

  it("takes a Date as its UTC day", () => {
    const valid = validate(TimeCreateInputSchema, { ...time, dateWorked: new Date(Date.UTC(2024, 0, 31, 23, 0)) }, "time");
    expect(wire.timeCreateToWire(valid, () => "pat")["date_worked"]).toBe("2024-01-31");
  });

  it.each([
    ["duration", { project: "web", dateWorked: "2024-05-02" }, "time.duration", /required/],
    ["project", { duration: 60, dateWorked: "2024-05-02" }, "time.project", /required/],
    ["dateWorked", { duration: 60, project: "web" }, "time.dateWorked", /required/],
  ])("requires %s", (_name, input, field, message) => {
    const got = fieldOf(() => validate(TimeCreateInputSchema, input, "time"));
    expect(got.field).toBe(field);
    expect(got.message).toMatch(message);
  });

  it.each([
    ["an unknown field", { ...time, colour: "red" }, "time.colour"],
    ["a snake_case field, with a hint", { ...time, date_worked: "2024-05-02" }, "time.date_worked"],
    ["a bad project slug", { ...time, project: "Web Site" }, "time.project"],
    ["a bad activity slug", { ...time, activities: ["ok", "NOT OK"] }, "time.activities.1"],
    ["a bare string as activities", { ...time, activities: "dev" }, "time.activities"],
    ["an impossible date", { ...time, dateWorked: "2024-02-30" }, "time.dateWorked"],
    ["a date in another format", { ...time, dateWorked: "05/02/2024" }, "time.dateWorked"],
    ["an invalid Date", { ...time, dateWorked: new Date("nope") }, "time.dateWorked"],
    ["a non-URI issue", { ...time, issueUri: "not a uri" }, "time.issueUri"],
    ["a non-http URI", { ...time, issueUri: "ftp://x/y" }, "time.issueUri"],
    ["a bad username", { ...time, user: "pat smith" }, "time.user"],
    ["a boolean duration", { ...time, duration: true }, "time.duration"],
    ["notes that are not text", { ...time, notes: 5 }, "time.notes"],
  ])("rejects %s", (_label, input, field) => {
    expect(fieldOf(() => validate(TimeCreateInputSchema, input, "time")).field).toBe(field);
  });

  it("hints the camelCase name for snake_case fields", () => {
    expect(fieldOf(() => validate(TimeCreateInputSchema, { ...time, issue_uri: "x" }, "time")).message).toMatch(/did you mean issueUri/);
  });

  it.each([
    [-5, /non-negative integer/],
    [1.5, /non-negative integer/],
    ["3h", /3h30m/],
    ["24h0m", /3h30m/],
  ])("rejects the duration %j while converting", (duration, message) => {
    const valid = validate(TimeCreateInputSchema, { ...time, duration }, "time");
    const got = fieldOf(() => wire.timeCreateToWire(valid, () => "pat"));
    expect(got.field).toBe("time.duration");
    expect(got.message).toMatch(message);
  });

  it("rejects non-objects", () => {
    expect(fieldOf(() => validate(TimeCreateInputSchema, null, "time")).field).toBe("time");
    expect(fieldOf(() => validate(TimeCreateInputSchema, "3h30m", "time")).field).toBe("time");
    expect(fieldOf(() => validate(TimeCreateInputSchema, [time], "time")).field).toBe("time");
  });
});

describe("time update patch", () => {
  const patch = (p: unknown) => wire.timeUpdateToWire(validate(TimeUpdateInputSchema, p, "time"));

  it("converts any subset", () => {
    expect(patch({ duration: "1h0m", notes: "x" })).toEqual({ duration: 3600, notes: "x" });
    expect(patch({ dateWorked: "2024-01-01", project: "web", activities: ["a"] })).toEqual({ date_worked: "2024-01-01", project: "web", activities: ["a"] });
  });

  it.each([
    ["an empty patch", {}, "time"],
    ["a patch of undefined values", { notes: undefined }, "time"],
    ["duration 0 (ignored by the server)", { duration: 0 }, "time.duration"],
    ["duration 0h0m", { duration: "0h0m" }, "time.duration"],
    ["empty notes (ignored by the server)", { notes: "" }, "time.notes"],
    ["an empty issue URI", { issueUri: "" }, "time.issueUri"],
    ["empty activities", { activities: [] }, "time.activities"],
    ["an unknown field", { uuid: "x" }, "time.uuid"],
  ])("rejects %s", (_label, input, field) => {
    expect(fieldOf(() => patch(input)).field).toBe(field);
  });
});

describe("project input", () => {
  it("fills missing role flags with false", () => {
    const valid = validate(ProjectCreateInputSchema, { name: "Web", slugs: ["web"], users: { pat: { manager: true } } }, "project");
    expect(wire.projectCreateToWire(valid)).toEqual({ name: "Web", slugs: ["web"], users: { pat: { member: false, spectator: false, manager: true } } });
  });

  it.each([
    ["no name", { slugs: ["web"] }, "project.name"],
    ["no slugs", { name: "Web" }, "project.slugs"],
    ["empty slugs", { name: "Web", slugs: [] }, "project.slugs"],
    ["a bad slug", { name: "Web", slugs: ["web", "Bad_Slug"] }, "project.slugs.1"],
    ["an unknown field", { name: "Web", slugs: ["web"], owner: "pat" }, "project.owner"],
    ["a non-boolean role", { name: "Web", slugs: ["web"], users: { pat: { member: "yes" } } }, "project.users.pat.member"],
    ["an unknown role", { name: "Web", slugs: ["web"], users: { pat: { owner: true } } }, "project.users.pat.owner"],
    ["a bad username key", { name: "Web", slugs: ["web"], users: { "p t": { member: true } } }, "project.users.p t"],
    ["a bad URI", { name: "Web", slugs: ["web"], uri: "web" }, "project.uri"],
    ["a bad default activity", { name: "Web", slugs: ["web"], defaultActivity: "Dev Work" }, "project.defaultActivity"],
  ])("rejects %s on create", (_label, input, field) => {
    expect(fieldOf(() => validate(ProjectCreateInputSchema, input, "project")).field).toBe(field);
  });

  it("re-sends the current default activity on update unless told otherwise", () => {
    const up = (p: unknown, current: string | null) => wire.projectUpdateToWire(validate(ProjectUpdateInputSchema, p, "project"), current);
    expect(up({ name: "New" }, "dev")).toEqual({ name: "New", default_activity: "dev" });
    expect(up({ name: "New", defaultActivity: "docs" }, "dev")).toEqual({ name: "New", default_activity: "docs" });
    expect(up({ name: "New", defaultActivity: null }, "dev")).toEqual({ name: "New" });
    expect(fieldOf(() => up({}, null)).field).toBe("project");
    expect(fieldOf(() => up({ slugs: [] }, null)).field).toBe("project.slugs");
  });
});

describe("activity input", () => {
  it.each([
    ["no slug", { name: "Docs" }, "activity.slug"],
    ["no name", { slug: "docs" }, "activity.name"],
    ["an extra field", { name: "Docs", slug: "docs", uuid: "x" }, "activity.uuid"],
    ["a bad slug", { name: "Docs", slug: "d o c s" }, "activity.slug"],
  ])("rejects %s on create", (_label, input, field) => {
    expect(fieldOf(() => validate(ActivityCreateInputSchema, input, "activity")).field).toBe(field);
  });

  it("rejects an empty update", () => {
    expect(fieldOf(() => wire.activityUpdateToWire(validate(ActivityUpdateInputSchema, {}, "activity"))).field).toBe("activity");
  });
});

describe("user input", () => {
  it("converts to the wire shape with the hash given", () => {
    const valid = validate(UserCreateInputSchema, { username: "pat", password: "pw", siteSpectator: true, displayName: "Pat" }, "user");
    expect(wire.userCreateToWire(valid, "HASH")).toEqual({ username: "pat", password: "HASH", site_spectator: true, display_name: "Pat" });
  });

  it.each([
    ["no password", { username: "pat" }, "user.password"],
    ["an empty password", { username: "pat", password: "" }, "user.password"],
    ["no username", { password: "pw" }, "user.username"],
    ["a non-boolean admin flag", { username: "pat", password: "pw", siteAdmin: "true" }, "user.siteAdmin"],
    ["a non-boolean active flag", { username: "pat", password: "pw", active: 1 }, "user.active"],
    ["a bad e-mail", { username: "pat", password: "pw", email: "pat at example" }, "user.email"],
    ["a bad username", { username: "pat/../x", password: "pw" }, "user.username"],
  ])("rejects %s on create", (_label, input, field) => {
    expect(fieldOf(() => validate(UserCreateInputSchema, input, "user")).field).toBe(field);
  });

  it("refuses username in updates and empty updates", () => {
    expect(fieldOf(() => validate(UserUpdateInputSchema, { username: "other" }, "user")).field).toBe("user.username");
    expect(fieldOf(() => wire.userUpdateToWire(validate(UserUpdateInputSchema, {}, "user"), undefined)).field).toBe("user");
  });

  it("never echoes a password in a validation message", () => {
    const secret = "hunter2-do-not-show";
    const got = fieldOf(() => validate(UserCreateInputSchema, { username: "pat", password: secret, siteAdmin: secret }, "user"));
    expect(got.message).not.toContain(secret);
  });
});

describe("filters", () => {
  it("builds the times query with lists, days and flags", () => {
    const valid = validate(
      TimeFilterSchema,
      { user: ["pat", "sam"], project: ["web"], activity: ["dev"], start: new Date(Date.UTC(2024, 4, 1)), end: "2024-05-31", includeRevisions: true, includeDeleted: false },
      "filter",
    );
    expect(wire.timeFilterToQuery(valid)).toEqual({
      user: ["pat", "sam"],
      project: ["web"],
      activity: ["dev"],
      start: "2024-05-01",
      end: "2024-05-31",
      include_revisions: true,
      include_deleted: false,
    });
  });

  it.each([
    ["a bare string list", { project: "web" }, "filter.project"],
    ["a bad date", { start: "2024-5-1" }, "filter.start"],
    ["a non-boolean flag", { includeDeleted: "true" }, "filter.includeDeleted"],
    ["an unknown filter", { limit: 10 }, "filter.limit"],
    ["a snake_case flag", { include_deleted: true }, "filter.include_deleted"],
  ])("rejects %s", (_label, input, field) => {
    expect(fieldOf(() => validate(TimeFilterSchema, input, "filter")).field).toBe(field);
  });

  it("rejects a start after the end", () => {
    const valid = validate(TimeFilterSchema, { start: "2024-06-01", end: "2024-05-01" }, "filter");
    expect(fieldOf(() => wire.timeFilterToQuery(valid)).field).toBe("filter.start");
  });

  it("rejects includeDeleted with a single project or activity (pymesync rule)", () => {
    expect(fieldOf(() => validate(GetOneOptionsSchema, { includeDeleted: true }, "options")).field).toBe("options.includeDeleted");
    expect(fieldOf(() => validate(ProjectFilterSchema, { user: ["a b"] }, "filter")).field).toBe("filter.user.0");
  });
});

describe("path identifiers", () => {
  it("rejects empty and malformed ids, so an update never becomes a create", () => {
    expect(fieldOf(() => uuidPath("")).field).toBe("uuid");
    expect(fieldOf(() => uuidPath(undefined)).field).toBe("uuid");
    expect(fieldOf(() => uuidPath("12345")).field).toBe("uuid");
    expect(fieldOf(() => slugPath("")).field).toBe("slug");
    expect(fieldOf(() => slugPath("../users")).field).toBe("slug");
    expect(fieldOf(() => usernamePath("")).field).toBe("username");
    expect(fieldOf(() => usernamePath("a/b")).field).toBe("username");
  });

  it("passes valid ids through, URL-encoded", () => {
    expect(uuidPath("3F0C4E1A-1B2C-4D3E-8F90-0123456789AB")).toBe("3F0C4E1A-1B2C-4D3E-8F90-0123456789AB");
    // `~` is a username character the server accepts; `@` and `.` are not (test/server-quirks.test.ts, bug 3).
    expect(usernamePath("t~x")).toBe("t~x");
    expect(fieldOf(() => usernamePath("pat@example.org")).field).toBe("username");
    expect(slugPath("ganeti-webmgr")).toBe("ganeti-webmgr");
  });
});

describe("inputs are never mutated", () => {
  it("leaves frozen inputs untouched", () => {
    const deepFreeze = <T>(o: T): T => {
      for (const v of Object.values(o as object)) if (v && typeof v === "object") deepFreeze(v);
      return Object.freeze(o);
    };
    const t = deepFreeze({ ...time, activities: ["dev"] });
    const before = JSON.stringify(t);
    const out = wire.timeCreateToWire(validate(TimeCreateInputSchema, t, "time"), () => "pat");
    (out["activities"] as string[]).push("extra");
    expect(JSON.stringify(t)).toBe(before);
    const p = deepFreeze({ name: "Web", slugs: ["web"], users: { pat: { member: true } } });
    wire.projectCreateToWire(validate(ProjectCreateInputSchema, p, "project"));
    expect(p.users.pat).toEqual({ member: true });
  });
});

describe("the e-mail rule as documented (timesync-node's regular expression)", () => {
  it("accepts and refuses the documented examples", async () => {
    const { isEmail } = await import("../src/internal/formats.js");
    for (const ok of ["pat@example.org", "pat@a.b.c.org", "pat@ab.c.org", "p|t@example.org", "pa@example.org", "a.+b@example.org", "p.a_t@example.org"]) expect([ok, isEmail(ok)]).toEqual([ok, true]);
    for (const bad of ["p@example.org", "pat@ab.org", "pat@a.b.org", "pat@mail.example.org", "pat@example.info", "Pat@Example.ORG", "first-last@example.org", "pat+x.y@example.org", "p..t@example.org"]) {
      expect([bad, isEmail(bad)]).toEqual([bad, false]);
    }
  });
});
