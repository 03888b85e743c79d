import { asObject, checkKeys, checkSlug, checkType, isDate, queryFlag, UUID_RE } from "./checks.js";
import { emptyOk, isSiteManager, json, posted, type RouteContext, type RouteResult, updated } from "./context.js";
import { renderTime, withParents } from "./render.js";
import type { FakeTimeSyncStore } from "./store.js";
import type { FakeProjectRecord, FakeTimeRecord, FakeUserRecord, FakeVersioned } from "./types.js";
import { fail } from "./wire-errors.js";

const TIME_FIELDS = ["duration", "project", "user", "activities", "notes", "issue_uri", "date_worked"] as const;

function canSee(store: FakeTimeSyncStore, caller: FakeUserRecord, t: FakeTimeRecord): boolean {
  if (t.user === caller.username || caller.site_admin || caller.site_spectator) return true;
  const project = store.projects.get(t.project)?.current;
  return project !== undefined && store.rolesOf(project, caller.username).spectator;
}

// Texts as the reference server words them; its DELETE route says "uuid" where the others say "UUID"/"time".
function findTime(ctx: RouteContext, uuid: string, includeDeleted: boolean, forDelete = false): FakeVersioned<FakeTimeRecord> {
  if (!UUID_RE.test(uuid)) throw fail.invalidIdentifier(forDelete ? "uuid" : "UUID", uuid);
  const entry = ctx.store.times.get(uuid.toLowerCase());
  if (entry === undefined || (entry.current.deleted_at !== null && !includeDeleted)) throw fail.notFound(forDelete ? "uuid" : "time");
  return entry;
}

/**
 * May `caller` log time on `project`? On the reference server (SQLite) a member flag stored as 0 is not
 * `false`, so anyone with a role row on the project passes; strict mode needs the member flag.
 */
function mayLogTime(ctx: RouteContext, project: FakeProjectRecord): boolean {
  const { caller, store } = ctx;
  if (caller.site_admin) return true;
  if (!ctx.strict) return Object.hasOwn(project.users, caller.username);
  return store.rolesOf(project, caller.username).member;
}

function checkTimeTypes(obj: Record<string, unknown>, strict: boolean): void {
  checkType(obj, "time", "duration", "integer");
  checkSlug(obj, "time", "project", strict);
  checkType(obj, "time", "user", "string");
  checkType(obj, "time", "activities", "string[]");
  checkType(obj, "time", "notes", "string");
  checkType(obj, "time", "issue_uri", "uri");
  checkType(obj, "time", "date_worked", "date");
}

function resolveActivities(store: FakeTimeSyncStore, slugs: string[]): string[] {
  return slugs.map((slug) => {
    const a = store.activityBySlug(slug);
    if (a === undefined) throw fail.invalidForeignKey("The time does not contain a valid activities reference.");
    return a.current.uuid;
  });
}

/**
 * The ids a filter's values name. The reference server refuses a filter only when none of its values
 * exists (the text lists them all, comma-joined) and filters by the known ones; strict refuses any
 * unknown value.
 */
function knownOnly(ctx: RouteContext, name: string, values: readonly string[], find: (value: string) => string | undefined): string[] {
  const found: string[] = [];
  for (const value of values) {
    const id = find(value);
    if (id !== undefined) found.push(id);
    else if (ctx.strict) throw fail.badQuery(`Parameter ${name} contained invalid value ${value}`);
  }
  if (values.length > 0 && found.length === 0) throw fail.badQuery(`Parameter ${name} contained invalid value ${values.join(",")}`);
  return found;
}

