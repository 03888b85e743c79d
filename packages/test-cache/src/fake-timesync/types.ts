import type { FakeClock } from "../clock.js";

/** Role flags a user holds on one project, as TimeSync stores them. */
export interface FakeProjectRoles {
  /** May create times on the project. */
  member: boolean;
  /** May see every time on the project. */
  spectator: boolean;
  /** May update the project. */
  manager: boolean;
}

/** A user to seed into the fake server. The plain password is hashed (bcrypt, `$2a$`) at start. */
export interface FakeUserSeed {
  /** Login name. */
  username: string;
  /** Plain password; only its bcrypt hash is kept. */
  password: string;
  /** Display name (default: null). */
  display_name?: string;
  /** E-mail address (default: null). */
  email?: string;
  /** Site administrator flag (default: false). */
  site_admin?: boolean;
  /** Site manager flag (default: false). */
  site_manager?: boolean;
  /** Site spectator flag (default: false). */
  site_spectator?: boolean;
  /** Active flag (default: true). Inactive users can still log in, as on the reference server. */
  active?: boolean;
  /** Free-form metadata (default: null). */
  meta?: string;
}

/** An activity to seed into the fake server. */
export interface FakeActivitySeed {
  /** Unique display name. */
  name: string;
  /** Unique slug. */
  slug: string;
}

/** A project to seed into the fake server. */
export interface FakeProjectSeed {
  /** Unique display name. */
  name: string;
  /** One or more unique slugs. */
  slugs: string[];
  /** Project URI (default: null). */
  uri?: string;
  /** Slug of the default activity (default: null). */
  default_activity?: string;
  /** Roles per username; missing flags default to false. */
  users?: Record<string, Partial<FakeProjectRoles>>;
}

/** A time entry to seed into the fake server. */
export interface FakeTimeSeed {
  /** Seconds worked. */
  duration: number;
  /** Owner's username. */
  user: string;
  /** Slug of the project. */
  project: string;
  /** Activity slugs (default: the project's default activity). */
  activities?: string[];
  /** Notes (default: null). */
  notes?: string;
  /** Issue URI (default: null). */
  issue_uri?: string;
  /** Day worked, `YYYY-MM-DD`. */
  date_worked: string;
}

/** Options of {@link startFakeTimeSync} and {@link createFakeTimeSync}. */
export interface FakeTimeSyncOptions {
  /**
   * Users to seed. An administrator (`site_admin` and `site_manager`) named `admin` with a random
   * password is always added unless a user of that name is given; read it from `admin`.
   */
  users?: FakeUserSeed[];
  /** Activities to seed (created first). */
  activities?: FakeActivitySeed[];
  /** Projects to seed (after activities and users). */
  projects?: FakeProjectSeed[];
  /** Times to seed (last). */
  times?: FakeTimeSeed[];
  /** Token lifetime in milliseconds (default 30 minutes, as on the reference server). */
  tokenLifetimeMs?: number;
  /** Clock used for token expiry, dates and the "start in the future" check (default: `Date.now`). */
  now?: FakeClock;
  /** Path prefix the API is mounted under (default `/v0`). */
  basePath?: string;
  /**
   * When true (the default), `GET /times/:uuid?include_revisions=true` for a time that has no earlier
   * revision never answers, like the reference server. Set false to answer normally.
   */
  hangOnRevisionlessTime?: boolean;
  /**
   * Spec-following mode (default false). By default the fake answers on the wire as the reference server
   * (timesync-node on SQLite) does, quirks included; `strict: true` turns these quirks off:
   *
   * - every successful POST answer (login, creates, updates) is labelled `application/json`, not `text/html`;
   * - `POST /times` answers `activities`, `notes` and `issue_uri` even when they were not sent;
   * - `include_revisions=true` on projects gives full `parents` (with `slugs` and `users`);
   * - deleted activities keep their `slug` and deleted projects their `slugs` in `include_deleted` lists;
   * - `POST /projects/:slug` without `default_activity` keeps the stored default;
   * - `DELETE` or `POST /times/:uuid` on a deleted time answer 404 `Object not found`;
   * - only creates, login and `POST /users/:username` are labelled `text/html` by the reference server
   *   (updates of activities, projects and times are `application/json`); strict labels all JSON;
   * - project `parents` come oldest first (the reference server sends them newest first);
   * - `POST /times/:uuid` cannot change `user` (the reference server moves the time to that user), and
   *   lists each sent activity once (the reference server once per revision of that activity);
   * - a body over 100 kB is read (the reference server drops it: 401 `Missing credentials`);
   * - a project's `users` naming an unknown user → 409 `Invalid foreign key` (not 500 `Server error`);
   * - login with auth type `ldap` → 401 `Authentication failure` (not `Bad query value`);
   * - `GET /times` refuses any unknown `user`/`project`/`activity` value (the reference server only when
   *   none exists), and says why a `start` is refused (the reference server: "contained invalid value");
   * - `DELETE /users/:username` on a deleted user answers 404 (the reference server: 200 again);
   * - the answer of `POST /activities/:slug` has `deleted_at` (the reference server leaves it out);
   * - tokens of a deleted user stop working, and a deleted user cannot log in;
   * - only the `member` flag lets a non-admin log time (the reference server lets any user with a role);
   * - a time update's new `project` needs a role there that lets the caller log time (the reference
   *   server checks no role on it);
   * - a time's `activities` are listed as stored (the reference server sorts them);
   * - slugs may be all digits, usernames may also hold `. @` (both modes accept `A-Z`), an e-mail address needs only one `@`
   *   (the reference server lowercases a username before checking `a-z 0-9 _ ~ -`, and has a narrow
   *   e-mail rule: ASCII letters, digits and `|`, no hyphens; at least two characters before the `@`,
   *   a single `.` or `_` between two, one optional `+` followed by letters and digits; after it at
   *   least three characters with a dot only directly before one of the last two, then `.` and a
   *   lowercase 2–3 letter top-level domain: `pat@a.b.c.org` yes, `pat@mail.example.org` no);
   * - error texts: always "slugs X already exist", and "Nonexistent activity" instead of "Nonexistent slug" when
   *   deleting a missing activity; a time that exists but is not visible answers 401 (reference: 404).
   *
   * `hangOnRevisionlessTime` is separate and not changed by this option.
   */
  strict?: boolean;
  /**
   * Milliseconds a project or user create stays in flight before it is written (default 0). With a
   * window, creates of one slug or username that overlap answer as on the reference server: the first
   * succeeds, the others get 500 `Server error` (when the first fails, 400 or 401, nothing is written
   * and the next one goes on as if it came first); overlapping creates of one activity slug all succeed
   * (that server has no unique constraint on activities). Ignored in strict mode (the spec's 409).
   */
  createRaceWindowMs?: number;
  /** bcrypt cost used to hash seeded passwords (default 4: fast, the fake is for tests). */
  seedHashCost?: number;
}

