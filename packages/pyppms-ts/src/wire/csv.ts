import type { ResponseFormatError } from "../errors/format.js";
import { readCsvRows } from "./csv-rows.js";

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /**
   * Strict mode throws a {@link ResponseFormatError} on a quoted field that never closes (a
   * truncated body). Graceful mode (the default) keeps the rest of the body as that field.
   */
  strict?: boolean;
  /** Keep lines that are completely empty as rows with one empty field (default: skip them). */
  keepEmptyLines?: boolean;
}

/**
 * Parses a CSV body as PUMAPI sends it: comma-separated, fields optionally double-quoted, `""`
 * inside quotes is one quote, commas and line breaks inside quotes belong to the field, and lines
 * end in CRLF, LF or CR. Unlike pyppms (which splits lines on commas), a system named
 * `"Confocal, upright"` stays one field.
 *
 * Tolerances the server needs: whitespace before an opening quote is dropped (`a, "b"`), text
 * after a closing quote is appended to the field, and a quote inside an unquoted field is literal.
 * Values are not trimmed (header names are trimmed by the callers). A leading byte order mark is
 * skipped.
 *
 * @param text - the body
 * @param options - strictness and empty-line handling
 * @returns one array of field strings per record
 * @example
 * ```ts
 * parseCsv('a,b\r\n"Confocal, upright","say ""hi"""\r\n');
 * // → [["a", "b"], ["Confocal, upright", 'say "hi"']]
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  readCsvRows(text, options.strict === true, options.keepEmptyLines === true, (fields) => {
    rows.push(fields);
  });
  return rows;
}
