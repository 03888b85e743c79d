import { ResponseFormatError } from "../errors/format.js";
import type { ParseResponseOptions } from "./parse-options.js";
import { quietLogger } from "./quiet-logger.js";
import { processResponseValue, type ResponseRecord } from "./response-value.js";

/**
 * Pairs a header with one data record, applying the graceful/strict rule for count mismatches.
 * `template`, an earlier record of the same full header, is copied and its values overwritten:
 * the copy has all its fields at once, where adding them one by one grows the object each time.
 */
export function zipRecord(
  header: readonly string[],
  fields: readonly string[],
  record: number,
  options: ParseResponseOptions,
  template?: ResponseRecord,
): ResponseRecord {
  let names = header;
  let data = fields;
  if (names.length !== data.length) {
    const logger = options.logger ?? quietLogger;
    const msg = `Parsing CSV failed, mismatch of header vs. data fields count (${names.length} vs. ${data.length}) in record ${record}`;
    if (options.graceful === false) throw new ResponseFormatError(msg, { line: record });
    logger.warn(msg);
    const minimum = Math.min(names.length, data.length);
    if (minimum < names.length) {
      logger.warn(`Discarding header fields: ${names.slice(minimum).join(", ")}`);
      names = names.slice(0, minimum);
    } else {
      logger.warn(`Discarding ${data.length - minimum} data field(s) of record ${record}`);
      data = data.slice(0, minimum);
    }
  }
  // A plain loop (no intermediate values array, no per-row closure): this runs once per record.
  const out: ResponseRecord = template !== undefined && header.length === fields.length ? { ...template } : {};
  for (let index = 0; index < names.length; index++) {
    out[names[index] as string] = processResponseValue(data[index] as string);
  }
  return out;
}
