import { ResponseFormatError } from "../errors/format.js";
import type { ResponseRecord } from "../wire/response-value.js";

/** Builds each record; a format error names its line (the header counted as line 1). */
export function buildNumbered<T>(rows: readonly ResponseRecord[], build: (row: ResponseRecord) => T): T[] {
  return rows.map((row, index) => {
    try {
      return build(row);
    } catch (error) {
      if (!(error instanceof ResponseFormatError)) throw error;
      throw new ResponseFormatError(`record ${index + 2}: ${error.message}`, { field: error.field ?? "(answer)", line: index + 2 });
    }
  });
}
