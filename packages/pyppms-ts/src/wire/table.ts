import { parseCsv } from "./csv.js";
import type { ParseResponseOptions } from "./parse-options.js";
import type { ResponseRecord } from "./response-value.js";
import { zipRecord } from "./zip-record.js";

/*
 * The tolerant table layer over the CSV tokenizer, for answers whose exact layout is not
 * confirmed (the billing actions): a UTF-8 BOM, title or preamble lines before the header, tabs
 * inside values, spaces around header names, CRLF or LF. It only finds lines and cleans cells;
 * the models map the header names (normalised by {@link normaliseHeaderName}) to fields.
 */

/** Options of {@link parseTable} and {@link parseSections}. */
export interface TableOptions extends ParseResponseOptions {
  /**
   * Header names (any spelling: they are normalised) that identify the header line. The first line
   * holding at least one of them (two, when two or more are given) is the header; lines before it
   * are a title or preamble. Without it, the first line with two or more fields is the header.
   */
  expect?: readonly string[] | undefined;
}

/** The sections of an answer that repeats its header per section (`getinvoicedetails`). */
export interface TableSections {
  /** The lines before the first header (their fields joined by `,`), e.g. the invoice reference. */
  preamble: string[];
  /** Each header with the records under it, in order. */
  sections: TableSection[];
}

/** One section of {@link TableSections}. */
export interface TableSection {
  /** The one-field line just before the section's header (e.g. `Training`), `""` when none. */
  title: string;
  /** The section's header names, cleaned (tabs and surrounding spaces dropped). */
  header: string[];
  /** The records under that header. */
  records: ResponseRecord[];
}

/**
 * A header name reduced to what identifies it: lower case, letters and digits only, so
 * `Order ref.`, ` order REF ` and `OrderRef` are one name.
 *
 * @param name - a header name as sent
 * @returns the normalised name
 * @example
 * ```ts
 * normaliseHeaderName(" Duration (booked) "); // "durationbooked"
 * ```
 */
export function normaliseHeaderName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * A cell as the models want it: tabs and a BOM dropped, surrounding spaces trimmed (clients of
 * PUMAPI strip the tabs some answers carry inside values).
 *
 * @param value - a raw field
 * @returns the cleaned field
 * @example
 * ```ts
 * cleanCell(" BC-1001\t"); // "BC-1001"
 * ```
 */
export function cleanCell(value: string): string {
  return value.replace(/[\t\ufeff]/g, "").trim();
}

/**
 * Parses a CSV answer whose header may come after a title or preamble lines (`getorders` sends a
 * title line `Orders` first; with `noheaders` or a server that sends none it starts at the
 * header). Records are keyed by the header names as sent, cleaned; values are cleaned and
 * converted like {@link parseMultilineResponse}'s. Empty text, or a header alone, is `[]`.
 *
 * @param text - the answer body
 * @param options - the header names to look for, graceful (default) or strict, a logger
 * @returns the records, in order
 * @example
 * ```ts
 * const rows = parseTable("Orders\r\nOrder ref., Status\r\n1001,Ordered\r\n", { expect: ["Order ref."] });
 * rows[0]?.["Order ref."]; // "1001"
 * ```
 */
export function parseTable(text: string, options: TableOptions = {}): ResponseRecord[] {
  const rows = cleanRows(text, options);
  const at = findHeader(rows, expected(options), 0);
  if (at < 0) return [];
  const header = rows[at] as string[];
  const records: ResponseRecord[] = [];
  for (let index = at + 1; index < rows.length; index++) records.push(zipRecord(header, rows[index] as string[], index + 1, options));
  return records;
}

