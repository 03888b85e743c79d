import { ResponseFormatError } from "../errors/format.js";
import type { ResponseRecord } from "../wire/response-value.js";

/**
 * Builds one value per parsed record; a format error is prefixed with its record's number
 * (`record 3: ...`). `first` is the number of the first record: 2 for CSV (the header is record 1),
 * 1 for JSON.
 */
export function buildNumbered<T>(rows: readonly ResponseRecord[], build: (row: ResponseRecord) => T, first = 2): T[] {
  return rows.map((row, index) => {
    try {
      return build(row);
    } catch (error) {
      if (!(error instanceof ResponseFormatError)) throw error;
      throw new ResponseFormatError(`record ${index + first}: ${error.message}`, { field: error.field ?? "(answer)", line: index + first });
    }
  });
}
