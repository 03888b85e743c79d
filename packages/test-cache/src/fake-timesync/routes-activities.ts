import { asObject, checkKeys, checkType, queryFlag, SLUG_RE } from "./checks.js";
import { emptyOk, isSiteManager, json, type RouteContext, type RouteResult } from "./context.js";
import { renderActivity, withParents } from "./render.js";
import type { FakeActivityRecord, FakeVersioned } from "./types.js";
import { fail } from "./wire-errors.js";

function findActivity(ctx: RouteContext, slug: string, includeDeleted: boolean): FakeVersioned<FakeActivityRecord> {
  if (!SLUG_RE.test(slug)) throw fail.invalidIdentifier("slug", slug);
  const entry = ctx.store.activityBySlug(slug, includeDeleted);
  if (entry === undefined) throw fail.notFound("activity");
  return entry;
}

function checkUnique(ctx: RouteContext, obj: Record<string, unknown>, selfUuid?: string): void {
  for (const a of ctx.store.activities.values()) {
    if (a.current.uuid === selfUuid || a.current.deleted_at !== null) continue;
    if (a.current.slug === obj["slug"]) throw fail.slugsExist([a.current.slug]);
    if (a.current.name === obj["name"]) throw fail.badObject(`An activity named ${a.current.name} already exists`);
  }
}

function requireManager(ctx: RouteContext): void {
  if (!isSiteManager(ctx.caller)) throw fail.authorization(`${ctx.caller.username} is not authorized to change activities`);
}

/** `GET /activities`. */
export function listActivities(ctx: RouteContext): RouteResult {
  const includeDeleted = queryFlag(ctx.query, "include_deleted");
  const includeRevisions = queryFlag(ctx.query, "include_revisions");
  const out = [...ctx.store.activities.values()]
    .filter((a) => includeDeleted || a.current.deleted_at === null)
    .map((a) => withParents(a, renderActivity, includeRevisions));
  return json(200, out);
}

/** `GET /activities/:slug`. */
export function getActivity(ctx: RouteContext, slug: string): RouteResult {
  const entry = findActivity(ctx, slug, queryFlag(ctx.query, "include_deleted"));
  return json(200, withParents(entry, renderActivity, queryFlag(ctx.query, "include_revisions")));
}

/** `POST /activities`: `name` and `slug`, nothing else. */
export function createActivity(ctx: RouteContext): RouteResult {
  requireManager(ctx);
  const obj = asObject(ctx.object, "activity");
  checkKeys(obj, "activity", ["name", "slug"], ["name", "slug"]);
  checkType(obj, "activity", "name", "string");
  checkType(obj, "activity", "slug", "slug");
  checkUnique(ctx, obj);
  const record: FakeActivityRecord = { ...ctx.store.newMeta(), name: obj["name"] as string, slug: obj["slug"] as string };
  ctx.store.activities.set(record.uuid, { current: record, parents: [] });
  return json(200, renderActivity(record), true);
}

/** `POST /activities/:slug`. */
export function updateActivity(ctx: RouteContext, slug: string): RouteResult {
  requireManager(ctx);
  const entry = findActivity(ctx, slug, false);
  const obj = asObject(ctx.object, "activity");
  checkKeys(obj, "activity", ["name", "slug"]);
  checkType(obj, "activity", "name", "string");
  checkType(obj, "activity", "slug", "slug");
  checkUnique(ctx, obj, entry.current.uuid);
  const next = { ...entry.current, ...(obj as Partial<FakeActivityRecord>) };
  return json(200, renderActivity(ctx.store.revise(entry, next)));
}

/** `DELETE /activities/:slug`. */
export function deleteActivity(ctx: RouteContext, slug: string): RouteResult {
  requireManager(ctx);
  const entry = findActivity(ctx, slug, false);
  entry.current = { ...entry.current, deleted_at: ctx.store.today() };
  return emptyOk();
}
