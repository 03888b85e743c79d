import { parseCsv } from "../wire/csv.js";

/**
 * One line of a `getprojectmember` answer. Its format is not published: no header is documented,
 * and the one public consumer (UQ-RCC/pitschi-xapi) reads column 1 as the user id and column 8 as
 * the login. pyppms-ts reads those two the same way, tolerantly, and keeps every field as sent.
 */
export interface PpmsProjectMember {
  /** Column 1 as a whole number, when it is one. */
  readonly userId: number | undefined;
  /** Column 8, trimmed, when the line has one and it is not empty. */
  readonly login: string | undefined;
  /** Every field of the line, trimmed, as sent. */
  readonly fields: readonly string[];
}

/**
 * Parses a `getprojectmember` answer tolerantly (its format is not published): CSV lines, no
 * header assumed; a first line whose column 1 is not a number is taken for a header and skipped.
 * Empty lines are skipped; an empty answer is no members.
 *
 * @param text - the answer body
 * @returns one member per line
 * @example
 * ```ts
 * parseProjectMembers('12,"Doe","Jane","","","","","jdoe"\r\n');
 * // [{ userId: 12, login: "jdoe", fields: ["12", "Doe", "Jane", "", "", "", "", "jdoe"] }]
 * ```
 */
export function parseProjectMembers(text: string): PpmsProjectMember[] {
  const rows = parseCsv(text).map((row) => row.map((field) => field.trim())).filter((row) => row.some((field) => field !== ""));
  const first = rows[0];
  if (first !== undefined && !/^\d+$/.test(first[0] ?? "")) rows.shift();
  return rows.map((fields) => {
    const id = fields[0] ?? "";
    const login = fields[7] ?? "";
    return { userId: /^\d+$/.test(id) ? Number(id) : undefined, login: login === "" ? undefined : login, fields };
  });
}
