import { TimeSyncValidationError } from "../errors.js";
import { EXPECTED, isUsername, SLUG_RE, UUID_RE } from "./formats.js";

// Path identifiers are checked before use, so an empty id can never turn an update into a create.

function check(value: unknown, field: string, valid: RegExp | ((v: string) => boolean), expected: string): string {
  if (typeof value !== "string" || value === "") throw new TimeSyncValidationError(field, "must be a non-empty string");
  if (!(typeof valid === "function" ? valid(value) : valid.test(value))) throw new TimeSyncValidationError(field, `expected ${expected}`);
  return encodeURIComponent(value);
}

/** A time's uuid, URL-encoded for the path. */
export const uuidPath = (v: unknown, field = "uuid"): string => check(v, field, UUID_RE, EXPECTED.uuid);
/** A project or activity slug, URL-encoded for the path. */
export const slugPath = (v: unknown, field = "slug"): string => check(v, field, SLUG_RE, EXPECTED.slug);
/** A username, URL-encoded for the path. */
export const usernamePath = (v: unknown, field = "username"): string => check(v, field, isUsername, EXPECTED.username);
