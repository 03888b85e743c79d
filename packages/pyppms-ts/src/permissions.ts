import { ResponseFormatError } from "./errors.js";
import { checkShape } from "./internal/check-shape.js";
import { parseLineList } from "./line-list.js";
import { rightsLineSchema } from "./schemas.js";

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

/** One line of `getsysrights`: a user's permission on the asked system. */
export interface SystemRight {
  /** The permission letter. */
  permission: SystemPermission;
  /** The user's login. */
  login: string;
}

/** One line of `getuserrights`: the asked user's permission on a system. */
export interface UserRight {
  /** The permission letter. */
  permission: SystemPermission;
  /** The system id. */
  systemId: number;
}

/** One parsed permission line: the letter and its subject (a login or a system id). */
export interface RightsLine {
  /** The permission letter. */
  permission: SystemPermission;
  /** The login (`getsysrights`) or system id (`getuserrights`). */
  subject: string;
}

/**
 * Parses `LETTER:subject` lines (`getsysrights`, `getuserrights`) or their `format=csv` form
 * (`A,"subject"`). A subject may appear more than once with different letters.
 *
 * @param text - the answer body
 * @returns permission and subject per line, in order
 * @throws {@link ResponseFormatError} naming the line when one does not fit
 * @example
 * ```ts
 * parseRightsLines("A:jdoe\r\nD:former.user\r\n");
 * // [{ permission: "A", subject: "jdoe" }, { permission: "D", subject: "former.user" }]
 * ```
 */
export function parseRightsLines(text: string): RightsLine[] {
  return parseLineList(text).map((line, index) => {
    const match = /^([^:,]*)[:,]\s*"?(.*?)"?$/.exec(line);
    if (!match) {
      throw new ResponseFormatError(`line ${index + 1} is not 'LETTER:subject': '${line}'`, {
        field: `${index + 1}.permission`,
        line: index + 1,
      });
    }
    return checkShape(rightsLineSchema, { permission: match[1]?.trim(), subject: match[2] }, `line ${index + 1}`);
  });
}
