import { NoDataError } from "../errors/answer.js";
import { parseCsv } from "./csv.js";
import type { ParseResponseOptions } from "./parse-options.js";
import { quietLogger } from "./quiet-logger.js";
import type { ResponseRecord } from "./response-value.js";
import { zipRecord } from "./zip-record.js";

/**
 * Parses a PUMAPI CSV answer with a header line into one object per data line (pyppms'
 * `parse_multiline_response`), with a real CSV parser: quoted fields may hold commas, quotes and
 * line breaks. Header names are trimmed (PUMAPI sends both `a,b` and `a, b`); values go through
 * {@link processResponseValues}.
 *
 * An answer with fewer than two lines has no data: graceful mode returns `[]`, strict mode throws
 * a {@link NoDataError}.
 *
 * @param text - the answer body
 * @param options - graceful (default) or strict, and a logger for tolerance warnings
 * @returns the records, in order
 * @example
 * ```ts
 * const rows = parseMultilineResponse(
 *   'Core facility ref,System id,Name\r\n2,31,"Confocal, upright"\r\n',
 * );
 * rows[0]?.Name; // "Confocal, upright"
 * ```
 */
export function parseMultilineResponse(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  const logger = options.logger ?? quietLogger;
  const strict = options.graceful === false;
  const rows = parseCsv(text, { strict });
  const headerRow = rows[0];
  if (headerRow === undefined || rows.length < 2) {
    if (strict) throw new NoDataError("Response contains no data (fewer than two lines)");
    logger.debug("Response contains no data (fewer than two lines)");
    return [];
  }
  const header = headerRow.map((name) => name.trim());
  // An index loop, not `[header, ...data] = rows` and `data.map`: no copy of the rows, no closure per record.
  const records: ResponseRecord[] = [];
  for (let index = 1; index < rows.length; index++) {
    records.push(zipRecord(header, rows[index] as string[], index + 1, options));
  }
  return records;
}
