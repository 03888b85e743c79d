import { z } from "zod";
import { EXPECTED, isHttpUri, isUsername, SLUG_RE } from "../internal/formats.js";
import { wireDayOrNull } from "../models/common.js";
import { isIsoDay, normaliseWireDate } from "../wire/dates.js";

// The zod pieces every family's schemas share. Only src/schemas/ imports zod at runtime: the layer is
// loaded on the first call that validates or parses (src/client/schemas.ts), not when the package is.

// ---- answer parsing: the wire's snake_case fields, converted by the wire layer ----

/** A day as the server sends it: a `YYYY-MM-DD` string, or epoch milliseconds from `POST /users`. */
const wireDay = z.union([z.string(), z.number()]);
/** A day as the server sends it, as `YYYY-MM-DD`. */
export const wireDate = wireDay.transform(normaliseWireDate);
/** A nullable or missing day, as `YYYY-MM-DD` or `null`. */
export const wireOptionalDate = wireDay.nullish().transform(wireDayOrNull);
/** A nullable or missing text, as a string or `null`. */
export const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/**
 * The bookkeeping fields on the wire, checked only (no per-field transform): a hot object's schema
 * checks these plain fields and converts the whole object once, which is several times faster
 * than a transform per field (see the bench's profile notes).
 */
export const plainRevisionedFields = {
  uuid: z.string(),
  revision: z.number().int(),
  created_at: wireDay,
  updated_at: wireDay.nullish(),
  deleted_at: wireDay.nullish(),
};
/** The bookkeeping fields on the wire, each converted as it is checked. */
export const revisionedFields = { ...plainRevisionedFields, created_at: wireDate, updated_at: wireOptionalDate, deleted_at: wireOptionalDate };

// ---- input checks: structure and formats; conversions (durations, hashing) happen afterwards ----

/** A slug, as the server accepts it. */
export const slugInput = z.string().regex(SLUG_RE, `expected ${EXPECTED.slug}`);
/** A username, as the server accepts it. */
export const usernameInput = z.string().refine(isUsername, `expected ${EXPECTED.username}`);
/** A day: `YYYY-MM-DD` or a valid `Date`. */
export const dayInput = z.union([
  z.string().refine(isIsoDay, "expected a real day written YYYY-MM-DD"),
  z.date().refine((d) => !Number.isNaN(d.getTime()), "expected a valid Date"),
]);
/** An absolute http(s) URI. */
export const uriInput = z.string().refine(isHttpUri, "expected an absolute http(s) URI");

/** Validates `ListOptions` (without `signal`, which is taken apart first). */
export const ListOptionsSchema = z.strictObject({
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates `GetOneOptions` (without `signal`). */
export const GetOneOptionsSchema = z.strictObject({ includeRevisions: z.boolean().optional() });
