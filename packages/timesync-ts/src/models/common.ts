import { TimeSyncValidationError } from "../errors.js";
import type { CallOptions } from "../options.js";
import { normaliseWireDate } from "../wire/dates.js";

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

/** Every field of `T` optional (and allowed to be `undefined`, meaning "leave unchanged"). */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/** A day: `YYYY-MM-DD`, or a `Date` (its UTC day is used). */
export type DayInput = string | Date;

/** Flags of single-object reads of projects and activities (pymesync rejects `includeDeleted` with a slug). */
export interface GetOneOptions extends CallOptions {
  /** Add `parents` (earlier revisions, oldest first). */
  includeRevisions?: boolean | undefined;
}

/** Flags of list calls. */
export interface ListOptions extends CallOptions {
  /** Add `parents` (earlier revisions) to each object. */
  includeRevisions?: boolean | undefined;
  /** Include soft-deleted objects. */
  includeDeleted?: boolean | undefined;
}

// ---- answer conversion helpers (the answer schemas are in src/schemas/) ----

/** A nullable wire day (`YYYY-MM-DD` or epoch milliseconds) as `YYYY-MM-DD` or `null`. */
export function wireDayOrNull(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : normaliseWireDate(value);
}

/**
 * Adds `parents` to a freshly converted object only when the server sent them (set, not spread:
 * spreading a new object is slow in V8), oldest first and each revision once: the reference server
 * sends a project's parents newest first, and in some states repeats each one (its query joins the
 * project's rows to other tables), so they are put in revision order (a stable sort; already ordered
 * lists are kept) and a repeated revision is dropped.
 */
export function withParents<T extends object, P extends { revision: number }>(object: T, parents: P[] | undefined): T & { parents?: P[] } {
  if (parents !== undefined) (object as T & { parents?: P[] }).parents = inRevisionOrder(parents);
  return object;
}

function inRevisionOrder<P extends { revision: number }>(parents: P[]): P[] {
  for (let i = 1; i < parents.length; i++) {
    if (parents[i]!.revision <= parents[i - 1]!.revision) {
      const sorted = [...parents].sort((a, b) => a.revision - b.revision);
      return sorted.filter((p, j) => j === 0 || p.revision !== sorted[j - 1]!.revision);
    }
  }
  return parents;
}

/** Throws when a patch changes nothing. */
export function requireSomething(patch: object, what: string): void {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new TimeSyncValidationError(what, "the patch is empty: give at least one field to change");
  }
}
