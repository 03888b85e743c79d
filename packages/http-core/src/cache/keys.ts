import { createHash } from "node:crypto";

/** Where one recorded response lives: `<dir>/<folder>/<name>.txt`. */
export interface CacheKey {
  /** Sub-directory, e.g. the PUMAPI action. */
  folder: string;
  /** File name without `.txt`. */
  name: string;
}

/** The parts of a request a key function may look at. */
export interface CacheableRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Absolute URL without the query string. */
  url: string;
  /** Form body fields, in the order sent. */
  form?: Readonly<Record<string, string>>;
  /** Query parameters (repeated keys kept as arrays). */
  query?: Readonly<Record<string, readonly string[]>>;
  /** JSON body. */
  json?: unknown;
}

/** Maps a request to its cache file; `undefined` means "do not cache this request". */
export type CacheKeyFunction = (req: CacheableRequest) => CacheKey | undefined;

const UNSAFE = /[/\\\0-\x1f\x7f:*?"<>|]/g;
const MAX_SEGMENT_BYTES = 180;

/**
 * Makes a value safe as (part of) a file name: ordinary values pass unchanged (so names match
 * pyppms'), while path separators, NUL, control characters, `.`/`..` and over-long values are
 * replaced by a readable prefix plus a stable hash, so no value can leave the cache directory.
 *
 * @example
 * ```ts
 * safeFileSegment("jdoe");        // "jdoe"
 * safeFileSegment("../../etc");   // ".._.._etc-<hash>"
 * ```
 */
export function safeFileSegment(value: string): string {
  const unsafe = UNSAFE.test(value) || value === "." || value === ".." || value === "";
  UNSAFE.lastIndex = 0;
  if (!unsafe && Buffer.byteLength(value) <= MAX_SEGMENT_BYTES) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 16);
  const readable = value.replace(UNSAFE, "_").slice(0, 60);
  return `${readable}-${hash}`;
}

/** Builds `k1--v1__k2--v2` from sorted pairs (pyppms' file-name scheme), or `response` when empty. */
export function pairsToName(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return "response";
  const sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return safeFileSegment(sorted.map(([k, v]) => `${k}--${v}`).join("__"));
}

/** Splits a `k1--v1__k2--v2` name back into pairs (for the nearest-recording hint). */
export function nameToPairs(name: string): Map<string, string> {
  const out = new Map<string, string>();
  if (name === "response") return out;
  for (const part of name.split("__")) {
    const i = part.indexOf("--");
    if (i > 0) out.set(part.slice(0, i), part.slice(i + 2));
  }
  return out;
}

/** Options of {@link pumapiFormKey}. */
export interface PumapiFormKeyOptions {
  /** Form fields never put in a name (the API key and passwords). */
  secretFields?: readonly string[];
  /** The field naming the folder (default `action`). */
  actionField?: string;
}

/**
 * The key function for form-POST APIs such as PUMAPI, byte-compatible with pyppms' cache:
 * folder = the `action` field, name = the other fields minus secrets, keys sorted, `k--v` joined
 * by `__`, or `response` when none remain.
 *
 * @example
 * ```ts
 * const key = pumapiFormKey({ secretFields: ["apikey"] });
 * key({ method: "POST", url, form: { action: "getuser", apikey: "k", login: "jdoe" } });
 * // → { folder: "getuser", name: "login--jdoe" }
 * ```
 */
export function pumapiFormKey(options: PumapiFormKeyOptions = {}): CacheKeyFunction {
  const actionField = options.actionField ?? "action";
  const secrets = new Set((options.secretFields ?? ["apikey"]).map((s) => s.toLowerCase()));
  return (req) => {
    const form = req.form;
    const action = form?.[actionField];
    if (form === undefined || action === undefined) return undefined;
    const pairs = Object.entries(form).filter(([k]) => k !== actionField && !secrets.has(k.toLowerCase()));
    return { folder: safeFileSegment(action), name: pairsToName(pairs) };
  };
}

/** Options of {@link restKey}. */
export interface RestKeyOptions {
  /** Query parameters never put in a name (e.g. `token`). */
  secretQuery?: readonly string[];
}

/**
 * The key function for REST APIs: folder = method + path (`GET_v0_times`), name = the sorted query
 * minus secrets (repeated keys joined by `,`), or `response`. JSON bodies are not part of the key.
 *
 * @example
 * ```ts
 * restKey({ secretQuery: ["token"] })({ method: "GET", url: "http://h/v0/times", query: { user: ["ann"] } });
 * // → { folder: "GET_v0_times", name: "user--ann" }
 * ```
 */
export function restKey(options: RestKeyOptions = {}): CacheKeyFunction {
  const secrets = new Set((options.secretQuery ?? ["token"]).map((s) => s.toLowerCase()));
  return (req) => {
    const path = new URL(req.url).pathname.split("/").filter(Boolean).join("_");
    const pairs = Object.entries(req.query ?? {})
      .filter(([k]) => !secrets.has(k.toLowerCase()))
      .map(([k, v]) => [k, [...v].sort().join(",")] as const);
    return { folder: safeFileSegment(`${req.method}_${path || "root"}`), name: pairsToName(pairs) };
  };
}
