import { z } from "zod";
import type { Activity, ActivityRevision, DeletedActivity } from "../models/activity.js";
import { withParents } from "../models/common.js";
import { camelize } from "../wire/names.js";
import { revisionedFields, slugInput } from "./common.js";

const activityFields = { ...revisionedFields, name: z.string() };

/** Parses an earlier revision of an activity. */
export const ActivityRevisionSchema: z.ZodType<ActivityRevision, unknown> = z
  .object({ ...activityFields, slug: z.string().nullable() })
  .transform((w) => camelize(w));

/** Parses an activity as the server sends it into an `Activity`. */
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

/** Validates `ActivityCreateInput`. */
export const ActivityCreateInputSchema = z.strictObject({ name: z.string().min(1, "must not be empty"), slug: slugInput });

/** Validates `ActivityUpdateInput`. */
export const ActivityUpdateInputSchema = ActivityCreateInputSchema.partial();
