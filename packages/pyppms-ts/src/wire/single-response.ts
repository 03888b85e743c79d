import { NoDataError } from "../errors/answer.js";
import { ResponseFormatError } from "../errors/format.js";
import { parseCsv } from "./csv.js";
import type { ParseResponseOptions } from "./parse-options.js";
import { quietLogger } from "./quiet-logger.js";
import type { ResponseRecord } from "./response-value.js";
import { zipRecord } from "./zip-record.js";

/**
 * Parses a PUMAPI answer of exactly one header line and one data line into one object (pyppms'
 * `dict_from_single_response`), e.g. the answers of `getuser` and `getgroup`.
 *
 * An answer with fewer than two lines (e.g. the empty answer for an unknown user) throws a
 * {@link NoDataError} in both modes. More than two lines: graceful mode logs a warning and uses
 * the first data line, strict mode throws a {@link ResponseFormatError}. Field-count mismatches
 * follow the same graceful/strict rule as {@link parseMultilineResponse} (`getgroup` answers end
 * in an extra `,"",`).
 *
 * @param text - the answer body
 * @param options - graceful (default) or strict, and a logger for tolerance warnings
 * @returns header name → value
 * @example
 * ```ts
 * const user = dictFromSingleResponse(
 *   'login,lname,fname,active\r\n"jdoe","Doe","Jane",true\r\n',
 * );
 * user.active; // true
 * ```
 */
export function dictFromSingleResponse(text: string, options: ParseResponseOptions = {}): ResponseRecord {
  const logger = options.logger ?? quietLogger;
  const rows = parseCsv(text, { strict: options.graceful === false });
  const [headerRow, dataRow] = rows;
  if (headerRow === undefined || dataRow === undefined) {
    throw new NoDataError("Response contains no data (fewer than two lines)");
  }
  if (rows.length !== 2) {
    const msg = `Response expected to have exactly two lines, found ${rows.length}`;
    if (options.graceful === false) throw new ResponseFormatError(msg, { line: 3 });
    logger.warn(msg);
  }
  return zipRecord(
    headerRow.map((name) => name.trim()),
    dataRow,
    2,
    options,
  );
}