/** `GET /times` with the user/project/activity/start/end filters. */
export function listTimes(ctx: RouteContext): RouteResult {
  const { store, query, caller } = ctx;
  const includeDeleted = queryFlag(query, "include_deleted");
  const includeRevisions = queryFlag(query, "include_revisions");
  const users = knownOnly(ctx, "user", query.getAll("user"), (u) => (store.users.has(u) ? u : undefined));
  const projects = knownOnly(ctx, "project", query.getAll("project"), (slug) => store.projectBySlug(slug, includeDeleted)?.current.uuid);
  const activities = knownOnly(ctx, "activity", query.getAll("activity"), (slug) => store.activityBySlug(slug, includeDeleted)?.current.uuid);
  const [start] = query.getAll("start");
  const [end] = query.getAll("end");
  for (const [name, value] of [["start", start], ["end", end]] as const) {
    if (value !== undefined && !isDate(value)) throw fail.badQuery(`Parameter ${name} contained invalid value ${value}`);
  }
  // The reference server words both as an invalid start; strict names the reason.
  const badStart = (reason: string) => fail.badQuery(ctx.strict ? `Parameter start ${reason}` : `Parameter start contained invalid value ${start}`);
  if (start !== undefined && end !== undefined && start > end) throw badStart("is after end");
  if (start !== undefined && start > store.today()) throw badStart("is in the future");

  const out: Record<string, unknown>[] = [];
  for (const entry of store.times.values()) {
    const t = entry.current;
    if (t.deleted_at !== null && !includeDeleted) continue;
    if (!canSee(store, caller, t)) continue;
    if (users.length > 0 && !users.includes(t.user)) continue;
    if (projects.length > 0 && !projects.includes(t.project)) continue;
    if (activities.length > 0 && !t.activities.some((a) => activities.includes(a))) continue;
    if (start !== undefined && t.date_worked < start) continue;
    if (end !== undefined && t.date_worked > end) continue;
    out.push(withParents(entry, (r) => renderTime(store, r, ctx.strict), includeRevisions));
  }
  return json(200, out);
}

/** `GET /times/:uuid`; hangs for a revision-less time with `include_revisions=true` (reference quirk). */
export function getTime(ctx: RouteContext, uuid: string): RouteResult {
  const includeRevisions = queryFlag(ctx.query, "include_revisions");
  const entry = findTime(ctx, uuid, queryFlag(ctx.query, "include_deleted"));
  if (!canSee(ctx.store, ctx.caller, entry.current)) {
    // The reference server filters the time out of its query, so it is simply not found.
    throw ctx.strict ? fail.authorization("You cannot access this time") : fail.notFound("time");
  }
  if (includeRevisions && entry.parents.length === 0 && ctx.hangOnRevisionlessTime) return "hang";
  return json(200, withParents(entry, (r) => renderTime(ctx.store, r, ctx.strict), includeRevisions));
}

/** `POST /times`: only project members (or site admins) create, and only for themselves. */
export function createTime(ctx: RouteContext): RouteResult {
  const { store, caller } = ctx;
  const obj = asObject(ctx.object, "time");
  // Unknown keys are echoed back but not stored (reference behaviour), so only known ones are checked.
  const known = Object.fromEntries(Object.entries(obj).filter(([k]) => (TIME_FIELDS as readonly string[]).includes(k)));
  checkKeys(known, "time", TIME_FIELDS, ["duration", "project", "user", "date_worked"]);
  checkTimeTypes(known, ctx.strict);
  if (known["user"] !== caller.username) throw fail.authorization(`${caller.username} is not authorized to create time entries for ${String(known["user"])}`);
  const projectSlug = known["project"] as string;
  const project = store.projectBySlug(projectSlug);
  if (project === undefined) throw fail.invalidForeignKey("The time does not contain a valid project reference.");
  if (!mayLogTime(ctx, project.current)) {
    throw fail.authorization(`${caller.username} is not authorized to create time entries for project ${projectSlug}.`);
  }
  let activities: string[];
  if (Array.isArray(known["activities"]) && known["activities"].length > 0) {
    activities = resolveActivities(store, known["activities"] as string[]);
  } else if (project.current.default_activity !== null) {
    activities = [project.current.default_activity];
  } else {
    throw fail.badObject("The time is missing a activities");
  }
  const record: FakeTimeRecord = {
    ...store.newMeta(),
    duration: known["duration"] as number,
    user: caller.username,
    project: project.current.uuid,
    activities,
    notes: (known["notes"] as string | undefined) ?? null,
    issue_uri: (known["issue_uri"] as string | undefined) ?? null,
    date_worked: known["date_worked"] as string,
  };
  store.times.set(record.uuid, { current: record, parents: [] });
  const answer: Record<string, unknown> = { ...obj, ...renderTime(store, record, ctx.strict), project: projectSlug };
  // The reference server answers from what was sent, not from the stored time.
  if (!ctx.strict) for (const key of ["activities", "notes", "issue_uri"]) if (obj[key] === undefined) delete answer[key];
  if (!ctx.strict && Array.isArray(obj["activities"])) answer["activities"] = obj["activities"];
  return posted(ctx, answer);
}

