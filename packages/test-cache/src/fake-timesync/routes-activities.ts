import { asObject, checkKeys, checkSlug, checkType, isSlug, queryFlag } from "./checks.js";
import { emptyOk, isSiteManager, json, posted, type RouteContext, type RouteResult, updated } from "./context.js";
import { renderActivity, withParents } from "./render.js";
import type { FakeActivityRecord, FakeVersioned } from "./types.js";
import { fail } from "./wire-errors.js";

function findActivity(ctx: RouteContext, slug: string, includeDeleted: boolean, forDelete = false): FakeVersioned<FakeActivityRecord> {
  if (!isSlug(slug, ctx.strict)) throw fail.invalidIdentifier("slug", slug);
  const entry = ctx.store.activityBySlug(slug, includeDeleted);
  // The reference server names the slug, not the activity, in the 404 of its DELETE route only.
  if (entry === undefined) throw fail.notFound(forDelete && !ctx.strict ? "slug" : "activity");
  return entry;
}

function checkUnique(ctx: RouteContext, obj: Record<string, unknown>, selfUuid?: string): void {
  for (const a of ctx.store.activities.values()) {
    if (a.current.uuid === selfUuid || a.current.deleted_at !== null) continue;
    if (a.current.slug === obj["slug"]) throw fail.slugsExist([a.current.slug], ctx.strict);
    if (a.current.name === obj["name"]) throw fail.badObject("Field name of activity should be unique name but was sent as name which already exists");
  }
}

function requireManager(ctx: RouteContext, verb: "create" | "update" | "delete"): void {
  if (!isSiteManager(ctx.caller)) throw fail.authorization(`${ctx.caller.username} is not authorized to ${verb} activities`);
}

function checkFields(ctx: RouteContext, obj: Record<string, unknown>): void {
  checkType(obj, "activity", "name", "string");
  checkSlug(obj, "activity", "slug", ctx.strict);
}

/** `GET /activities`. */
export function listActivities(ctx: RouteContext): RouteResult {
  const includeDeleted = queryFlag(ctx.query, "include_deleted");
  const includeRevisions = queryFlag(ctx.query, "include_revisions");
  const out = [...ctx.store.activities.values()]
    .filter((a) => includeDeleted || a.current.deleted_at === null)
    .map((a) => withParents(a, (r) => renderActivity(r, ctx.strict), includeRevisions));
  return json(200, out);
}

/** `GET /activities/:slug`. */
export function getActivity(ctx: RouteContext, slug: string): RouteResult {
  const entry = findActivity(ctx, slug, queryFlag(ctx.query, "include_deleted"));
  return json(200, withParents(entry, (r) => renderActivity(r, ctx.strict), queryFlag(ctx.query, "include_revisions")));
}

/** `POST /activities`: `name` and `slug`, nothing else. */
export function createActivity(ctx: RouteContext): RouteResult {
  requireManager(ctx, "create");
  const obj = asObject(ctx.object, "activity");
  checkKeys(obj, "activity", ["name", "slug"], ["name", "slug"]);
  checkFields(ctx, obj);
  // An overlapping create checked before the other one wrote: the duplicate slug goes through.
  if (ctx.overlappingCreate !== true) checkUnique(ctx, obj);
  const record: FakeActivityRecord = { ...ctx.store.newMeta(), name: obj["name"] as string, slug: obj["slug"] as string };
  ctx.store.activities.set(record.uuid, { current: record, parents: [] });
  return posted(ctx, renderActivity(record, ctx.strict));
}

/**
 * `POST /activities/:slug`. For a missing slug the reference server answers 404 but leaves a database
 * transaction open, so every later request hangs; the fake only answers the 404.
 */
export function updateActivity(ctx: RouteContext, slug: string): RouteResult {
  requireManager(ctx, "update");
  const entry = findActivity(ctx, slug, false);
  const obj = asObject(ctx.object, "activity");
  checkKeys(obj, "activity", ["name", "slug"]);
  checkFields(ctx, obj);
  checkUnique(ctx, obj, entry.current.uuid);
  const next = { ...entry.current, ...(obj as Partial<FakeActivityRecord>) };
  const answer = renderActivity(ctx.store.revise(entry, next), ctx.strict);
  // The reference server's update answer leaves `deleted_at` out (its reads include it).
  if (!ctx.strict) delete answer["deleted_at"];
  return updated(answer);
}

/** `DELETE /activities/:slug`. */
export function deleteActivity(ctx: RouteContext, slug: string): RouteResult {
  requireManager(ctx, "delete");
  const entry = findActivity(ctx, slug, false, true);
  entry.current = { ...entry.current, deleted_at: ctx.store.today() };
  return emptyOk();
}
