import { z } from "zod";
import { EMAIL_RE, isHttpUri, isIsoDay, SLUG_RE, USERNAME_RE } from "./internal/formats.js";
import type { ProjectRoles } from "./models.js";

/** Every field of `T` optional (and allowed to be `undefined`, meaning "leave unchanged"). */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/** A day: `YYYY-MM-DD`, or a `Date` (its UTC day is used). */
export type DayInput = string | Date;

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

/** Input of `createProject`. */
export interface ProjectCreateInput {
  /** Unique display name. */
  name: string;
  /** One or more unique slugs. */
  slugs: string[];
  /** Absolute http(s) URI of the project. */
  uri?: string | undefined;
  /** Slug of an existing activity used when a time names none. */
  defaultActivity?: string | undefined;
  /** Roles per username; flags left out are false. */
  users?: Record<string, Patch<ProjectRoles>> | undefined;
}

/**
 * Patch of `updateProject`. `slugs` and `users` **replace** the stored ones. Leaving out
 * `defaultActivity` keeps the current one (the client re-sends it, working around a server bug that
 * would clear it); `defaultActivity: null` clears it.
 */
export interface ProjectUpdateInput {
  /** New display name. */
  name?: string | undefined;
  /** New slugs (replace the old ones). */
  slugs?: string[] | undefined;
  /** New URI. */
  uri?: string | undefined;
  /** New default activity slug, or `null` to clear it. */
  defaultActivity?: string | null | undefined;
  /** New member list (replaces the old one). */
  users?: Record<string, Patch<ProjectRoles>> | undefined;
}

/** Input of `createActivity`. */
export interface ActivityCreateInput {
  /** Unique display name. */
  name: string;
  /** Unique slug. */
  slug: string;
}

/** Patch of `updateActivity` (at least one field). */
export type ActivityUpdateInput = Patch<ActivityCreateInput>;

/** Input of `createUser`. The password is bcrypt-hashed client-side before it is sent. */
export interface UserCreateInput {
  /** Login name. */
  username: string;
  /** Plain password (hashed with bcrypt, cost 10, `$2a$`; never logged). */
  password: string;
  /** Display name. */
  displayName?: string | undefined;
  /** E-mail address. */
  email?: string | undefined;
  /** Site administrator. */
  siteAdmin?: boolean | undefined;
  /** Site manager. */
  siteManager?: boolean | undefined;
  /** Site spectator. */
  siteSpectator?: boolean | undefined;
  /** Active flag. */
  active?: boolean | undefined;
  /** Free-form metadata. */
  meta?: string | undefined;
}

/** Patch of `updateUser`: anything but `username` (which cannot change). */
export type UserUpdateInput = Patch<Omit<UserCreateInput, "username">>;

/** Flags accepted by single-object reads of times. */
export interface GetTimeOptions {
  /** Add `parents` (earlier revisions). Beware: the reference server hangs for a time with no earlier revision; the request timeout ends it. */
  includeRevisions?: boolean | undefined;
  /** Return the time even when soft-deleted. */
  includeDeleted?: boolean | undefined;
}

/** Flags accepted by single-object reads of projects and activities (pymesync rejects `includeDeleted` with a slug). */
export interface GetOneOptions {
  /** Add `parents` (earlier revisions). */
  includeRevisions?: boolean | undefined;
}

/** Flags accepted by list calls. */
export interface ListOptions {
  /** Add `parents` (earlier revisions) to each object. */
  includeRevisions?: boolean | undefined;
  /** Include soft-deleted objects. */
  includeDeleted?: boolean | undefined;
}

/** Filters of `getTimes`. Values in one list are ORed; different filters are ANDed. */
export interface TimeFilter extends ListOptions {
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
}

/** Filters of `getProjects`. */
export interface ProjectFilter extends ListOptions {
  /** Only projects where one of these users has a role. */
  user?: string[] | undefined;
}

// ---- schemas: structure and formats; conversions (durations, hashing) happen afterwards ----

const slug = z.string().regex(SLUG_RE, 'expected a lowercase slug such as "my-project"');
const username = z.string().regex(USERNAME_RE, "expected 1-64 letters, digits or _ . @ -");
const day = z.union([
  z.string().refine(isIsoDay, "expected a real day written YYYY-MM-DD"),
  z.date().refine((d) => !Number.isNaN(d.getTime()), "expected a valid Date"),
]);
const uri = z.string().refine(isHttpUri, "expected an absolute http(s) URI");
const duration = z.union([z.number(), z.string()], { error: 'expected seconds or a duration like "3h30m"' });
const roles = z.strictObject({ member: z.boolean().optional(), spectator: z.boolean().optional(), manager: z.boolean().optional() });
const users = z.record(username, roles);

/** Validates {@link TimeCreateInput} (known fields only, formats; `duration` is parsed afterwards). */
export const TimeCreateInputSchema = z.strictObject({
  duration,
  project: slug,
  user: username.optional(),
  dateWorked: day,
  activities: z.array(slug).optional(),
  issueUri: uri.optional(),
  notes: z.string().optional(),
});

/** Validates {@link TimeUpdateInput}. */
export const TimeUpdateInputSchema = TimeCreateInputSchema.partial();

/** Validates {@link ProjectCreateInput}. */
export const ProjectCreateInputSchema = z.strictObject({
  name: z.string().min(1, "must not be empty"),
  slugs: z.array(slug).min(1, "needs at least one slug"),
  uri: uri.optional(),
  defaultActivity: slug.optional(),
  users: users.optional(),
});

/** Validates {@link ProjectUpdateInput}. */
export const ProjectUpdateInputSchema = z.strictObject({
  name: z.string().min(1, "must not be empty").optional(),
  slugs: z.array(slug).min(1, "needs at least one slug").optional(),
  uri: uri.optional(),
  defaultActivity: slug.nullable().optional(),
  users: users.optional(),
});

/** Validates {@link ActivityCreateInput}. */
export const ActivityCreateInputSchema = z.strictObject({ name: z.string().min(1, "must not be empty"), slug });

/** Validates {@link ActivityUpdateInput}. */
export const ActivityUpdateInputSchema = ActivityCreateInputSchema.partial();

/** Validates {@link UserCreateInput}. */
export const UserCreateInputSchema = z.strictObject({
  username,
  password: z.string().min(1, "must not be empty"),
  displayName: z.string().optional(),
  email: z.string().regex(EMAIL_RE, "expected an e-mail address").optional(),
  siteAdmin: z.boolean().optional(),
  siteManager: z.boolean().optional(),
  siteSpectator: z.boolean().optional(),
  active: z.boolean().optional(),
  meta: z.string().optional(),
});

/** Validates {@link UserUpdateInput}. */
export const UserUpdateInputSchema = UserCreateInputSchema.omit({ username: true }).partial();

const list = <T extends z.ZodType>(item: T) => z.array(item);

/** Validates {@link TimeFilter}. */
export const TimeFilterSchema = z.strictObject({
  user: list(username).optional(),
  project: list(slug).optional(),
  activity: list(slug).optional(),
  start: day.optional(),
  end: day.optional(),
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates {@link ProjectFilter}. */
export const ProjectFilterSchema = z.strictObject({
  user: list(username).optional(),
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates {@link ListOptions}. */
export const ListOptionsSchema = z.strictObject({
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates {@link GetTimeOptions}. */
export const GetTimeOptionsSchema = ListOptionsSchema;

/** Validates {@link GetOneOptions}. */
export const GetOneOptionsSchema = z.strictObject({ includeRevisions: z.boolean().optional() });
