import { z } from "zod";
import { type Time, timeFromWire, type TimeRevision } from "../models/time.js";
import { withParents } from "../models/common.js";
import { dayInput, plainRevisionedFields, slugInput, uriInput, usernameInput } from "./common.js";

// Checked as plain fields and converted once per object (`timeFromWire`): lists of times are the SDK's hot path.
const timeFields = {
  ...plainRevisionedFields,
  duration: z.number().int(),
  user: z.string(),
  project: z.union([z.string(), z.array(z.string())]),
  activities: z.array(z.string()).nullish(),
  notes: z.string().nullish(),
  issue_uri: z.string().nullish(),
  date_worked: z.string(),
};

/** Parses an earlier revision of a time (no `parents` of its own). */
export const TimeRevisionSchema: z.ZodType<TimeRevision, unknown> = z.object(timeFields).transform(timeFromWire);

/**
 * Parses a time as the server sends it (snake_case) into a `Time`. `project` is normalised to an
 * array (create answers send one slug); unknown keys the server echoes back are dropped.
 */
export const TimeSchema: z.ZodType<Time, unknown> = z
  .object({ ...timeFields, parents: z.array(TimeRevisionSchema).optional() })
  .transform((w) => withParents(timeFromWire(w), w.parents));

const duration = z.union([z.number(), z.string()], { error: 'expected seconds or a duration like "3h30m"' });

/** Validates `TimeCreateInput` (known fields only, formats; `duration` is parsed afterwards). */
export const TimeCreateInputSchema = z.strictObject({
  duration,
  project: slugInput,
  user: usernameInput.optional(),
  dateWorked: dayInput,
  activities: z.array(slugInput).optional(),
  issueUri: uriInput.optional(),
  notes: z.string().optional(),
});

/** Validates `TimeUpdateInput`. */
export const TimeUpdateInputSchema = TimeCreateInputSchema.partial();

/** Validates `TimeFilter`. */
export const TimeFilterSchema = z.strictObject({
  user: z.array(usernameInput).optional(),
  project: z.array(slugInput).optional(),
  activity: z.array(slugInput).optional(),
  start: dayInput.optional(),
  end: dayInput.optional(),
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates `GetTimeOptions` (without `signal`). */
export const GetTimeOptionsSchema = z.strictObject({
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});