/**
 * `POST /times/:uuid`: falsy values are ignored but the revision still increments (reference quirk).
 * Outside strict mode a deleted time is updated too, and becomes current again.
 */
export function updateTime(ctx: RouteContext, uuid: string): RouteResult {
  const { store, caller } = ctx;
  const entry = findTime(ctx, uuid, !ctx.strict);
  const obj = asObject(ctx.object, "time");
  checkKeys(obj, "time", TIME_FIELDS);
  checkTimeTypes(obj, ctx.strict);
  const t = entry.current;
  if (t.user !== caller.username && !caller.site_admin) throw fail.authorization(`${caller.username} is not authorized to create objects for ${t.user}`);
  const next: FakeTimeRecord = { ...t, activities: [...t.activities], deleted_at: null };
  if (obj["user"] && obj["user"] !== t.user) {
    if (ctx.strict) throw fail.authorization("The owner of a time cannot be changed");
    // The reference server moves the time to any existing user (no project role needed).
    if (!store.users.has(obj["user"] as string)) throw fail.invalidForeignKey("The time does not contain a valid user reference.");
    next.user = obj["user"] as string;
  }
  if (obj["duration"]) next.duration = obj["duration"] as number;
  if (obj["notes"]) next.notes = obj["notes"] as string;
  if (obj["issue_uri"]) next.issue_uri = obj["issue_uri"] as string;
  if (obj["date_worked"]) next.date_worked = obj["date_worked"] as string;
  if (obj["project"]) {
    const project = store.projectBySlug(obj["project"] as string);
    if (project === undefined) throw fail.invalidForeignKey("The time does not contain a valid project reference.");
    // The reference server does not check a role on the new project; strict mode does.
    if (ctx.strict && !mayLogTime(ctx, project.current)) {
      throw fail.authorization(`${caller.username} is not a member of project ${String(obj["project"])}`);
    }
    next.project = project.current.uuid;
  }
  const sentActivities = Array.isArray(obj["activities"]) && obj["activities"].length > 0;
  if (sentActivities) next.activities = resolveActivities(store, obj["activities"] as string[]);
  const saved = store.revise(entry, next);
  const answer = renderTime(store, saved, ctx.strict);
  // The reference server answers `activities: []` unless activities were sent, and lists a sent activity
  // once per stored revision that has its slug (it reads every such row); the stored time has it once.
  if (!sentActivities) answer["activities"] = [];
  else if (!ctx.strict) answer["activities"] = (obj["activities"] as string[]).flatMap((slug) => Array(store.activityRevisionsWithSlug(slug)).fill(slug)).sort();
  // The reference server's answer lists the project's slugs and names the owner before the update.
  if (!ctx.strict) answer["user"] = t.user;
  else if (obj["project"]) answer["project"] = obj["project"];
  return updated(answer);
}

/**
 * `DELETE /times/:uuid`: the owner, site managers and site admins. Deleting an already deleted time
 * answers 200 again on the reference server (404 in strict mode).
 */
export function deleteTime(ctx: RouteContext, uuid: string): RouteResult {
  const entry = findTime(ctx, uuid, !ctx.strict, !ctx.strict);
  const { caller } = ctx;
  if (entry.current.user !== caller.username && !isSiteManager(caller)) throw fail.authorization(`${caller.username} is not authorized to delete time ${uuid}`);
  if (entry.current.deleted_at === null) entry.current = { ...entry.current, deleted_at: ctx.store.today() };
  return emptyOk();
}
