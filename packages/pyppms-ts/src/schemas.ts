import { z } from "zod";

/*
 * zod schemas at the PUMAPI boundary, one per answer shape. They accept both raw CSV strings and
 * values already converted by `processResponseValues` (booleans), so they validate the output of
 * the public parsing helpers as well as the connection's own parsing.
 */

/** A text field; a value the CSV helpers turned into a boolean goes back to `"true"`/`"false"`. */
const text = z.union([z.string(), z.boolean()]).transform((v) => (typeof v === "boolean" ? String(v) : v));

/** A non-empty text field (ids, logins). */
const nonEmptyText = text.refine((v) => v.trim() !== "", { message: "must not be empty" });

/** `true`/`True`/`false`/`False` on the wire, a real boolean after parsing. */
const flag = z.union([z.string(), z.boolean()]).transform((v, ctx) => {
  if (typeof v === "boolean") return v;
  const lower = v.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  ctx.addIssue({ code: "custom", message: `expected true or false, got '${v}'` });
  return z.NEVER;
});

/** Digits on the wire, a number after parsing. */
const integer = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  ctx.addIssue({ code: "custom", message: `expected a whole number, got '${String(v)}'` });
  return z.NEVER;
});

/** A decimal number on the wire (hours), a number after parsing. */
const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  ctx.addIssue({ code: "custom", message: `expected a number, got '${String(v)}'` });
  return z.NEVER;
});

/** An optional text field that defaults to `""`. */
const optionalText = text.optional().transform((v) => v ?? "");

/** One `getuser` answer (a CSV header line and one data line). */
export const userRecordSchema = z.looseObject({
  login: nonEmptyText,
  lname: text,
  fname: text,
  email: text,
  phone: optionalText,
  bcode: optionalText,
  affiliation: optionalText,
  unitlogin: text,
  active: flag,
});

/** The validated form of a `getuser` answer. */
export type UserRecord = z.output<typeof userRecordSchema>;

/** One data line of `getsystems`. */
export const systemRecordSchema = z.looseObject({
  "Core facility ref": integer,
  "System id": integer,
  Type: text,
  Name: text,
  Localisation: text,
  Active: flag,
  Schedules: flag,
  Stats: flag,
  Bookable: flag,
  "Autonomy Required": flag,
  "Autonomy Required After Hours": flag,
});

/** The validated form of one `getsystems` line. */
export type SystemRecord = z.output<typeof systemRecordSchema>;

/** One data line of `getrunningsheet`. */
export const runningSheetEntrySchema = z.looseObject({
  Location: optionalText,
  "Start time": nonEmptyText,
  "End time": nonEmptyText,
  Object: nonEmptyText,
  User: nonEmptyText,
  Training: optionalText,
  Assisted: optionalText,
});

/** The validated form of one running-sheet line. */
export type RunningSheetEntry = z.output<typeof runningSheetEntrySchema>;

/** One data line of `getuserexp`; `last_res`/`last_train` are `n/a` when never. */
export const userExperienceSchema = z.object({
  login: nonEmptyText,
  id: integer,
  booked_hours: decimal,
  used_hours: decimal,
  last_res: optionalText,
  last_train: optionalText,
});


/** A `getgroup` answer: the group id is required, the other columns are kept as sent. */
export const groupRecordSchema = z.looseObject({
  unitlogin: nonEmptyText,
  unitname: optionalText,
  active: flag.optional(),
});

/** The three positional lines of `getbooking` / `nextbooking`. */
export const bookingLinesSchema = z.object({
  username: nonEmptyText,
  minutes: integer,
  session: optionalText,
});

/** The validated `getbooking` / `nextbooking` answer. */
export type BookingLines = z.output<typeof bookingLinesSchema>;

/** A PPMS permission letter: A = autonomous, N = novice, S = superuser, D = deactivated. */
export const permissionSchema = z.enum(["A", "N", "S", "D"]);

/** One permission line of `getsysrights` (`LETTER:login`) or `getuserrights` (`LETTER:systemid`). */
export const rightsLineSchema = z.object({
  permission: permissionSchema,
  subject: nonEmptyText,
});

/** One `getprojects` line, after its header names were normalised (lower case, letters only). */
export const projectRecordSchema = z.looseObject({
  corefacilityref: optionalText,
  projectname: text,
  phase: optionalText,
  active: flag,
  bcode: optionalText,
  projectref: integer,
  affiliation: optionalText,
  projecttype: optionalText,
  projectgroup: optionalText,
  descr: optionalText,
});

/** One `getbcodes` line, after its header names were normalised (lower case, letters only). */
export const bcodeRecordSchema = z.looseObject({
  bcode: nonEmptyText,
  user: optionalText,
  group: optionalText,
  project: optionalText,
  subsidy: optionalText,
  charges: optionalText,
});
