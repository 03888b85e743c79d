import type { FakeTimeSyncStore } from "./store.js";
import type { FakeActivityRecord, FakeProjectRecord, FakeTimeRecord, FakeUserRecord, FakeVersioned } from "./types.js";

// Turns stored records into the JSON shapes the reference server emits.

function activitySlug(store: FakeTimeSyncStore, uuid: string): string {
  return store.activities.get(uuid)?.current.slug ?? "";
}

/** A time as `GET /times` shows it: `project` is the sorted list of all the project's slugs. */
export function renderTime(store: FakeTimeSyncStore, t: FakeTimeRecord): Record<string, unknown> {
  const project = store.projects.get(t.project)?.current.slugs ?? [];
  return {
    duration: t.duration,
    user: t.user,
    project: [...project].sort(),
    activities: t.activities.map((a) => activitySlug(store, a)),
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

/** A project: `default_activity` as a slug, `users` omitted when empty. */
export function renderProject(store: FakeTimeSyncStore, p: FakeProjectRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    uri: p.uri,
    name: p.name,
    slugs: [...p.slugs],
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

/** An activity. */
export function renderActivity(a: FakeActivityRecord): Record<string, unknown> {
  return { ...a };
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

/** Renders a versioned record, adding `parents` (oldest first) when revisions were asked for. */
export function withParents<T>(
  entry: FakeVersioned<T>,
  render: (record: T) => Record<string, unknown>,
  includeRevisions: boolean,
): Record<string, unknown> {
  const out = render(entry.current);
  if (includeRevisions) out["parents"] = entry.parents.map(render);
  return out;
}
