// How a command prints what it got: a table for people, `--json` or `--csv` for scripts. Rows are
// plain objects of cells; `--json` prints the SDK's own objects.

/** The output formats of every command. */
export type OutputFormat = "table" | "json" | "csv";

/** One printable row: column name → value. */
export type Row = Record<string, unknown>;

/** A value as one cell of text: lists joined with spaces, objects as JSON, nothing as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(" ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** An aligned text table with a header line; `(none)` for no rows. */
export function renderTable(rows: readonly Row[]): string {
  if (rows.length === 0) return "(none)\n";
  const columns = columnsOf(rows);
  const cells = rows.map((row) => columns.map((c) => cellText(row[c]).replace(/\s*\n\s*/g, " ")));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i]?.length ?? 0)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV quoted as RFC 4180 quotes it, with a header line; records end in `\n` (not RFC 4180's CRLF), as shell tools expect. */
export function renderCsv(rows: readonly Row[]): string {
  const columns = columnsOf(rows);
  if (columns.length === 0) return "";
  return [columns, ...rows.map((row) => columns.map((c) => cellText(row[c])))].map((line) => line.map(csvField).join(",")).join("\n") + "\n";
}

/** Writes rows in the chosen format; `--json` prints `data` (the SDK's own objects) when given. */
export function printRows(format: OutputFormat, rows: readonly Row[], data: unknown = rows): void {
  if (format === "json") process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(format === "csv" ? renderCsv(rows) : renderTable(rows));
}
