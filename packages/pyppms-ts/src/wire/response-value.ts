/** A value in a parsed PUMAPI CSV answer: `true`/`True`/`false`/`False` become booleans. */
export type ResponseValue = string | boolean;

/** One parsed CSV record: header name (trimmed) → value. */
export type ResponseRecord = Record<string, ResponseValue>;

const QUOTE = 34;

/** Converts one raw CSV value: see `processResponseValues`, which applies this to each value. */
export function processResponseValue(raw: string): ResponseValue {
  const last = raw.length - 1;
  const value = last >= 1 && raw.charCodeAt(0) === QUOTE && raw.charCodeAt(last) === QUOTE ? raw.slice(1, -1) : raw;
  // Only a 4- or 5-character string lowercases to "true"/"false" (no character outside ASCII
  // lowercases to one of their letters), so most values skip the lowercased copy.
  const length = value.length;
  if (length === 4 || length === 5) {
    // PUMAPI sends these two spellings; comparing first saves a lowercased copy per boolean.
    if (value === "true" || value === "True") return true;
    if (value === "false" || value === "False") return false;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return value;
}
