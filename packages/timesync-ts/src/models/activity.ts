import { z } from "zod";
import { camelize, snakify } from "../wire/names.js";
import { type Patch, requireSomething, type Revisioned, revisionedFields, slugInput, withParents } from "./common.js";

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

const activityFields = { ...revisionedFields, name: z.string() };

/** Parses an earlier revision of an activity. */
export const ActivityRevisionSchema: z.ZodType<ActivityRevision, unknown> = z
  .object({ ...activityFields, slug: z.string().nullable() })
  .transform((w) => camelize(w));

/** Parses an activity as the server sends it into an {@link Activity}. */
export const ActivitySchema: z.ZodType<Activity, unknown> = z
  .object({ ...activityFields, slug: z.string(), parents: z.array(ActivityRevisionSchema).optional() })
  .transform(({ parents, ...w }) => withParents(camelize(w), parents));

/**
 * Parses an activity of a list that may include deleted ones: the slug may be `null`, but only when
 * the activity is deleted.
 */
export const ListedActivitySchema: z.ZodType<Activity | DeletedActivity, unknown> = z
  .object({ ...activityFields, slug: z.string().nullable(), parents: z.array(ActivityRevisionSchema).optional() })
  .refine((w) => w.slug !== null || w.deleted_at !== null, { message: "a current activity must have a slug", path: ["slug"] })
  .transform(({ parents, ...w }) => withParents(camelize(w), parents) as Activity | DeletedActivity);

/** Input of `createActivity`. */
export interface ActivityCreateInput {
  /** Unique display name. */
  name: string;
  /** Unique slug. */
  slug: string;
}

/** Patch of `updateActivity` (at least one field). */
export type ActivityUpdateInput = Patch<ActivityCreateInput>;

/** Validates {@link ActivityCreateInput}. */
export const ActivityCreateInputSchema = z.strictObject({ name: z.string().min(1, "must not be empty"), slug: slugInput });

/** Validates {@link ActivityUpdateInput}. */
export const ActivityUpdateInputSchema = ActivityCreateInputSchema.partial();

/** `POST /activities` object. */
export function activityCreateToWire(input: ActivityCreateInput): Record<string, unknown> {
  return { name: input.name, slug: input.slug };
}

/** `POST /activities/:slug` object. */
export function activityUpdateToWire(patch: ActivityUpdateInput): Record<string, unknown> {
  requireSomething(patch, "activity");
  return snakify({ name: patch.name, slug: patch.slug });
}
