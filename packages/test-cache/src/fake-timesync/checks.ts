import { fail } from "./wire-errors.js";

// Input checks the fake applies, mirroring the reference server's answers.

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const USERNAME_RE = /^[A-Za-z0-9_.@-]{1,64}$/;

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
