import { asObject, checkKeys, checkSlug, checkType, isSlug, queryFlag } from "./checks.js";
import { emptyOk, isSiteManager, json, posted, type RouteContext, type RouteResult, updated } from "./context.js";
import { renderProject, renderProjectParent, withParents } from "./render.js";
import type { FakeProjectRecord, FakeProjectRoles, FakeVersioned } from "./types.js";
import { fail } from "./wire-errors.js";

const PROJECT_FIELDS = ["name", "slugs", "uri", "default_activity", "users"] as const;

function findProject(ctx: RouteContext, slug: string, includeDeleted: boolean): FakeVersioned<FakeProjectRecord> {
  if (!isSlug(slug, ctx.strict)) throw fail.invalidIdentifier("slug", slug);
  const entry = ctx.store.projectBySlug(slug, includeDeleted);
  if (entry === undefined) throw fail.notFound("project");
  return entry;
}

/** Validates a project object's field types, slugs and references; returns the parsed parts. */
function parseProjectFields(ctx: RouteContext, obj: Record<string, unknown>, selfUuid?: string) {
  const { store, strict } = ctx;
  checkType(obj, "project", "name", "string");
  checkType(obj, "project", "slugs", "string[]");
  checkType(obj, "project", "uri", "uri");
  checkSlug(obj, "project", "default_activity", strict);
  checkType(obj, "project", "users", "object");
  let slugs: string[] | undefined;
  if (obj["slugs"] !== undefined) {
    slugs = obj["slugs"] as string[];
    if (slugs.length === 0) throw fail.badObject("Field slugs of project should be array of slugs but was sent as empty array");
    const bad = slugs.find((s) => !isSlug(s, strict));
    if (bad !== undefined) {
      throw fail.badObject(strict ? `Field slugs of project contains the invalid slug ${bad}` : "Field slugs of project should be slugs but was sent as non-slug strings");
    }
    const used = store.slugsInUse(selfUuid);
    const taken = slugs.filter((s) => used.has(s));
    if (taken.length > 0) throw fail.slugsExist(taken, strict);
  }
  if (typeof obj["name"] === "string") {
    for (const p of store.projects.values()) {
      if (p.current.uuid !== selfUuid && p.current.deleted_at === null && p.current.name === obj["name"]) {
        throw fail.badObject("Field name of project should be unique name but was sent as name which already exists");
      }
    }
  }
  let defaultActivity: string | null = null;
  if (typeof obj["default_activity"] === "string") {
    const a = store.activityBySlug(obj["default_activity"]);
    if (a === undefined) throw fail.invalidForeignKey("The project does not contain a valid activity reference.");
    defaultActivity = a.current.uuid;
  }
  let users: Record<string, FakeProjectRoles> | undefined;
  if (obj["users"] !== undefined) {
    users = {};
    for (const [username, roles] of Object.entries(obj["users"] as Record<string, unknown>)) {
      if (!store.users.has(username)) {
        // The reference server fails inside its database write and answers a 500 instead of a 409.
        if (!strict) throw fail.serverError("Unexpected server error.");
        throw fail.invalidForeignKey(`Invalid foreign key: user ${username} does not exist`);
      }
      const r = asObject(roles, "project user");
      for (const flag of ["member", "spectator", "manager"] as const) {
        if (r[flag] !== undefined && typeof r[flag] !== "boolean") throw fail.badObject(`Field users.${username}.${flag} of project should be boolean`);
      }
      users[username] = { member: r["member"] === true, spectator: r["spectator"] === true, manager: r["manager"] === true };
    }
  }
  return { slugs, defaultActivity, users };
}

function renderWithParents(ctx: RouteContext, entry: FakeVersioned<FakeProjectRecord>, includeRevisions: boolean): Record<string, unknown> {
  // The reference server's parents lack slugs and users; strict mode renders them in full, oldest first.
  const parent = ctx.strict ? (r: FakeProjectRecord) => renderProject(ctx.store, r, true) : (r: FakeProjectRecord) => renderProjectParent(ctx.store, r);
  const out = withParents(entry, (r) => renderProject(ctx.store, r, ctx.strict), includeRevisions, parent);
  // The reference server lists a project's parents newest first (its query orders revisions descending).
  if (!ctx.strict && Array.isArray(out["parents"])) out["parents"].reverse();
  return out;
}

