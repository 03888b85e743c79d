import { ResponseFormatError } from "../errors/format.js";
import { parseLineList } from "./line-list.js";

/**
 * A PPMS booking permission: `A` autonomous, `N` novice, `S` superuser, `D` deactivated.
 * PUMAPI's `setright` silently accepts any other letter, so pyppms-ts checks it locally.
 */
export type SystemPermission = "A" | "N" | "S" | "D";

/** The permission letters PPMS knows, in the order of {@link SystemPermission}. */
export const SYSTEM_PERMISSIONS: readonly SystemPermission[] = ["A", "N", "S", "D"];

/**
 * Whether a value is one of the permission letters `A`, `N`, `S`, `D` (upper case only).
 *
 * @param value - any value
 * @returns true for a {@link SystemPermission}
 * @example
 * ```ts
 * isSystemPermission("A"); // true
 * isSystemPermission("X"); // false
 * ```
 */
export function isSystemPermission(value: unknown): value is SystemPermission {
  return typeof value === "string" && (SYSTEM_PERMISSIONS as readonly string[]).includes(value);
}

/** One parsed permission line: the letter and its subject (a login or a system id). */
export interface RightsLine {
  /** The permission letter. */
  permission: SystemPermission;
  /** The login (`getsysrights`) or system id (`getuserrights`). */
  subject: string;
}

// The message a bad letter has always had (it was zod's enum message), kept for users who match it.
const BAD_LETTER = `Invalid option: expected one of ${SYSTEM_PERMISSIONS.map((p) => `"${p}"`).join("|")}`;

/**
 * Parses `LETTER:subject` lines (`getsysrights`, `getuserrights`) or their `format=csv` form
 * (`A,"subject"`). A subject may appear more than once with different letters.
 *
 * @param text - the answer body
 * @returns permission and subject per line, in order
 * @throws {@link ResponseFormatError} naming the line and field when one does not fit
 * @example
 * ```ts
 * parseRightsLines("A:jdoe\r\nD:former.user\r\n");
 * // [{ permission: "A", subject: "jdoe" }, { permission: "D", subject: "former.user" }]
 * ```
 */
export function parseRightsLines(text: string): RightsLine[] {
  return parseLineList(text).map((line, index) => {
    const where = `line ${index + 1}`;
    const match = /^([^:,]*)[:,]\s*"?(.*?)"?$/.exec(line);
    if (!match) {
      throw new ResponseFormatError(`${where} is not 'LETTER:subject': '${line}'`, { field: `${index + 1}.permission`, line: index + 1 });
    }
    const permission = (match[1] ?? "").trim();
    const subject = match[2] ?? "";
    if (!isSystemPermission(permission)) throw new ResponseFormatError(`${where}: field 'permission' ${BAD_LETTER}`, { field: "permission" });
    if (subject.trim() === "") throw new ResponseFormatError(`${where}: field 'subject' must not be empty`, { field: "subject" });
    return { permission, subject };
  });
}
