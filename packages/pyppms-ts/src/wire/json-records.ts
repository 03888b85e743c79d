import { NoDataError } from "../errors/answer.js";
import { ResponseFormatError } from "../errors/format.js";
import { unescapeHtmlEntities } from "./html-entities.js";
import type { ParseResponseOptions } from "./parse-options.js";
import { quietLogger } from "./quiet-logger.js";
import type { ResponseRecord, ResponseValue } from "./response-value.js";

/**
 * Parses a PUMAPI `format=json` answer (an array of objects, or one object) into the records the
 * CSV helpers give for the same data, so the same record checks and models apply: HTML entities
 * in keys and strings are unescaped (`&amp;` → `&`), keys are trimmed, `"true"`/`"false"` in any
 * letter case become booleans, numbers become their digits, `null` becomes `""`. An empty array is
 * no records. Nested objects or arrays as values do not fit a record.
 *
 * @param text - the answer body
 * @returns the records, in order
 * @throws {@link ResponseFormatError} when the body is not JSON or a value is not a plain value
 * @example
 * ```ts
 * parseJsonRecords('[{"System id":"31","Localisation":"Room B.12 &amp; B.13","Active":"True"}]');
 * // [{ "System id": "31", Localisation: "Room B.12 & B.13", Active: true }]
 * ```
 */
export function parseJsonRecords(text: string): ResponseRecord[] {
  const value = parseJson(text);
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => toRecord(item, `record ${index + 1}`));
}

/**
 * Parses a `format=json` answer that holds one record (`getuser`, `getgroup`): one object, or an
 * array of one. Like {@link dictFromSingleResponse}: no record throws a {@link NoDataError}; more
 * than one logs a warning and uses the first (graceful) or throws (strict).
 *
 * @param text - the answer body
 * @param options - graceful (default) or strict, and a logger for the tolerance warning
 * @returns key → value
 * @throws {@link NoDataError} for an empty array; {@link ResponseFormatError} when it does not fit
 * @example
 * ```ts
 * parseJsonRecord('{"login":"jdoe","lname":"Doe","active":"true"}').active; // true
 * ```
 */
export function parseJsonRecord(text: string, options: ParseResponseOptions = {}): ResponseRecord {
  const records = parseJsonRecords(text);
  const [first] = records;
  if (first === undefined) throw new NoDataError("Response contains no data (an empty JSON array)");
  if (records.length > 1) {
    const msg = `Response expected to hold exactly one record, found ${records.length}`;
    if (options.graceful === false) throw new ResponseFormatError(msg, { field: "(answer)" });
    (options.logger ?? quietLogger).warn(msg);
  }
  return first;
}

/**
 * Whether an answer body is JSON rather than CSV: it starts with `[` or `{` (a PUMAPI CSV answer
 * starts with a header name).
 *
 * @param text - the answer body
 * @returns true for a JSON body
 * @example
 * ```ts
 * looksLikeJson('[{"login":"jdoe"}]'); // true
 * looksLikeJson("login,lname\r\n"); // false
 * ```
 */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function parseJson(text: string): unknown {
  try {
    return unescapeHtmlEntities(JSON.parse(text) as unknown);
  } catch {
    throw new ResponseFormatError("answer is not JSON", { field: "(answer)" });
  }
}

function toRecord(item: unknown, where: string): ResponseRecord {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new ResponseFormatError(`${where} is not a JSON object`, { field: "(answer)" });
  }
  const record: ResponseRecord = {};
  for (const [rawKey, raw] of Object.entries(item)) {
    const key = rawKey.trim();
    record[key] = toValue(raw, key, where);
  }
  return record;
}

function toValue(raw: unknown, key: string, where: string): ResponseValue {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "string") {
    const lower = raw.length === 4 || raw.length === 5 ? raw.toLowerCase() : "";
    if (lower === "true") return true;
    if (lower === "false") return false;
    return raw;
  }
  throw new ResponseFormatError(`${where}: field '${key}' is not a plain value`, { field: key });
}
