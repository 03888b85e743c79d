import { InvalidArgumentError, type InvalidArgumentErrorOptions } from "./errors.js";

// Plain JavaScript gets no compile-time check of an options object: a misspelt key (`timeoutMs`,
// `api_key`) would be ignored in silence, and a missing one reported as merely "invalid". This is the
// runtime check both SDKs run on their options before anything else.

/**
 * The keys of {@link TransportOptions}, for the runtime check of plain JavaScript options
 * (options.ts has the compiler check that both name the same keys).
 *
 * @internal
 */
export const TRANSPORT_KEYS = ["timeout", "retry", "logger", "logLevel", "cache", "dispatcher", "headers", "maxResponseBytes", "fallbackCharset", "connections", "proxyFromEnv"] as const;

/** A key of another library's options (the Python one an SDK ports) and what it is here. */
export interface ForeignOptionKey {
  /** The library the key comes from, e.g. `pyppms` or `pymesync`. */
  from: string;
  /** This SDK's name for it, when there is one. */
  use?: string | undefined;
  /** What to do instead, when there is no one-to-one name. */
  note?: string | undefined;
}

/** What {@link checkOptionKeys} checks an options object against. */
export interface OptionKeysSpec {
  /** The path of the object in errors, e.g. `options` or `credentials`. */
  field: string;
  /** The keys the object may have (besides http-core's transport options when `transport` is true). */
  known: readonly string[];
  /** Accept http-core's {@link TransportOptions} keys too (`timeout`, `retry`, `logger`, …). */
  transport?: boolean | undefined;
  /** Keys that must be present and not `undefined`; an inner list means "one of these". */
  required?: readonly (string | readonly string[])[] | undefined;
  /** Keys of the library the SDK ports, with what to use instead. */
  foreign?: Readonly<Record<string, ForeignOptionKey>> | undefined;
  /** What to say when a string or other non-object is given (e.g. the Python positional form). */
  notAnObject?: string | undefined;
  /** The error to throw (default http-core's `InvalidArgumentError`); an SDK passes its own subclass. */
  error?: ((field: string, problem: string, options: InvalidArgumentErrorOptions) => InvalidArgumentError) | undefined;
}

/**
 * Checks an options object at runtime, for callers without the compiler's help: each key must be a
 * known one (a misspelt one gets a did-you-mean, found by snake_case → camelCase and edit
 * distance; a key of the ported Python library is named as such, with its counterpart here), each
 * required key must be present (reported as "missing"), and the value must be an object at all.
 * Throws {@link InvalidArgumentError} (or `spec.error`'s subclass) naming the field; never puts a
 * value in the message, so a secret cannot leak through it.
 *
 * @param value - the options object as the caller passed it
 * @param spec - the known and required keys, the foreign names, and the error to throw
 * @returns the value, typed as the options type `T` whose keys were checked
 * @throws {@link InvalidArgumentError} for a non-object, an unknown key or a missing required key
 * @example
 * ```ts
 * checkOptionKeys({ baseUrl: "https://ppms.example/pumapi/", api_key: "…" }, {
 *   field: "options",
 *   known: ["baseUrl", "apiKey"],
 *   required: ["baseUrl"],
 *   foreign: { api_key: { from: "pyppms", use: "apiKey" } },
 * }); // throws: Invalid options.api_key: "api_key" is the pyppms name; here it is "apiKey"
 * ```
 */
export function checkOptionKeys<T extends object = Record<string, unknown>>(value: unknown, spec: OptionKeysSpec): T {
  const fail = spec.error ?? ((field, problem, options) => new InvalidArgumentError(field, problem, options));
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw fail(spec.field, `must be an object, got ${got}`, { hint: spec.notAnObject });
  }
  const known: readonly string[] = spec.transport === true ? [...spec.known, ...TRANSPORT_KEYS] : spec.known;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const foreign = spec.foreign !== undefined && Object.hasOwn(spec.foreign, key) ? spec.foreign[key] : undefined;
    if (foreign !== undefined) {
      const here = foreign.use !== undefined ? `; here it is "${foreign.use}"` : "";
      throw fail(`${spec.field}.${key}`, `"${key}" is the ${foreign.from} name${here}`, { hint: foreign.note });
    }
    const guess = closestKey(key, known);
    throw fail(`${spec.field}.${key}`, guess === undefined ? "unknown option" : `unknown option; did you mean "${guess}"?`, {
      hint: guess === undefined ? `known options: ${known.join(", ")}` : undefined,
    });
  }
  for (const need of spec.required ?? []) {
    const names = typeof need === "string" ? [need] : need;
    if (names.some((name) => record[name] !== undefined)) continue;
    throw fail(`${spec.field}.${names[0] ?? ""}`, names.length > 1 ? `missing (give ${names.join(" or ")})` : "missing (required)", {});
  }
  return record as T;
}

/** The known key a misspelt one most likely means: same name in camelCase, else the nearest by edit distance. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const camel = key.replace(/[_-]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
  const exact = known.find((k) => k.toLowerCase() === camel.toLowerCase());
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(camel.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
