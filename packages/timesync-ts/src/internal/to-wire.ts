import { parseDuration } from "../durations.js";
import { TimeSyncValidationError } from "../errors.js";
import type {
  ActivityCreateInput,
  ActivityUpdateInput,
  ProjectCreateInput,
  ProjectUpdateInput,
  TimeCreateInput,
  TimeFilter,
  TimeUpdateInput,
  UserCreateInput,
  UserUpdateInput,
} from "../inputs.js";
import type { ProjectRoles } from "../models.js";
import { toIsoDay } from "./formats.js";

// Converts validated camelCase inputs into the snake_case objects the server expects.
// Every function builds a new object: the caller's input is never modified.

type Wire = Record<string, unknown>;

function put(out: Wire, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

function rolesToWire(users: Record<string, { member?: boolean | undefined; spectator?: boolean | undefined; manager?: boolean | undefined }>): Record<string, ProjectRoles> {
  const out: Record<string, ProjectRoles> = {};
  for (const [name, r] of Object.entries(users)) {
    out[name] = { member: r.member ?? false, spectator: r.spectator ?? false, manager: r.manager ?? false };
  }
  return out;
}

function requireSomething(patch: object, what: string): void {
  if (Object.keys(patch).every((k) => (patch as Wire)[k] === undefined)) {
    throw new TimeSyncValidationError(what, "the patch is empty: give at least one field to change");
  }
}

/** `POST /times` object; `defaultUser` is asked only when the input names no user (and is otherwise valid). */
export function timeCreateToWire(input: TimeCreateInput, defaultUser: () => string): Wire {
  const duration = parseDuration(input.duration, "time.duration");
  const out: Wire = {
    duration,
    project: input.project,
    user: input.user ?? defaultUser(),
    date_worked: toIsoDay(input.dateWorked),
  };
  put(out, "activities", input.activities === undefined ? undefined : [...input.activities]);
  put(out, "issue_uri", input.issueUri);
  put(out, "notes", input.notes);
  return out;
}

/** `POST /times/:uuid` object; rejects the falsy values the server would silently ignore. */
export function timeUpdateToWire(patch: TimeUpdateInput): Wire {
  requireSomething(patch, "time");
  const out: Wire = {};
  if (patch.duration !== undefined) {
    const seconds = parseDuration(patch.duration, "time.duration");
    if (seconds === 0) throw new TimeSyncValidationError("time.duration", "the server ignores a duration of 0 in updates; delete the time instead");
    out["duration"] = seconds;
  }
  for (const [key, wire] of [["notes", "notes"], ["issueUri", "issue_uri"]] as const) {
    const v = patch[key];
    if (v === "") throw new TimeSyncValidationError(`time.${key}`, "the server ignores empty strings in updates, so it cannot be cleared this way");
    put(out, wire, v);
  }
  if (patch.activities !== undefined && patch.activities.length === 0) {
    throw new TimeSyncValidationError("time.activities", "the server ignores an empty list in updates");
  }
  put(out, "activities", patch.activities === undefined ? undefined : [...patch.activities]);
  put(out, "project", patch.project);
  put(out, "user", patch.user);
  put(out, "date_worked", patch.dateWorked === undefined ? undefined : toIsoDay(patch.dateWorked));
  return out;
}

/** `POST /projects` object. */
export function projectCreateToWire(input: ProjectCreateInput): Wire {
  const out: Wire = { name: input.name, slugs: [...input.slugs] };
  put(out, "uri", input.uri);
  put(out, "default_activity", input.defaultActivity);
  put(out, "users", input.users === undefined ? undefined : rolesToWire(input.users));
  return out;
}

/**
 * `POST /projects/:slug` object. `currentDefault` is re-sent when the patch leaves
 * `defaultActivity` out, because the server clears it otherwise.
 */
export function projectUpdateToWire(patch: ProjectUpdateInput, currentDefault: string | null): Wire {
  requireSomething(patch, "project");
  const out: Wire = {};
  put(out, "name", patch.name);
  put(out, "slugs", patch.slugs === undefined ? undefined : [...patch.slugs]);
  put(out, "uri", patch.uri);
  const activity = patch.defaultActivity === undefined ? currentDefault : patch.defaultActivity;
  if (activity !== null) out["default_activity"] = activity;
  put(out, "users", patch.users === undefined ? undefined : rolesToWire(patch.users));
  return out;
}

/** `POST /activities` object. */
export function activityCreateToWire(input: ActivityCreateInput): Wire {
  return { name: input.name, slug: input.slug };
}

/** `POST /activities/:slug` object. */
export function activityUpdateToWire(patch: ActivityUpdateInput): Wire {
  requireSomething(patch, "activity");
  const out: Wire = {};
  put(out, "name", patch.name);
  put(out, "slug", patch.slug);
  return out;
}

function userFieldsToWire(input: UserUpdateInput, passwordHash: string | undefined): Wire {
  const out: Wire = {};
  put(out, "password", passwordHash);
  put(out, "display_name", input.displayName);
  put(out, "email", input.email);
  put(out, "site_admin", input.siteAdmin);
  put(out, "site_manager", input.siteManager);
  put(out, "site_spectator", input.siteSpectator);
  put(out, "active", input.active);
  put(out, "meta", input.meta);
  return out;
}

/** `POST /users` object, with the already-hashed password. */
export function userCreateToWire(input: UserCreateInput, passwordHash: string): Wire {
  return { username: input.username, ...userFieldsToWire(input, passwordHash) };
}

/** `POST /users/:username` object, with the hashed password when one is being set. */
export function userUpdateToWire(patch: UserUpdateInput, passwordHash: string | undefined): Wire {
  requireSomething(patch, "user");
  return userFieldsToWire(patch, passwordHash);
}

/** Query of `GET /times`; rejects a start after the end. */
export function timeFilterToQuery(filter: TimeFilter): Record<string, string | string[] | boolean | undefined> {
  const start = filter.start === undefined ? undefined : toIsoDay(filter.start);
  const end = filter.end === undefined ? undefined : toIsoDay(filter.end);
  if (start !== undefined && end !== undefined && start > end) {
    throw new TimeSyncValidationError("filter.start", `${start} is after end ${end}`);
  }
  return {
    user: filter.user === undefined ? undefined : [...filter.user],
    project: filter.project === undefined ? undefined : [...filter.project],
    activity: filter.activity === undefined ? undefined : [...filter.activity],
    start,
    end,
    include_revisions: filter.includeRevisions,
    include_deleted: filter.includeDeleted,
  };
}