/** `GET /projects`, optionally filtered by `user` (any role). */
export function listProjects(ctx: RouteContext): RouteResult {
  const includeDeleted = queryFlag(ctx.query, "include_deleted");
  const includeRevisions = queryFlag(ctx.query, "include_revisions");
  const users = ctx.query.getAll("user");
  for (const u of users) if (!ctx.store.users.has(u)) throw fail.badQuery(`Parameter user contained invalid value ${u}`);
  const out: Record<string, unknown>[] = [];
  for (const entry of ctx.store.projects.values()) {
    const p = entry.current;
    if (p.deleted_at !== null && !includeDeleted) continue;
    if (users.length > 0 && !users.some((u) => Object.values(ctx.store.rolesOf(p, u)).some(Boolean))) continue;
    out.push(renderWithParents(ctx, entry, includeRevisions));
  }
  return json(200, out);
}

/** `GET /projects/:slug`. */
export function getProject(ctx: RouteContext, slug: string): RouteResult {
  const entry = findProject(ctx, slug, queryFlag(ctx.query, "include_deleted"));
  return json(200, renderWithParents(ctx, entry, queryFlag(ctx.query, "include_revisions")));
}

/** `POST /projects`: site managers and admins. */
export function createProject(ctx: RouteContext): RouteResult {
  const { store, caller } = ctx;
  if (!isSiteManager(caller)) throw fail.authorization(`${caller.username} is not authorized to create projects`);
  const obj = asObject(ctx.object, "project");
  checkKeys(obj, "project", PROJECT_FIELDS, ["name", "slugs"]);
  const parsed = parseProjectFields(ctx, obj);
  const record: FakeProjectRecord = {
    ...store.newMeta(),
    name: obj["name"] as string,
    slugs: parsed.slugs ?? [],
    uri: (obj["uri"] as string | undefined) ?? null,
    default_activity: parsed.defaultActivity,
    users: parsed.users ?? {},
  };
  store.projects.set(record.uuid, { current: record, parents: [] });
  return posted(ctx, renderProject(store, record, ctx.strict));
}

/**
 * `POST /projects/:slug`: replaces slugs/users. Omitting `default_activity` clears the stored one while
 * the answer still shows the old one (reference bug); strict mode keeps it.
 */
export function updateProject(ctx: RouteContext, slug: string): RouteResult {
  const { store, caller } = ctx;
  const entry = findProject(ctx, slug, false);
  if (!isSiteManager(caller) && !store.rolesOf(entry.current, caller.username).manager) {
    throw fail.authorization(`${caller.username} is not authorized to make changes to ${entry.current.name}`);
  }
  const obj = asObject(ctx.object, "project");
  checkKeys(obj, "project", PROJECT_FIELDS);
  const parsed = parseProjectFields(ctx, obj, entry.current.uuid);
  const sentDefault = obj["default_activity"] !== undefined;
  const oldDefault = entry.current.default_activity;
  const next: FakeProjectRecord = {
    ...entry.current,
    name: (obj["name"] as string | undefined) ?? entry.current.name,
    slugs: parsed.slugs ?? entry.current.slugs,
    uri: obj["uri"] !== undefined ? (obj["uri"] as string) : entry.current.uri,
    default_activity: sentDefault || !ctx.strict ? parsed.defaultActivity : oldDefault,
    users: parsed.users ?? entry.current.users,
  };
  const saved = store.revise(entry, next);
  // The reference server answers what it read before the write, so the cleared default still shows.
  return updated(renderProject(store, sentDefault ? saved : { ...saved, default_activity: oldDefault }, ctx.strict));
}

/** `DELETE /projects/:slug`: 405 while live times reference the project. */
export function deleteProject(ctx: RouteContext, slug: string): RouteResult {
  const { store, caller } = ctx;
  // The reference server checks the caller before the slug, and says "slug" in this one 404.
  if (!isSiteManager(caller)) throw fail.authorization(`${caller.username} is not authorized to delete project ${slug}`);
  if (!ctx.strict && isSlug(slug, false) && store.projectBySlug(slug) === undefined) throw fail.notFound("slug");
  const entry = findProject(ctx, slug, false);
  for (const t of store.times.values()) {
    if (t.current.project === entry.current.uuid && t.current.deleted_at === null) {
      throw fail.methodNotAllowed("The method specified is not allowed for the project identified", "GET, POST");
    }
  }
  entry.current = { ...entry.current, deleted_at: store.today() };
  return emptyOk();
}
