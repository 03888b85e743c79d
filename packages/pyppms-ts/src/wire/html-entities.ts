const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/**
 * Replaces HTML entities (`&amp;`, `&quot;`, `&#39;`, `&#x27;`, ...) in every string of a
 * value, deeply through arrays and plain objects. PUMAPI's `format=json` answers carry them.
 * Unknown named entities are left as they are.
 *
 * @param value - a parsed JSON value
 * @returns a copy with unescaped strings
 * @example
 * ```ts
 * unescapeHtmlEntities({ Localisation: "Room B.12 &amp; B.13" }); // { Localisation: "Room B.12 & B.13" }
 * ```
 */
export function unescapeHtmlEntities<T>(value: T): T {
  return unescapeDeep(value) as T;
}

function unescapeDeep(value: unknown): unknown {
  if (typeof value === "string") return unescapeString(value);
  if (Array.isArray(value)) return value.map(unescapeDeep);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[unescapeString(key)] = unescapeDeep(inner);
    return out;
  }
  return value;
}

function unescapeString(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return codePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith("#")) return codePoint(Number.parseInt(body.slice(1), 10), whole);
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

function codePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
