import { snakify } from "../wire/names.js";
import { type Patch, requireSomething, type Revisioned } from "./common.js";

/** An earlier revision of an activity, as listed in {@link Activity.parents}. */
export interface ActivityRevision extends Revisioned {
  /** Display name at that revision. */
  name: string;
  /** Slug at that revision (`null` when the server dropped it, as it does for deleted activities). */
  slug: string | null;
}

/** An activity (a kind of work, e.g. `docs`). */
export interface Activity extends Revisioned {
  /** Unique display name. */
  name: string;
  /** Slug. */
  slug: string;
  /** Earlier revisions, oldest first (only with `includeRevisions`). */
  parents?: ActivityRevision[];
}

/**
 * A soft-deleted activity, as `getActivities({ includeDeleted: true })` lists it: the reference server
 * sends `"slug": null` for it.
 */
export interface DeletedActivity extends Omit<Activity, "slug" | "deletedAt"> {
  /** The slug, or `null` (the reference server drops a deleted activity's slug). */
  slug: string | null;
  /** Day of the soft delete. */
  deletedAt: string;
}

/** Input of `createActivity`. */
export interface ActivityCreateInput {
  /** Unique display name. */
  name: string;
  /** Unique slug. */
  slug: string;
}

/** Patch of `updateActivity` (at least one field). */
export type ActivityUpdateInput = Patch<ActivityCreateInput>;

/** `POST /activities` object. */
export function activityCreateToWire(input: ActivityCreateInput): Record<string, unknown> {
  return { name: input.name, slug: input.slug };
}

/** `POST /activities/:slug` object. */
export function activityUpdateToWire(patch: ActivityUpdateInput): Record<string, unknown> {
  requireSomething(patch, "activity");
  return snakify({ name: patch.name, slug: patch.slug });
}
