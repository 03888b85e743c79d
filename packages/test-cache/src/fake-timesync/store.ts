import { randomUUID } from "node:crypto";
import type { FakeClock } from "../clock.js";
import type {
  FakeActivityRecord,
  FakeProjectRecord,
  FakeProjectRoles,
  FakeTimeRecord,
  FakeUserRecord,
  FakeVersioned,
} from "./types.js";

/**
 * The fake server's whole in-memory state; tests may read it to assert on what was stored.
 *
 * @example
 * ```ts
 * const server = await startFakeTimeSync({ users: [{ username: "pat", password: "pw" }] });
 * server.state.users.has("pat"); // true
 * ```
 */
export class FakeTimeSyncStore {
  /** Activities by uuid. */
  readonly activities = new Map<string, FakeVersioned<FakeActivityRecord>>();
  /** Projects by uuid. */
  readonly projects = new Map<string, FakeVersioned<FakeProjectRecord>>();
  /** Times by uuid. */
  readonly times = new Map<string, FakeVersioned<FakeTimeRecord>>();
  /** Users by username. */
  readonly users = new Map<string, FakeUserRecord>();

  constructor(readonly now: FakeClock) {}

  /**
   * Today's UTC date as `YYYY-MM-DD`.
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync();
   * server.state.today(); // e.g. "2030-03-14", in UTC
   * ```
   */
  today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }

  /**
   * Fresh bookkeeping fields for a new record.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  newMeta(): { uuid: string; revision: number; created_at: string; updated_at: null; deleted_at: null } {
    return { uuid: randomUUID(), revision: 1, created_at: this.today(), updated_at: null, deleted_at: null };
  }

  /**
   * The activity whose current slug is `slug` (deleted ones only when asked).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ activities: [{ name: "Docs", slug: "docs" }] });
   * server.state.activityBySlug("docs")?.current.name; // "Docs"
   * ```
   */
  activityBySlug(slug: string, includeDeleted = false): FakeVersioned<FakeActivityRecord> | undefined {
    for (const a of this.activities.values()) {
      if (a.current.slug === slug && (includeDeleted || a.current.deleted_at === null)) return a;
    }
    return undefined;
  }

  /**
   * How many stored activity revisions carry `slug` (the reference server reads one row per revision).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ activities: [{ name: "Docs", slug: "docs" }] });
   * server.state.activityRevisionsWithSlug("docs"); // 1, and 2 after a rename
   * ```
   */
  activityRevisionsWithSlug(slug: string): number {
    let n = 0;
    for (const a of this.activities.values()) for (const r of [...a.parents, a.current]) if (r.slug === slug) n += 1;
    return n;
  }

  /**
   * The project that has `slug` among its current slugs (deleted ones only when asked).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ projects: [{ name: "Website", slugs: ["web"] }] });
   * server.state.projectBySlug("web")?.current.name; // "Website"
   * ```
   */
  projectBySlug(slug: string, includeDeleted = false): FakeVersioned<FakeProjectRecord> | undefined {
    for (const p of this.projects.values()) {
      if (p.current.slugs.includes(slug) && (includeDeleted || p.current.deleted_at === null)) return p;
    }
    return undefined;
  }

  /**
   * Slugs of all live projects and activities, for uniqueness checks.
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ projects: [{ name: "Website", slugs: ["web", "site"] }] });
   * server.state.slugsInUse().has("site"); // true
   * ```
   */
  slugsInUse(exceptUuid?: string): Set<string> {
    const used = new Set<string>();
    for (const p of this.projects.values()) {
      if (p.current.uuid !== exceptUuid && p.current.deleted_at === null) p.current.slugs.forEach((s) => used.add(s));
    }
    return used;
  }

  /**
   * The roles `username` holds on a project (all false when none).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ users: [{ username: "pat", password: "pw" }], projects: [{ name: "Website", slugs: ["web"], users: { pat: { member: true } } }] });
   * const project = server.state.projectBySlug("web")!.current;
   * server.state.rolesOf(project, "pat"); // { member: true, spectator: false, manager: false }
   * ```
   */
  rolesOf(project: FakeProjectRecord, username: string): FakeProjectRoles {
    return project.users[username] ?? { member: false, spectator: false, manager: false };
  }

  /**
   * Saves a new revision of a versioned record: the old one moves to `parents`.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  revise<T extends { revision: number; updated_at: string | null }>(entry: FakeVersioned<T>, next: T): T {
    entry.parents.push(entry.current);
    entry.current = { ...next, revision: entry.current.revision + 1, updated_at: this.today() };
    return entry.current;
  }
}
