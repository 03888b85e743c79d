import type { ResponseRecord } from "../wire/response-value.js";

/** Re-keys a record by lower-case letters and digits only, for headers whose spelling varies. */
export function normaliseKeys(record: ResponseRecord): ResponseRecord {
  const out: ResponseRecord = {};
  for (const [key, value] of Object.entries(record)) out[key.toLowerCase().replace(/[^a-z0-9]/g, "")] = value;
  return out;
}
