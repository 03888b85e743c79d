import { z } from "zod";
import { TimeSyncValidationError } from "../errors.js";
import { normaliseWireDate, toIsoDay } from "../wire/dates.js";
import { snakify } from "../wire/names.js";
import {
  type DayInput,
  dayInput,
  type ListOptions,
  type Patch,
  plainRevisionedFields,
  requireSomething,
  type Revisioned,
  wireDayOrNull,
  slugInput,
  uriInput,
  usernameInput,
  withParents,
} from "./common.js";
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

// Checked as plain fields and converted once per object: lists of times are the SDK's hot path.
const timeFields = {
  ...plainRevisionedFields,
  duration: z.number().int(),
  user: z.string(),
  project: z.union([z.string(), z.array(z.string())]),
  activities: z.array(z.string()).nullish(),
  notes: z.string().nullish(),
  issue_uri: z.string().nullish(),
  date_worked: z.string(),
};
type WireTime = z.output<z.ZodObject<typeof timeFields>>;

// Every field written out: a spread of a freshly built object costs microseconds per call in V8.
function timeFromWire(w: WireTime): TimeRevision {
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

/** Parses an earlier revision of a time (no `parents` of its own). */
export const TimeRevisionSchema: z.ZodType<TimeRevision, unknown> = z.object(timeFields).transform(timeFromWire);

/**
 * Parses a time as the server sends it (snake_case) into a {@link Time}. `project` is normalised to an
 * array (create answers send one slug); unknown keys the server echoes back are dropped.
 */
export const TimeSchema: z.ZodType<Time, unknown> = z
  .object({ ...timeFields, parents: z.array(TimeRevisionSchema).optional() })
  .transform((w) => withParents(timeFromWire(w), w.parents));

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

const duration = z.union([z.number(), z.string()], { error: 'expected seconds or a duration like "3h30m"' });

/** Validates {@link TimeCreateInput} (known fields only, formats; `duration` is parsed afterwards). */
export const TimeCreateInputSchema = z.strictObject({
  duration,
  project: slugInput,
  user: usernameInput.optional(),
  dateWorked: dayInput,
  activities: z.array(slugInput).optional(),
  issueUri: uriInput.optional(),
  notes: z.string().optional(),
});

/** Validates {@link TimeUpdateInput}. */
export const TimeUpdateInputSchema = TimeCreateInputSchema.partial();

/** Validates {@link TimeFilter}. */
export const TimeFilterSchema = z.strictObject({
  user: z.array(usernameInput).optional(),
  project: z.array(slugInput).optional(),
  activity: z.array(slugInput).optional(),
  start: dayInput.optional(),
  end: dayInput.optional(),
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates {@link GetTimeOptions} (without `signal`). */
export const GetTimeOptionsSchema = z.strictObject({
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

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
