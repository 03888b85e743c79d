import { ResponseFormatError } from "../errors/format.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";

/**
 * Parses a CSV answer and builds one value per record; a format error names its record
 * (`record 3: ...`, counting the header as record 1). Used by the resource modules only.
 */
export function buildRecords<T>(text: string, options: ParseResponseOptions, build: (row: ResponseRecord) => T): T[] {
  return buildEach(parseMultilineResponse(text, options), build);
}

/**
 * Builds one value per parsed record (CSV or JSON); a format error names its record
 * (`record 3: ...`, counting the header as record 1). Used by the resource modules only.
 */
export function buildEach<T>(rows: readonly ResponseRecord[], build: (row: ResponseRecord) => T): T[] {
  return rows.map((row, index) => {
    try {
      return build(row);
    } catch (error) {
      if (!(error instanceof ResponseFormatError)) throw error;
      throw new ResponseFormatError(`record ${index + 2}: ${error.message}`, { field: error.field ?? "(answer)", line: index + 2 });
    }
  });
}
