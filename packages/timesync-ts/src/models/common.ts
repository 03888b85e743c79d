import { z } from "zod";
import { TimeSyncValidationError } from "../errors.js";
import { isHttpUri, EXPECTED, SLUG_RE, USERNAME_RE } from "../internal/formats.js";
import type { CallOptions } from "../options.js";
import { isIsoDay, normaliseWireDate } from "../wire/dates.js";

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

// ---- answer parsing: the wire's snake_case fields, converted by the wire layer ----

/** A day as the server sends it (a string, or epoch milliseconds from `POST /users`), as `YYYY-MM-DD`. */
export const wireDate = z.union([z.string(), z.number()]).transform(normaliseWireDate);
/** A nullable or missing day, as `YYYY-MM-DD` or `null`. */
export const wireOptionalDate = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? null : normaliseWireDate(v)));
/** A nullable or missing text, as a string or `null`. */
export const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
/** The bookkeeping fields on the wire. */
export const revisionedFields = {
  uuid: z.string(),
  revision: z.number().int(),
  created_at: wireDate,
  updated_at: wireOptionalDate,
  deleted_at: wireOptionalDate,
};

/**
 * The bookkeeping fields on the wire, checked only (no per-field transform): a hot object's schema
 * checks these plain fields and converts the whole object once, which is several times faster
 * than a transform per field (see the bench's profile notes).
 */
export const plainRevisionedFields = {
  uuid: z.string(),
  revision: z.number().int(),
  created_at: z.union([z.string(), z.number()]),
  updated_at: z.union([z.string(), z.number()]).nullish(),
  deleted_at: z.union([z.string(), z.number()]).nullish(),
};

/** A nullable wire day (`YYYY-MM-DD` or epoch milliseconds) as `YYYY-MM-DD` or `null`. */
export function wireDayOrNull(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : normaliseWireDate(value);
}

/** Adds `parents` to a freshly converted object only when the server sent them (set, not spread: spreading a new object is slow in V8). */
export function withParents<T extends object, P>(object: T, parents: P[] | undefined): T & { parents?: P[] } {
  if (parents !== undefined) (object as T & { parents?: P[] }).parents = parents;
  return object;
}

/** Throws when a patch changes nothing. */
export function requireSomething(patch: object, what: string): void {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new TimeSyncValidationError(what, "the patch is empty: give at least one field to change");
  }
}

// ---- input checks: structure and formats; conversions (durations, hashing) happen afterwards ----

/** A slug, as the server accepts it. */
export const slugInput = z.string().regex(SLUG_RE, `expected ${EXPECTED.slug}`);
/** A username, as the server accepts it. */
export const usernameInput = z.string().regex(USERNAME_RE, `expected ${EXPECTED.username}`);
/** A day: `YYYY-MM-DD` or a valid `Date`. */
export const dayInput = z.union([
  z.string().refine(isIsoDay, "expected a real day written YYYY-MM-DD"),
  z.date().refine((d) => !Number.isNaN(d.getTime()), "expected a valid Date"),
]);
/** An absolute http(s) URI. */
export const uriInput = z.string().refine(isHttpUri, "expected an absolute http(s) URI");

/** Validates {@link ListOptions} (without `signal`, which is taken apart first). */
export const ListOptionsSchema = z.strictObject({
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});

/** Validates {@link GetOneOptions} (without `signal`). */
export const GetOneOptionsSchema = z.strictObject({ includeRevisions: z.boolean().optional() });
