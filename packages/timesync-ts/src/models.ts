import { z } from "zod";
import { normaliseWireDate } from "./internal/formats.js";

/** Role flags a user holds on a project. */
export interface ProjectRoles {
  /** May create times on the project. */
  member: boolean;
  /** May see every time on the project. */
  spectator: boolean;
  /** May update the project. */
  manager: boolean;
}

/** Bookkeeping fields of times, projects and activities. */
export interface Revisioned {
  /** Stable identifier across revisions. */
  uuid: string;
  /** Revision number, 1 for a new object. */
  revision: number;
  /** Creation day, `YYYY-MM-DD`. */
  createdAt: string;
  /** Day of the last update (`null` at revision 1). */
  updatedAt: string | null;
  /** Day of the soft delete (`null` unless deleted). */
  deletedAt: string | null;
}

/** A time entry. */
export interface Time extends Revisioned {
  /** Seconds worked. */
  duration: number;
  /** Owner's username. */
  user: string;
  /**
   * The project's slugs. `GET` answers list all of them (sorted); create answers carry only the slug sent.
   */
  project: string[];
  /** Activity slugs. */
  activities: string[];
  /** Free-form notes. */
  notes: string | null;
  /** Link to an issue or pull request. */
  issueUri: string | null;
  /** Day worked, `YYYY-MM-DD`. */
  dateWorked: string;
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: Time[];
}

/** A project. */
export interface Project extends Revisioned {
  /** Unique display name. */
  name: string;
  /** Slugs (at least one). */
  slugs: string[];
  /** Project URI. */
  uri: string | null;
  /** Slug of the activity used when a time names none. */
  defaultActivity: string | null;
  /** Roles per username (`{}` when the server omits the member list). */
  users: Record<string, ProjectRoles>;
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: Project[];
}

/** An activity (a kind of work, e.g. `docs`). */
export interface Activity extends Revisioned {
  /** Unique display name. */
  name: string;
  /** Slug. */
  slug: string;
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: Activity[];
}

/** A user (the server never returns passwords). */
export interface User {
  /** Login name. */
  username: string;
  /** Display name. */
  displayName: string | null;
  /** E-mail address. */
  email: string | null;
  /** Site administrator. */
  siteAdmin: boolean;
  /** Site manager (creates projects and activities). */
  siteManager: boolean;
  /** Site spectator (sees every time). */
  siteSpectator: boolean;
  /** Active flag. */
  active: boolean;
  /** Free-form metadata. */
  meta: string | null;
  /** Creation day, `YYYY-MM-DD` (normalised from the epoch milliseconds `POST /users` answers). */
  createdAt: string;
  /** Day of the last update. */
  updatedAt: string | null;
  /** Day of the soft delete. */
  deletedAt: string | null;
}

const wireDate = z.union([z.string(), z.number()]).transform(normaliseWireDate);
const wireOptionalDate = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? null : normaliseWireDate(v)));
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const revisioned = {
  uuid: z.string(),
  revision: z.number().int(),
  created_at: wireDate,
  updated_at: wireOptionalDate,
  deleted_at: wireOptionalDate,
  parents: z.array(z.unknown()).optional(),
};

function revisionFields(w: { uuid: string; revision: number; created_at: string; updated_at: string | null; deleted_at: string | null }): Revisioned {
  return { uuid: w.uuid, revision: w.revision, createdAt: w.created_at, updatedAt: w.updated_at, deletedAt: w.deleted_at };
}

/**
 * Parses a time as the server sends it (snake_case) into a {@link Time}. `project` is normalised to an
 * array (POST answers send one slug); unknown keys the server echoes back are dropped.
 */
export const TimeSchema: z.ZodType<Time, unknown> = z
  .object({
    ...revisioned,
    duration: z.number().int(),
    user: z.string(),
    project: z.union([z.string(), z.array(z.string())]).transform((p) => (typeof p === "string" ? [p] : p)),
    activities: z
      .array(z.string())
      .nullable()
      .optional()
      .transform((a) => a ?? []),
    notes: optionalText,
    issue_uri: optionalText,
    date_worked: z.string(),
  })
  .transform((w): Time => {
    const time: Time = {
      ...revisionFields(w),
      duration: w.duration,
      user: w.user,
      project: w.project,
      activities: w.activities,
      notes: w.notes,
      issueUri: w.issue_uri,
      dateWorked: w.date_worked,
    };
    if (w.parents !== undefined) time.parents = w.parents.map((p) => TimeSchema.parse(p));
    return time;
  });

const rolesSchema = z.object({
  member: z.boolean().optional().default(false),
  spectator: z.boolean().optional().default(false),
  manager: z.boolean().optional().default(false),
});

/** Parses a project as the server sends it into a {@link Project} (`users` defaults to `{}`). */
export const ProjectSchema: z.ZodType<Project, unknown> = z
  .object({
    ...revisioned,
    name: z.string(),
    slugs: z.array(z.string()),
    uri: optionalText,
    default_activity: optionalText,
    users: z.record(z.string(), rolesSchema).nullable().optional(),
  })
  .transform((w): Project => {
    const project: Project = {
      ...revisionFields(w),
      name: w.name,
      slugs: w.slugs,
      uri: w.uri,
      defaultActivity: w.default_activity,
      users: w.users ?? {},
    };
    if (w.parents !== undefined) project.parents = w.parents.map((p) => ProjectSchema.parse(p));
    return project;
  });

/** Parses an activity as the server sends it into an {@link Activity}. */
export const ActivitySchema: z.ZodType<Activity, unknown> = z
  .object({ ...revisioned, name: z.string(), slug: z.string() })
  .transform((w): Activity => {
    const activity: Activity = { ...revisionFields(w), name: w.name, slug: w.slug };
    if (w.parents !== undefined) activity.parents = w.parents.map((p) => ActivitySchema.parse(p));
    return activity;
  });

/** Parses a user as the server sends it into a {@link User} (`created_at` numbers become dates). */
export const UserSchema: z.ZodType<User, unknown> = z
  .object({
    username: z.string(),
    display_name: optionalText,
    email: optionalText,
    site_admin: z.boolean().optional().default(false),
    site_manager: z.boolean().optional().default(false),
    site_spectator: z.boolean().optional().default(false),
    active: z.boolean().optional().default(true),
    meta: optionalText,
    created_at: wireDate,
    updated_at: wireOptionalDate,
    deleted_at: wireOptionalDate,
  })
  .transform(
    (w): User => ({
      username: w.username,
      displayName: w.display_name,
      email: w.email,
      siteAdmin: w.site_admin,
      siteManager: w.site_manager,
      siteSpectator: w.site_spectator,
      active: w.active,
      meta: w.meta,
      createdAt: w.created_at,
      updatedAt: w.updated_at,
      deletedAt: w.deleted_at,
    }),
  );
