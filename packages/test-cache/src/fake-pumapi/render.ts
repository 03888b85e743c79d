import type { PumapiFakeResponse } from "./options.js";

// Text renderers for the four PUMAPI answer shapes, plus JSON with HTML entities. All line ends
// are CRLF, as the real server sends them.

const CRLF = "\r\n";

/** A CSV cell that PUMAPI sends double-quoted (inner quotes doubled); a plain string is sent bare. */
export class Quoted {
  /** @param value - the unquoted text */
  constructor(readonly value: string) {}
}

/** One CSV cell: bare text or {@link Quoted}. */
export type Cell = string | Quoted;

/** Wraps a value so it is sent double-quoted. */
export const q = (value: string | number): Quoted => new Quoted(String(value));

/** A boolean as PUMAPI writes it: `True`/`False` (capital) or `true`/`false`. */
export const bool = (value: boolean, capital: boolean): string => (capital ? (value ? "True" : "False") : String(value));

/** A money amount with two decimals. */
export const money = (value: number): string => value.toFixed(2);

/** A table answer; `title` is a line before the header (getorders). */
export interface Table {
  title?: string;
  header: string[];
  /** Separator between header names (`","` or `", "`). */
  headerSep?: string;
  rows: Cell[][];
  /** Separator between row cells (default `","`). */
  rowSep?: string;
  /** Text appended to every row (getgroup's `,"",`). */
  rowSuffix?: string;
}

function encode(cell: Cell): string {
  return cell instanceof Quoted ? `"${cell.value.replace(/"/g, '""').replace(/\r?\n/g, CRLF)}"` : cell;
}

/** The 200 text/plain answer every PUMAPI action uses. */
export function textAnswer(body: string): PumapiFakeResponse {
  return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body };
}

/** One item per line, each ending in CRLF (an empty list is an empty body). */
export function linesAnswer(items: readonly (string | number)[]): PumapiFakeResponse {
  return textAnswer(items.map((i) => `${i}${CRLF}`).join(""));
}

/** An `error: ...` answer (HTTP 200, as PUMAPI sends it). */
export function errorAnswer(message: string): PumapiFakeResponse {
  return textAnswer(`error: ${message}${CRLF}`);
}

/** The `done` answer of most writes. */
export function doneAnswer(): PumapiFakeResponse {
  return textAnswer(`done${CRLF}`);
}

/** The answer to a wrong or missing key (HTTP 200). */
export function notAuthorized(): PumapiFakeResponse {
  return textAnswer(`request not authorized${CRLF}`);
}

/**
 * A CSV table; `noheaders` drops the title and header lines. With no rows it is the header alone
 * (callers answer an empty body themselves where PUMAPI does).
 */
export function csvAnswer(table: Table, noheaders: boolean): PumapiFakeResponse {
  const out: string[] = [];
  if (!noheaders) {
    if (table.title !== undefined) out.push(table.title);
    out.push(table.header.join(table.headerSep ?? ","));
  }
  for (const row of table.rows) out.push(row.map(encode).join(table.rowSep ?? ",") + (table.rowSuffix ?? ""));
  return textAnswer(out.map((l) => l + CRLF).join(""));
}

/**
 * Escapes `& < > " '` as PHP's `htmlspecialchars` with quotes does: PPMS' JSON writes the apostrophe
 * `&#039;` (the default), its login lists `&#39;`.
 */
export function escapeEntities(text: string, apostrophe: "&#039;" | "&#39;" = "&#039;"): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, apostrophe);
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeEntities(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  }
  return value;
}

/** A JSON answer, every string HTML-escaped (`&` → `&amp;`, `"` → `&quot;`, ...). */
export function jsonAnswer(value: unknown): PumapiFakeResponse {
  return { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(escapeDeep(value)) };
}

/** The rows of a table as JSON objects keyed by header name, every value a string (as PPMS sends). */
export function tableObjects(table: Table): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, plain(row[i] ?? "")])));
}

function plain(cell: Cell): string {
  return cell instanceof Quoted ? cell.value : cell;
}
