import { processResponseValue, type ResponseValue } from "./response-value.js";

/**
 * Converts raw CSV values the way pyppms' `process_response_values` does: surrounding double
 * quotes are removed and `true`/`false` in any letter case become booleans. Other values stay
 * strings (numbers are converted by the record checks, which know which fields are numeric).
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
