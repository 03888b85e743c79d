import type { ResponseRecord } from "../wire/response-value.js";

/** Re-keys a record by lower-case letters and digits only, for headers whose spelling varies. */
export function normaliseKeys(record: ResponseRecord): ResponseRecord {
  const out: ResponseRecord = {};
  for (const [key, value] of Object.entries(record)) out[key.toLowerCase().replace(/[^a-z0-9]/g, "")] = value;
  return out;
}

/**
 * The columns of a record that a model does not name, keyed by their header as sent (trimmed),
 * values as text: the unconfirmed middle columns of `getinvtracklist`, a manifest template's own
 * columns. `known` holds normalised names.
 */
export function extraFields(record: ResponseRecord, known: readonly string[]): Record<string, string> {
  const skip = new Set(known);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip.has(key.toLowerCase().replace(/[^a-z0-9]/g, ""))) continue;
    out[key.trim()] = typeof value === "string" ? value.trim() : String(value);
  }
  return out;
}
