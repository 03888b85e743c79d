import type { FakeTimeSyncStore } from "./store.js";
import type { FakeActivityRecord, FakeProjectRecord, FakeTimeRecord, FakeUserRecord, FakeVersioned } from "./types.js";

// Turns stored records into the JSON shapes the reference server emits.

function activitySlug(store: FakeTimeSyncStore, uuid: string): string {
  return store.activities.get(uuid)?.current.slug ?? "";
}

/**
 * A time as `GET /times` shows it: `project` is the sorted list of all the project's slugs; outside
 * `strict` mode `activities` are sorted too, as the reference server sorts them.
 */
export function renderTime(store: FakeTimeSyncStore, t: FakeTimeRecord, strict = false): Record<string, unknown> {
  const project = store.projects.get(t.project)?.current.slugs ?? [];
  const activities = t.activities.map((a) => activitySlug(store, a));
  return {
    duration: t.duration,
    user: t.user,
    project: [...project].sort(),
    activities: strict ? activities : activities.sort(),
    notes: t.notes,
    issue_uri: t.issue_uri,
    date_worked: t.date_worked,
    revision: t.revision,
    created_at: t.created_at,
    updated_at: t.updated_at,
    deleted_at: t.deleted_at,
    uuid: t.uuid,
  };
}

/**
 * A project: `default_activity` as a slug, `users` omitted when empty. Outside `strict` mode a deleted
 * project shows `slugs: []` (the reference server drops a deleted project's slugs).
 */
export function renderProject(store: FakeTimeSyncStore, p: FakeProjectRecord, strict: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    uri: p.uri,
    name: p.name,
    slugs: p.deleted_at !== null && !strict ? [] : [...p.slugs],
    default_activity: p.default_activity === null ? null : activitySlug(store, p.default_activity),
    uuid: p.uuid,
    revision: p.revision,
    created_at: p.created_at,
    updated_at: p.updated_at,
    deleted_at: p.deleted_at,
  };
  if (Object.keys(p.users).length > 0) out["users"] = structuredClone(p.users);
  return out;
}

/** An entry of a project's `parents` as the reference server sends it: no `slugs`, no `users`. */
export function renderProjectParent(store: FakeTimeSyncStore, p: FakeProjectRecord): Record<string, unknown> {
  const { slugs: _slugs, users: _users, ...rest } = renderProject(store, p, true);
  return rest;
}

/** An activity; outside `strict` mode a deleted one shows `slug: null`, as on the reference server. */
export function renderActivity(a: FakeActivityRecord, strict: boolean): Record<string, unknown> {
  return { ...a, slug: a.deleted_at !== null && !strict ? null : a.slug };
}

/** A user, without the password; `created_at` as a date unless `createdAsNumber` (the POST answer). */
export function renderUser(u: FakeUserRecord, createdAsNumber = false): Record<string, unknown> {
  return {
    username: u.username,
    display_name: u.display_name,
    email: u.email,
    site_admin: u.site_admin,
    site_manager: u.site_manager,
    site_spectator: u.site_spectator,
    active: u.active,
    meta: u.meta,
    created_at: createdAsNumber ? u.created_at : new Date(u.created_at).toISOString().slice(0, 10),
    updated_at: u.updated_at,
    deleted_at: u.deleted_at,
  };
}

/**
 * Renders a versioned record, adding `parents` (oldest first) when revisions were asked for;
 * `renderParent` (default: `render`) renders the older revisions.
 */
export function withParents<T>(
  entry: FakeVersioned<T>,
  render: (record: T) => Record<string, unknown>,
  includeRevisions: boolean,
  renderParent: (record: T) => Record<string, unknown> = render,
): Record<string, unknown> {
  const out = render(entry.current);
  if (includeRevisions) out["parents"] = entry.parents.map((r) => renderParent(r));
  return out;
}
