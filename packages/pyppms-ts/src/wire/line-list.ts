import { unescapeHtmlEntities } from "./html-entities.js";

/**
 * Parses a PUMAPI answer of one item per line and no header (`getusers`, `getadmins`,
 * `getgroups`, `getgroupusers`, ...): lines are split on CRLF/LF/CR, trimmed, and empty lines dropped.
 *
 * @param text - the answer body
 * @returns the items, in order
 * @example
 * ```ts
 * parseLineList("jdoe\r\namueller\r\n\r\n"); // ["jdoe", "amueller"]
 * ```
 */
export function parseLineList(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * Parses a list of logins (`getusers`): like {@link parseLineList}, and HTML entities decoded,
 * twice-encoded ones too (`o&amp;#39;brien` → `o'brien`), as PPMS may send them.
 *
 * @param text - the answer body
 * @returns the logins, in order
 * @example
 * ```ts
 * parseLoginList("jdoe\r\no&amp;#39;brien\r\n"); // ["jdoe", "o'brien"]
 * ```
 */
export function parseLoginList(text: string): string[] {
  return parseLineList(text).map((line) => {
    const once = unescapeHtmlEntities(line);
    return once === line ? once : unescapeHtmlEntities(once);
  });
}
