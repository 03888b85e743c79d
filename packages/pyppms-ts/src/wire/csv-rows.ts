import { ResponseFormatError } from "../errors/format.js";

// Character codes the tokenizer compares with charCodeAt (no one-character strings on the hot path).
const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

/**
 * The CSV tokenizer behind `parseCsv`, handing each record to `onRow` as soon as it is complete
 * (the array is the receiver's to keep). A caller that turns records into objects one by one
 * (parseMultilineResponse) so never holds every record's field array at once; the rules are the
 * ones `parseCsv` documents.
 */
export function readCsvRows(text: string, strict: boolean, keepEmptyLines: boolean, onRow: (fields: string[]) => void): void {
  const n = text.length;
  let row: string[] = [];
  // Next CR, LF, comma and quote at or after the cursor (n when there is none). Each is looked up
  // again only once the cursor has passed it, so the indexOf scans cover the body about once.
  let nextCr = -1;
  let nextLf = -1;
  let nextComma = -1;
  let nextQuote = -1;
  // A byte order mark (a body read from a file saved as "UTF-8 with BOM") is not part of the first field.
  let i = text.charCodeAt(0) === BOM ? 1 : 0;

  while (i < n) {
    if (row.length === 0) {
      // Fast path: a record whose line holds no quote is that line split on commas.
      if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
      if (nextCr < i) nextCr = indexOrEnd(text, "\r", i);
      if (nextLf < i) nextLf = indexOrEnd(text, "\n", i);
      const eol = nextCr < nextLf ? nextCr : nextLf;
      if (nextQuote >= eol) {
        const fields = text.slice(i, eol).split(",");
        i = eol === nextCr && nextLf === eol + 1 ? eol + 2 : eol + 1;
        if (keepEmptyLines || fields.length > 1 || fields[0] !== "") onRow(fields);
        continue;
      }
    }
    let value = "";
    // Start of a field: look ahead past spaces/tabs for an opening quote.
    let j = i;
    let c = text.charCodeAt(j);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++j);
    if (c === QUOTE) {
      // Slice whole runs between quotes; `""` is one quote, kept with the run before it.
      let start = j + 1;
      let close = text.indexOf('"', start);
      while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
        value += text.slice(start, close + 1);
        start = close + 2;
        close = text.indexOf('"', start);
      }
      if (close === -1) {
        if (strict) throw unclosedQuoteError(text, j);
        value += text.slice(start);
        i = n;
      } else {
        value += text.slice(start, close);
        i = close + 1;
        // Spaces between a closing quote and the separator are padding, not data.
        let k = i;
        c = text.charCodeAt(k);
        while (c === SPACE || c === TAB) c = text.charCodeAt(++k);
        if (c === COMMA && k + 1 < n) {
          // The usual case, a comma right after the closing quote: no rest to look for.
          row.push(value);
          i = k + 1;
          continue;
        }
        if (k >= n || c === COMMA || c === CR || c === LF) i = k;
      }
    }
    // Unquoted field, or the rest after a closing quote: everything up to the next comma or line end.
    if (i < n) {
      if (nextComma < i) nextComma = indexOrEnd(text, ",", i);
      if (nextCr < i) nextCr = indexOrEnd(text, "\r", i);
      if (nextLf < i) nextLf = indexOrEnd(text, "\n", i);
      const end = Math.min(nextComma, nextCr, nextLf);
      if (end > i) value += text.slice(i, end);
      i = end;
    }

    if (i < n) {
      const separator = text.charCodeAt(i);
      if (separator === COMMA) {
        row.push(value);
        i++;
        if (i < n) continue;
        // A trailing comma at the very end of the text still opens an (empty) last field.
        value = "";
      } else {
        i += separator === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      }
    } else if (value === "" && row.length === 0) {
      break; // an empty last field alone on the last line (e.g. `""` or `"`) is no record
    }
    row.push(value);
    if (keepEmptyLines || row.length > 1 || value !== "") onRow(row);
    row = [];
  }
}

/** `indexOf`, with the text length instead of -1 when the character does not occur. */
function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

/** The strict-mode error for a quoted field opened at `at` that never closes. */
function unclosedQuoteError(text: string, at: number): ResponseFormatError {
  // Counted only here, off the hot path: CRLF, LF and a lone CR each end one line.
  let line = 1;
  for (let k = 0; k < at; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
  }
  return new ResponseFormatError(`CSV quoted field opened on line ${line} never closes (truncated body?)`, { line });
}
