import { snakify } from "../wire/names.js";
import { type Patch, requireSomething, type Revisioned } from "./common.js";

/** Role flags a user holds on a project. */
export interface ProjectRoles {
  /** May create times on the project. */
  member: boolean;
  /** May see every time on the project. */
  spectator: boolean;
  /** May update the project. */
  manager: boolean;
}

/** A role name, as listed by `projectUsers`. */
export type ProjectRole = keyof ProjectRoles;

/**
 * An earlier revision of a project, as listed in {@link Project.parents}. The reference server sends
 * revisions without `slugs` and `users`; a server that follows the spec sends them, and they are kept.
 */
export interface ProjectRevision extends Revisioned {
  /** Display name at that revision. */
  name: string;
  /** Project URI at that revision. */
  uri: string | null;
  /** Default activity slug at that revision. */
  defaultActivity: string | null;
  /** Slugs at that revision, when the server sends them (the reference server does not). */
  slugs?: string[];
  /** Roles at that revision, when the server sends them (the reference server does not). */
  users?: Record<string, ProjectRoles>;
}

/** A project. */
export interface Project extends Revisioned {
  /** Unique display name. */
  name: string;
  /** Slugs (at least one; the reference server lists a deleted project with `slugs: []`). */
  slugs: string[];
  /** Project URI. */
  uri: string | null;
  /** Slug of the activity used when a time names none. */
  defaultActivity: string | null;
  /** Roles per username (`{}` when the server omits the member list). */
  users: Record<string, ProjectRoles>;
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: ProjectRevision[];
}

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

/** Filters of `getProjects`. */
export interface ProjectFilter {
  /** Only projects where one of these users has a role. */
  user?: string[] | undefined;
  /** Add `parents` (earlier revisions) to each project. */
  includeRevisions?: boolean | undefined;
  /** Include soft-deleted projects. */
  includeDeleted?: boolean | undefined;
}

// ---- to the wire ----

function rolesToWire(users: Record<string, Patch<ProjectRoles>> | undefined): Record<string, ProjectRoles> | undefined {
  if (users === undefined) return undefined;
  const out: Record<string, ProjectRoles> = {};
  for (const [name, r] of Object.entries(users)) out[name] = { member: r.member ?? false, spectator: r.spectator ?? false, manager: r.manager ?? false };
  return out;
}

/** `POST /projects` object. */
export function projectCreateToWire(input: ProjectCreateInput): Record<string, unknown> {
  return snakify({ name: input.name, slugs: [...input.slugs], uri: input.uri, defaultActivity: input.defaultActivity, users: rolesToWire(input.users) });
}

/**
 * `POST /projects/:slug` object. `currentDefault` is re-sent when the patch leaves `defaultActivity`
 * out, because the server clears it otherwise; `null` (clear it) is sent as no `default_activity`.
 */
export function projectUpdateToWire(patch: ProjectUpdateInput, currentDefault: string | null): Record<string, unknown> {
  requireSomething(patch, "project");
  const activity = patch.defaultActivity === undefined ? currentDefault : patch.defaultActivity;
  return snakify({
    name: patch.name,
    slugs: patch.slugs === undefined ? undefined : [...patch.slugs],
    uri: patch.uri,
    defaultActivity: activity ?? undefined,
    users: rolesToWire(patch.users),
  });
}

/** `{username: [roles that are true]}`, as pymesync's `project_users`. */
export function rolesByUser(project: Project): Record<string, ProjectRole[]> {
  const out: Record<string, ProjectRole[]> = {};
  for (const [username, roles] of Object.entries(project.users)) {
    out[username] = (["member", "spectator", "manager"] as const).filter((r) => roles[r]);
  }
  return out;
}
