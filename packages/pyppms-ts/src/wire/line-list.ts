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
