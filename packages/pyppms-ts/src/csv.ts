import { ResponseFormatError } from "./errors.js";

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
 * Values are not trimmed (header names are trimmed by the callers).
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
  let row: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  const n = text.length;

  const endRecord = (): void => {
    row.push(field);
    field = "";
    const empty = row.length === 1 && row[0] === "";
    if (!empty || options.keepEmptyLines === true) rows.push(row);
    row = [];
  };

  while (i < n) {
    // Start of a field: look ahead past spaces/tabs for an opening quote.
    let j = i;
    while (j < n && (text[j] === " " || text[j] === "\t")) j++;
    if (field === "" && text[j] === '"') {
      const startLine = line;
      i = j + 1;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      if (closed) {
        // Spaces between a closing quote and the separator are padding, not data.
        let k = i;
        while (k < n && (text[k] === " " || text[k] === "\t")) k++;
        if (k >= n || text[k] === "," || text[k] === "\r" || text[k] === "\n") i = k;
      } else if (options.strict === true) {
        throw new ResponseFormatError(`CSV quoted field opened on line ${startLine} never closes (truncated body?)`, {
          line: startLine,
        });
      }
    }
    // Unquoted field, or the rest after a closing quote.
    while (i < n) {
      const c = text[i];
      if (c === ",") {
        row.push(field);
        field = "";
        i++;
        // A trailing comma at the very end of the text still opens an (empty) last field.
        if (i >= n) endRecord();
        break;
      }
      if (c === "\r" || c === "\n") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endRecord();
        break;
      }
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRecord();
  return rows;
}
