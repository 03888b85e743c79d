import { InvalidArgumentError } from "../errors.js";

/** Values a query parameter or form field may take; `undefined` drops the field. */
export type FieldValue = string | number | boolean | undefined | null;

/** Converts a field value to its wire text, or undefined to drop it. */
export function fieldText(value: FieldValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

/** Normalises a query object: arrays repeat the key, undefined is dropped. */
export function normaliseQuery(query: Readonly<Record<string, FieldValue | readonly FieldValue[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, raw] of Object.entries(query)) {
    const list = (Array.isArray(raw) ? raw : [raw]) as readonly FieldValue[];
    const texts = list.map(fieldText).filter((t): t is string => t !== undefined);
    if (texts.length > 0) out[k] = texts;
  }
  return out;
}

/** Normalises a form object (insertion order kept, undefined dropped). */
export function normaliseForm(form: Readonly<Record<string, FieldValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  // for…in over own keys: Object.entries would allocate a pair per field on every request.
  for (const k in form) {
    if (!Object.hasOwn(form, k)) continue;
    const t = fieldText(form[k]);
    if (t !== undefined) out[k] = t;
  }
  return out;
}

/** Joins a base URL and a relative path without dropping the base's path (`/v0` + `times`). */
export function joinUrl(base: string | undefined, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  if (base === undefined) throw new InvalidArgumentError("url", `"${url}" is relative, and the client has no baseUrl`);
  if (url === "") return base;
  return `${base.replace(/\/+$/, "")}/${url.replace(/^\/+/, "")}`;
}

/** Appends a normalised query to a URL. */
export function withQuery(url: string, query: Record<string, string[]> | undefined): string {
  if (query === undefined) return url;
  const params = new URLSearchParams();
  for (const [k, values] of Object.entries(query)) for (const v of values) params.append(k, v);
  const text = params.toString();
  if (text === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}${text}`;
}
