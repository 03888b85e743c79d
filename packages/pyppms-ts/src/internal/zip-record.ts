import { ResponseFormatError } from "../errors.js";
import type { ParseResponseOptions } from "../multiline-response.js";
import type { ResponseRecord, ResponseValue } from "../response-values.js";
import { quietLogger } from "./quiet-logger.js";

const QUOTE = 34;

/** Converts one raw CSV value: see `processResponseValues`, which applies this to each value. */
export function processResponseValue(raw: string): ResponseValue {
  const last = raw.length - 1;
  const value = last >= 1 && raw.charCodeAt(0) === QUOTE && raw.charCodeAt(last) === QUOTE ? raw.slice(1, -1) : raw;
  // Only a 4- or 5-character string lowercases to "true"/"false" (no character outside ASCII
  // lowercases to one of their letters), so most values skip the lowercased copy.
  const length = value.length;
  if (length === 4 || length === 5) {
    // PUMAPI sends these two spellings; comparing first saves a lowercased copy per boolean.
    if (value === "true" || value === "True") return true;
    if (value === "false" || value === "False") return false;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return value;
}

/** Pairs a header with one data record, applying the graceful/strict rule for count mismatches. */
export function zipRecord(
  header: readonly string[],
  fields: readonly string[],
  record: number,
  options: ParseResponseOptions,
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
  const out: ResponseRecord = {};
  for (let index = 0; index < names.length; index++) {
    out[names[index] as string] = processResponseValue(data[index] as string);
  }
  return out;
}