/**
 * Parses an answer without a header (`getinvoice`: `account number, amount` lines) into records
 * keyed by the given names, by position. Missing trailing fields are left out; extra fields are
 * kept as `column <n>` (from 1). Empty lines are skipped; empty text is `[]`.
 *
 * @param text - the answer body
 * @param names - the name of each column, in order
 * @param options - strictness (an unterminated quote is an error in strict mode)
 * @returns the records, in order
 * @example
 * ```ts
 * parseHeaderless("BC-1001,155.00\r\n", ["account number", "amount"]);
 * // [{ "account number": "BC-1001", amount: "155.00" }]
 * ```
 */
export function parseHeaderless(text: string, names: readonly string[], options: ParseResponseOptions = {}): ResponseRecord[] {
  return cleanRows(text, options).map((row) => {
    const record: ResponseRecord = {};
    row.forEach((value, index) => {
      record[names[index] ?? `column ${index + 1}`] = value;
    });
    return record;
  });
}

/**
 * Parses an answer of preamble lines, then sections that each repeat a header
 * (`getinvoicedetails`). A line is a header when it holds two or more of `expect`'s names; after
 * the first header, a one-field line right before a header is that section's title. Empty text is
 * no sections.
 *
 * @param text - the answer body
 * @param options - the header names to look for (required to tell headers from data), strictness, logger
 * @returns the preamble and the sections
 * @example
 * ```ts
 * const { preamble, sections } = parseSections(
 *   "Invoice X\r\nSession Type,Reference\r\nautonomous,R1\r\nTraining\r\nSession Type,Reference\r\ntraining,R2\r\n",
 *   { expect: ["Session Type", "Reference"] },
 * );
 * preamble; // ["Invoice X"]
 * sections.map((s) => s.title); // ["", "Training"]
 * ```
 */
export function parseSections(text: string, options: TableOptions = {}): TableSections {
  const rows = cleanRows(text, options);
  const names = expected(options);
  const preamble: string[] = [];
  const sections: TableSection[] = [];
  let current: TableSection | undefined;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as string[];
    if (isHeader(row, names)) {
      current = { title: "", header: row, records: [] };
      sections.push(current);
      continue;
    }
    const next = rows[index + 1];
    if (current === undefined) {
      // Everything before the first header is preamble, a last one-field line too (it is not
      // known to name the first section: drmatthews' reader drops those lines whole).
      preamble.push(row.join(","));
    } else if (singleField(row) && next !== undefined && isHeader(next, names)) {
      sections.push((current = { title: row.join(","), header: next, records: [] }));
      index++;
    } else {
      current.records.push(zipRecord(current.header, row, index + 1, options));
    }
  }
  return { preamble, sections };
}

/** The CSV rows with every cell cleaned, a leading BOM dropped, and empty lines skipped. */
function cleanRows(text: string, options: ParseResponseOptions): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return [];
  const rows: string[][] = [];
  for (const row of parseCsv(body, { strict: options.graceful === false })) {
    const cells = row.map(cleanCell);
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  }
  return rows;
}

function expected(options: TableOptions): Set<string> {
  return new Set((options.expect ?? []).map(normaliseHeaderName));
}

/** The index of the header row from `from`, or -1 when there is none. */
function findHeader(rows: readonly string[][], names: ReadonlySet<string>, from: number): number {
  for (let index = from; index < rows.length; index++) {
    const row = rows[index] as string[];
    if (names.size === 0 ? row.length >= 2 : isHeader(row, names)) return index;
  }
  // No line names the expected columns: fall back to the first line (a renamed header is still a header).
  return names.size > 0 && rows.length > from ? fallbackHeader(rows, from) : -1;
}

function fallbackHeader(rows: readonly string[][], from: number): number {
  const index = rows.findIndex((row, i) => i >= from && row.length >= 2);
  return index < 0 ? from : index;
}

function isHeader(row: readonly string[], names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let hits = 0;
  for (const cell of row) if (names.has(normaliseHeaderName(cell))) hits++;
  return hits >= Math.min(2, names.size);
}

function singleField(row: readonly string[]): boolean {
  return row.filter((cell) => cell !== "").length === 1;
}