/** Bookkeeping fields shared by times, projects and activities. */
export interface FakeRecordMeta {
  /** Stable identifier across revisions. */
  uuid: string;
  /** Revision number, starting at 1. */
  revision: number;
  /** Creation day, `YYYY-MM-DD`. */
  created_at: string;
  /** Day of the last update, null at revision 1. */
  updated_at: string | null;
  /** Day of the soft delete, or null. */
  deleted_at: string | null;
}

/** An activity as the fake stores it. */
export interface FakeActivityRecord extends FakeRecordMeta {
  /** Display name. */
  name: string;
  /** Slug. */
  slug: string;
}

/** A project as the fake stores it (activity referenced by uuid). */
export interface FakeProjectRecord extends FakeRecordMeta {
  /** Display name. */
  name: string;
  /** Slugs. */
  slugs: string[];
  /** URI or null. */
  uri: string | null;
  /** Default activity uuid or null. */
  default_activity: string | null;
  /** Roles per username. */
  users: Record<string, FakeProjectRoles>;
}

/** A time as the fake stores it (project and activities referenced by uuid). */
export interface FakeTimeRecord extends FakeRecordMeta {
  /** Seconds. */
  duration: number;
  /** Owner's username. */
  user: string;
  /** Project uuid. */
  project: string;
  /** Activity uuids. */
  activities: string[];
  /** Notes or null. */
  notes: string | null;
  /** Issue URI or null. */
  issue_uri: string | null;
  /** Day worked. */
  date_worked: string;
}

/** A user as the fake stores it. */
export interface FakeUserRecord {
  /** Login name. */
  username: string;
  /** Display name or null. */
  display_name: string | null;
  /** E-mail or null. */
  email: string | null;
  /** Site administrator flag. */
  site_admin: boolean;
  /** Site manager flag. */
  site_manager: boolean;
  /** Site spectator flag. */
  site_spectator: boolean;
  /** Active flag. */
  active: boolean;
  /** Metadata or null. */
  meta: string | null;
  /** Whatever the client sent as password (a bcrypt hash for a well-behaved client). */
  passwordHash: string;
  /** Creation time, epoch milliseconds. */
  created_at: number;
  /** Day of the last update or null. */
  updated_at: string | null;
  /** Day of the soft delete or null. */
  deleted_at: string | null;
}

/** A record with its earlier revisions (oldest first). */
export interface FakeVersioned<T> {
  /** The current revision. */
  current: T;
  /** Earlier revisions, oldest first. */
  parents: T[];
}

/** One request the fake received, with the token masked. */
export interface FakeRequestLogEntry {
  /** HTTP method. */
  method: string;
  /** Path and query, `token` masked as `***`. */
  url: string;
}
