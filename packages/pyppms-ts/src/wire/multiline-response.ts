import { NoDataError } from "../errors/answer.js";
import { readCsvRows } from "./csv-rows.js";
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
  // Each record becomes an object as soon as it is read: the field arrays die young instead of
  // all 10,000 of them outliving the tokenizer (the garbage collector's copying was the top cost).
  let header: string[] | undefined;
  let template: ResponseRecord | undefined;
  let zipError: unknown;
  const records: ResponseRecord[] = [];
  readCsvRows(text, strict, false, (fields) => {
    if (header === undefined) {
      header = fields.map((name) => name.trim());
    } else if (zipError === undefined) {
      try {
        const record = zipRecord(header, fields, records.length + 2, options, template);
        if (template === undefined && fields.length === header.length) template = record;
        records.push(record);
      } catch (error) {
        // Strict mode: a tokenizer error further on still wins, as when the whole body was read first.
        zipError = error;
      }
    }
  });
  if (zipError !== undefined) throw zipError;
  if (header === undefined || records.length === 0) {
    if (strict) throw new NoDataError("Response contains no data (fewer than two lines)");
    logger.debug("Response contains no data (fewer than two lines)");
    return [];
  }
  return records;
}
