import { TimeSyncValidationError } from "../errors.js";
import { normaliseWireDate, toIsoDay } from "../wire/dates.js";
import { snakify } from "../wire/names.js";
import { type DayInput, type ListOptions, type Patch, requireSomething, type Revisioned, wireDayOrNull } from "./common.js";
import { parseDuration } from "./duration.js";

/** An earlier revision of a time, as listed in {@link Time.parents}. */
export interface TimeRevision extends Revisioned {
  /** Seconds worked. */
  duration: number;
  /** Owner's username. */
  user: string;
  /** The project's slugs: all of them, sorted, in `GET` answers; the one slug sent in `createTime`'s answer. */
  project: string[];
  /** Activity slugs. */
  activities: string[];
  /** Free-form notes. */
  notes: string | null;
  /** Link to an issue or pull request. */
  issueUri: string | null;
  /** Day worked, `YYYY-MM-DD`. */
  dateWorked: string;
}

/** A time entry. */
export interface Time extends TimeRevision {
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: TimeRevision[];
}

/**
 * A time as the server sends it, once `TimeSchema` (src/schemas/time.ts) has checked its fields:
 * snake_case, days as sent, `project` one slug or a list, optional fields possibly missing or null.
 */
export interface WireTime {
  uuid: string;
  revision: number;
  created_at: string | number;
  updated_at?: string | number | null | undefined;
  deleted_at?: string | number | null | undefined;
  duration: number;
  user: string;
  project: string | string[];
  activities?: string[] | null | undefined;
  notes?: string | null | undefined;
  issue_uri?: string | null | undefined;
  date_worked: string;
}

/**
 * Converts a checked wire time (without its `parents`) to a {@link TimeRevision}. Lists of times are
 * the SDK's hot path: the fields are checked as plain types and converted here once per object, every
 * field written out (a spread of a freshly built object costs microseconds per call in V8).
 */
export function timeFromWire(w: WireTime): TimeRevision {
  return {
    uuid: w.uuid,
    revision: w.revision,
    createdAt: normaliseWireDate(w.created_at),
    updatedAt: wireDayOrNull(w.updated_at),
    deletedAt: wireDayOrNull(w.deleted_at),
    duration: w.duration,
    user: w.user,
    project: typeof w.project === "string" ? [w.project] : w.project,
    activities: w.activities ?? [],
    notes: w.notes ?? null,
    issueUri: w.issue_uri ?? null,
    dateWorked: w.date_worked,
  };
}

/** Input of `createTime`. */
export interface TimeCreateInput {
  /** Seconds (integer ≥ 0) or an `HhMm` string such as `"3h30m"` (see `parseDuration`). */
  duration: number | string;
  /** Slug of the project. */
  project: string;
  /** Owner; must be the caller. Defaults to the authenticated user. */
  user?: string | undefined;
  /** Day worked. */
  dateWorked: DayInput;
  /** Activity slugs; required when the project has no default activity. */
  activities?: string[] | undefined;
  /** Absolute http(s) link to an issue or pull request. */
  issueUri?: string | undefined;
  /** Free-form notes. */
  notes?: string | undefined;
}

/**
 * Patch of `updateTime`: any subset of the create fields (at least one). The server silently ignores
 * falsy values, so `duration: 0`, empty strings and empty `activities` are rejected locally.
 */
export type TimeUpdateInput = Patch<TimeCreateInput>;

/** Flags of `getTime`. */
export interface GetTimeOptions extends ListOptions {
  /** Add `parents` (earlier revisions). A time still at revision 1 gets `parents: []` without asking the server, which would hang. */
  includeRevisions?: boolean | undefined;
}

/** Filters of `getTimes`. Values in one list are ORed; different filters are ANDed. */
export interface TimeFilter {
  /** Usernames. */
  user?: string[] | undefined;
  /** Project slugs. */
  project?: string[] | undefined;
  /** Activity slugs. */
  activity?: string[] | undefined;
  /** First day (inclusive). */
  start?: DayInput | undefined;
  /** Last day (inclusive). */
  end?: DayInput | undefined;
  /** Add `parents` (earlier revisions) to each time. */
  includeRevisions?: boolean | undefined;
  /** Include soft-deleted times. */
  includeDeleted?: boolean | undefined;
}

// ---- to the wire: every function builds a new object, the caller's input is never modified ----

/** `POST /times` object; `defaultUser` is asked only when the input names no user (and is otherwise valid). */
export function timeCreateToWire(input: TimeCreateInput, defaultUser: () => string): Record<string, unknown> {
  const seconds = parseDuration(input.duration, "time.duration");
  return snakify({
    duration: seconds,
    project: input.project,
    user: input.user ?? defaultUser(),
    dateWorked: toIsoDay(input.dateWorked),
    activities: input.activities === undefined ? undefined : [...input.activities],
    issueUri: input.issueUri,
    notes: input.notes,
  });
}

/** `POST /times/:uuid` object; rejects the falsy values the server would silently ignore. */
export function timeUpdateToWire(patch: TimeUpdateInput): Record<string, unknown> {
  requireSomething(patch, "time");
  let seconds: number | undefined;
  if (patch.duration !== undefined) {
    seconds = parseDuration(patch.duration, "time.duration");
    if (seconds === 0) throw new TimeSyncValidationError("time.duration", "the server ignores a duration of 0 in updates; delete the time instead");
  }
  for (const key of ["notes", "issueUri"] as const) {
    if (patch[key] === "") throw new TimeSyncValidationError(`time.${key}`, "the server ignores empty strings in updates, so it cannot be cleared this way");
  }
  if (patch.activities !== undefined && patch.activities.length === 0) {
    throw new TimeSyncValidationError("time.activities", "the server ignores an empty list in updates");
  }
  return snakify({
    duration: seconds,
    notes: patch.notes,
    issueUri: patch.issueUri,
    activities: patch.activities === undefined ? undefined : [...patch.activities],
    project: patch.project,
    user: patch.user,
    dateWorked: patch.dateWorked === undefined ? undefined : toIsoDay(patch.dateWorked),
  });
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
