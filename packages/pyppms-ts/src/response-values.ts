import { processResponseValue } from "./internal/zip-record.js";

/** A value in a parsed PUMAPI CSV answer: `true`/`True`/`false`/`False` become booleans. */
export type ResponseValue = string | boolean;

/** One parsed CSV record: header name (trimmed) → value. */
export type ResponseRecord = Record<string, ResponseValue>;

/**
 * Converts raw CSV values the way pyppms' `process_response_values` does: surrounding double
 * quotes are removed and `true`/`false` in any letter case become booleans. Other values stay
 * strings (numbers are converted by the schemas, which know which fields are numeric).
 *
 * @param values - raw field values
 * @returns a new array of converted values
 * @example
 * ```ts
 * processResponseValues(['"jdoe"', "True", "false", "12"]); // → ["jdoe", true, false, "12"]
 * ```
 */
export function processResponseValues(values: readonly string[]): ResponseValue[] {
  return values.map((raw) => processResponseValue(raw));
}
