import { ResponseFormatError } from "../errors.js";
import type { ParseResponseOptions } from "../multiline-response.js";
import { processResponseValues, type ResponseRecord } from "../response-values.js";
import { quietLogger } from "./quiet-logger.js";

/** Pairs a header with one data record, applying the graceful/strict rule for count mismatches. */
export function zipRecord(
  header: readonly string[],
  fields: readonly string[],
  record: number,
  options: ParseResponseOptions,
): ResponseRecord {
  const logger = options.logger ?? quietLogger;
  let names = header;
  let data = fields;
  if (names.length !== data.length) {
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
  const values = processResponseValues(data);
  const out: ResponseRecord = {};
  names.forEach((name, index) => {
    out[name] = values[index] ?? "";
  });
  return out;
}

