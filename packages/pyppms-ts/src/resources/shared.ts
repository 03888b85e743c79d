import { buildNumbered } from "../models/build-records.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";

/**
 * Parses a CSV answer and builds one value per record; a format error names its record
 * (`record 3: ...`, counting the header as record 1). Used by the resource modules only.
 */
export function buildRecords<T>(text: string, options: ParseResponseOptions, build: (row: ResponseRecord) => T): T[] {
  return buildNumbered(parseMultilineResponse(text, options), build);
}
