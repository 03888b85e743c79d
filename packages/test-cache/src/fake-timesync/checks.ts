import { fail } from "./wire-errors.js";

// Input checks the fake applies, mirroring the reference server's answers.

/** Slug shape (lower-case words joined by `-`); see {@link isSlug} for the reference server's extra rule. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A UUID, any case. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `YYYY-MM-DD` shape (see {@link isDate} for the calendar check). */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Usernames the fake accepts in `strict` mode. */
export const USERNAME_RE = /^[A-Za-z0-9_.@~-]{1,64}$/;
// The reference server lowercases a username before checking these characters, and then stores and
// looks it up as sent: `MixedCase1` is accepted and readable, `d.x` refused, `t~x` accepted.
const REFERENCE_USERNAME_CHARS = /^[a-z0-9_~-]+$/;
const STRICT_EMAIL_RE = /^[^@\s]+@[^@\s]+$/;

// The reference server's e-mail rule (one regular expression there), split into linear parts here.
// Characters are ASCII letters, digits and `|`. Local part: two or more characters, a single `.` or
// `_` after any but the last, one optional `+` followed by characters only. Domain: three or more
// characters before the last dot, a dot allowed only directly before one of the last two of them
// (`a.b.c.org` yes, `mail.example.org` no), then `.` and a lowercase two- or three-letter top-level domain.
const MAIL_LOCAL = /^[A-Za-z0-9|](?:[._]?[A-Za-z0-9|])+$/;
const MAIL_LOCAL_PLUS = /^[A-Za-z0-9|](?:[._]?[A-Za-z0-9|])*[._]?\+[A-Za-z0-9|]+$/;
const MAIL_DOMAIN = /^[A-Za-z0-9|]+(?:\.?[A-Za-z0-9|]){2}\.[a-z]{2,3}$/;

/** True for an e-mail address the reference server accepts (`pat@example.org`; not `pat@example.info`). */
export function isReferenceEmail(value: string): boolean {
  const parts = value.split("@");
  if (parts.length !== 2) return false;
  const [local = "", domain = ""] = parts;
  return (MAIL_LOCAL.test(local) || MAIL_LOCAL_PLUS.test(local)) && MAIL_DOMAIN.test(domain);
}

/** True for a slug; outside `strict` mode it must also hold a letter (`12345` is refused, as on the reference server). */
export function isSlug(value: unknown, strict: boolean): value is string {
  return typeof value === "string" && SLUG_RE.test(value) && (strict || /[a-z]/.test(value));
}

/** True for a username the server accepts (the reference server's narrower set unless `strict`). */
export function isUsername(value: string, strict: boolean): boolean {
  return strict ? USERNAME_RE.test(value) : REFERENCE_USERNAME_CHARS.test(value.toLowerCase());
}

/** The type name the reference server puts after "was sent as". */
function sentAs(v: unknown): string {
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

/**
 * Checks a slug-valued field (`undefined` passes). Outside `strict` mode the error text is the
 * reference server's, e.g. "Field slug of activity should be slug but was sent as non-slug string".
 */
export function checkSlug(obj: Record<string, unknown>, kind: string, key: string, strict: boolean): void {
  const v = obj[key];
  if (v === undefined) return;
  if (strict) return checkType(obj, kind, key, "slug");
  if (typeof v !== "string") throw fail.badObject(`Field ${key} of ${kind} should be slug but was sent as ${sentAs(v)}`);
  if (!isSlug(v, false)) throw fail.badObject(`Field ${key} of ${kind} should be slug but was sent as non-slug string`);
}

/** Checks `username` and `email` of a user object beyond their type (both are strings by now). */
export function checkUserIdentity(obj: Record<string, unknown>, strict: boolean): void {
  const { username, email } = obj;
  if (typeof username === "string" && !isUsername(username, strict)) {
    throw fail.badObject(strict ? `Invalid username ${username}` : "Field username of user should be valid username but was sent as string");
  }
  if (typeof email === "string" && !(strict ? STRICT_EMAIL_RE.test(email) : isReferenceEmail(email))) {
    throw fail.badObject("Field email of user should be valid email but was sent as string");
  }
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The JSON object in `value`, or a `Bad object` failure. */
export function asObject(value: unknown, kind: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw fail.badObject(`The ${kind} is missing or is not an object`);
  }
  return value as Record<string, unknown>;
}

/** Rejects keys outside `allowed` and missing `required` keys. */
export function checkKeys(obj: Record<string, unknown>, kind: string, allowed: readonly string[], required: readonly string[] = []): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw fail.badObject(`${kind} does not have a ${key} field`);
  }
  for (const key of required) {
    if (obj[key] === undefined || obj[key] === null) throw fail.badObject(`The ${kind} is missing a ${key}`);
  }
}

type Expect = "string" | "boolean" | "integer" | "string[]" | "slug" | "date" | "uri" | "object";

/** Checks one field's type; `undefined` passes (presence is checked by `checkKeys`). */
export function checkType(obj: Record<string, unknown>, kind: string, key: string, expect: Expect): void {
  const v = obj[key];
  if (v === undefined) return;
  const ok = (() => {
    switch (expect) {
      case "string":
        return typeof v === "string";
      case "boolean":
        return typeof v === "boolean";
      case "integer":
        return typeof v === "number" && Number.isInteger(v) && v >= 0;
      case "string[]":
        return Array.isArray(v) && v.every((s) => typeof s === "string");
      case "slug":
        return typeof v === "string" && SLUG_RE.test(v);
      case "date":
        return isDate(v);
      case "uri":
        return typeof v === "string" && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v);
      case "object":
        return v !== null && typeof v === "object" && !Array.isArray(v);
    }
  })();
  if (!ok) throw fail.badObject(`Field ${key} of ${kind} should be ${expect} but was sent as ${JSON.stringify(v)}`);
}

/** A boolean query flag (`true`/`false`, absent = false); anything else is a `Bad query value`. */
export function queryFlag(query: URLSearchParams, name: string): boolean {
  const v = query.get(name);
  if (v === null || v === "false") return false;
  if (v === "true" || v === "") return true;
  throw fail.badQuery(`Parameter ${name} contained invalid value ${v}`);
}
