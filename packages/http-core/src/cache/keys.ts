import { createHash } from "node:crypto";

/** Where one recorded answer lives: `<dir>/<folder>/<name>.txt`. */
export interface CacheKey {
  /** Sub-directory, e.g. the value of a form field naming the operation. */
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
  form?: Readonly<Record<string, string>> | undefined;
  /** Query parameters (repeated keys kept as arrays). */
  query?: Readonly<Record<string, readonly string[]>> | undefined;
  /** JSON body. */
  json?: unknown;
}

/** Maps a request to its cache file; `undefined` means "do not cache this request". */
export type CacheKeyFunction = (req: CacheableRequest) => CacheKey | undefined;

const UNSAFE = /[/\\\0-\x1f\x7f:*?"<>|]/;
const UNSAFE_ALL = /[/\\\0-\x1f\x7f:*?"<>|]/g;
const MAX_SEGMENT_BYTES = 180;

/**
 * Makes a value safe as (part of) a file name: ordinary values pass unchanged (so names match
 * pyppms' layout), while path separators, NUL, control characters, `.`/`..` and over-long values
 * are replaced by a readable prefix plus a stable hash, so no value can leave the cache directory.
 *
 * @example
 * ```ts
 * safeFileSegment("jdoe");        // "jdoe"
 * safeFileSegment("../../etc");   // ".._.._etc-<hash>"
 * ```
 */
export function safeFileSegment(value: string): string {
  const unsafe = UNSAFE.test(value) || value === "." || value === ".." || value === "";
  if (!unsafe && (value.length * 3 <= MAX_SEGMENT_BYTES || Buffer.byteLength(value) <= MAX_SEGMENT_BYTES)) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return `${value.replace(UNSAFE_ALL, "_").slice(0, 60)}-${hash}`;
}

const byKey = (a: readonly [string, string], b: readonly [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Builds `k1--v1__k2--v2` from pairs sorted by key (pyppms' file-name scheme), or `response` when
 * there are none.
 *
 * @example
 * ```ts
 * pairsToName([["login", "jdoe"], ["id", "31"]]); // "id--31__login--jdoe"
 * ```
 */
export function pairsToName(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return "response";
  let name = "";
  for (const [k, v] of pairs.length === 1 ? pairs : [...pairs].sort(byKey)) name += `${name === "" ? "" : "__"}${k}--${v}`;
  return safeFileSegment(name);
}

/**
 * Splits a `k1--v1__k2--v2` name back into pairs (for the nearest-recording hint of a miss).
 *
 * @example
 * ```ts
 * nameToPairs("id--31__login--jdoe").get("login"); // "jdoe"
 * ```
 */
export function nameToPairs(name: string): Map<string, string> {
  const out = new Map<string, string>();
  if (name === "response") return out;
  for (const part of name.split("__")) {
    const i = part.indexOf("--");
    if (i > 0) out.set(part.slice(0, i), part.slice(i + 2));
  }
  return out;
}

/** Options of {@link formFieldKey}. */
export interface FormFieldKeyOptions {
  /** The form field whose value names the folder (e.g. an RPC-style `action`). */
  folderField: string;
  /** Form fields never put in a name (API keys, passwords); matched case-insensitively. */
  secretFields: readonly string[];
}

/**
 * A key function for form-POST RPC APIs: folder = the value of `folderField`, name = the other
 * fields minus secrets, sorted, `k--v` joined by `__`, or `response` when none remain. Requests
 * without the folder field are not cached.
 *
 * @example
 * ```ts
 * const key = formFieldKey({ folderField: "op", secretFields: ["key"] });
 * key({ method: "POST", url, form: { op: "getitem", key: "k", id: "7" } }); // { folder: "getitem", name: "id--7" }
 * ```
 */
export function formFieldKey(options: FormFieldKeyOptions): CacheKeyFunction {
  const { folderField } = options;
  const secrets = new Set(options.secretFields.map((s) => s.toLowerCase()));
  return (req) => {
    const form = req.form;
    const folder = form?.[folderField];
    if (form === undefined || folder === undefined) return undefined;
    const pairs: [string, string][] = [];
    for (const k in form) if (k !== folderField && !secrets.has(k.toLowerCase())) pairs.push([k, form[k] as string]);
    return { folder: safeFileSegment(folder), name: pairsToName(pairs) };
  };
}

/** Options of {@link restKey}. */
export interface RestKeyOptions {
  /** Query parameters never put in a name (e.g. `token`); matched case-insensitively. */
  secretQuery: readonly string[];
  /**
   * Names a JSON body too, as `body--<hash>` of the value at this top-level key (the whole body
   * when `""`), without `omitFields`; so two different creates do not share a file.
   */
  bodyDigest?: { at: string; omitFields: readonly string[] };
}

/**
 * A key function for REST APIs: folder = method + path (`GET_v0_times`), name = the sorted query
 * minus secrets (repeated keys joined by `,`), plus an optional digest of the JSON body, or
 * `response` when nothing remains.
 *
 * @example
 * ```ts
 * restKey({ secretQuery: ["token"] })({ method: "GET", url: "http://h/v0/times", query: { user: ["ann"] } });
 * // → { folder: "GET_v0_times", name: "user--ann" }
 * ```
 */
export function restKey(options: RestKeyOptions): CacheKeyFunction {
  const secrets = new Set(options.secretQuery.map((s) => s.toLowerCase()));
  const digest = options.bodyDigest;
  return (req) => {
    const path = new URL(req.url).pathname.split("/").filter(Boolean).join("_");
    const pairs: [string, string][] = [];
    for (const [k, v] of Object.entries(req.query ?? {})) if (!secrets.has(k.toLowerCase())) pairs.push([k, [...v].sort().join(",")]);
    const folder = safeFileSegment(`${req.method}_${path || "root"}`);
    const name = pairsToName(pairs);
    if (digest === undefined || req.json === undefined) return { folder, name };
    const body = digest.at === "" ? req.json : (req.json as Record<string, unknown> | null)?.[digest.at];
    const hashed = `body--${createHash("sha256").update(stableJson(body, new Set(digest.omitFields))).digest("hex").slice(0, 16)}`;
    return { folder, name: name === "response" ? hashed : `${name}__${hashed}` };
  };
}

/** JSON with object keys sorted and `omit` keys of the top-level object left out (stable across runs). */
function stableJson(value: unknown, omit: ReadonlySet<string> = new Set()): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !omit.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
