import { checkOptionKeys, type CacheMode, type LogLevel, type TimeoutOptions, type TransportOptions } from "@facility-sdk/http-core";
import { PpmsInvalidArgumentError } from "./errors/argument.js";
import type { SystemCredentials } from "./types.js";

/**
 * Options of {@link PpmsConnection.connect}: pyppms' own settings on top of http-core's
 * `TransportOptions`, which mean the same in both SDKs:
 *
 * - `timeout`: a number is the per-attempt limit in ms; pyppms-ts' default is **10 s per attempt**
 *   (pyppms' 10 s), with http-core's total limit (120 s) over all attempts.
 * - `retry`: the retry policy of read actions; writes are never retried.
 * - `logger`, `logLevel`: where logs go and the lowest level logged. The rule is http-core's
 *   `createLogger`, one for both SDKs: the level is `logLevel`, else env `FACILITY_SDK_LOG`, else
 *   **`warn` when a logger is given** (and nothing when none is). Secrets are masked before logging.
 * - `cache`: a directory in pyppms' layout (`<dir>/<action>/<k--v__...>.txt`), a
 *   `{ dir, mode, onlyFolders, fallbackDirs, recordFaults }` config, or a ready `RecordReplayCache`
 *   (e.g. a test-cache stage). Its key is {@link pumapiFormKey} and its redactor the connection's.
 * - `dispatcher`, `headers` (a `user-agent` naming pyppms-ts is sent by default),
 *   `maxResponseBytes`, `fallbackCharset`, `connections`.
 *
 * @example
 * ```ts
 * const options: PpmsConnectionOptions = {
 *   baseUrl: "https://ppms.example/facility/pumapi/",
 *   apiKey: process.env.PPMS_API_KEY ?? "",
 *   cache: { dir: "./ppms-cache", mode: "record-missing" },
 *   logger: console, // logs at "warn" unless logLevel or FACILITY_SDK_LOG says otherwise
 * };
 * ```
 */
export interface PpmsConnectionOptions extends TransportOptions {
  /** The PUMAPI endpoint, e.g. `https://ppms.example/facility/pumapi/` (required, or its alias `url`). */
  baseUrl?: string | undefined;
  /**
   * The PUMAPI endpoint.
   *
   * @deprecated Use `baseUrl` (the name both SDKs use). Still accepted; `baseUrl` wins when both are given.
   */
  url?: string | undefined;
  /**
   * The API key. When empty (or left out) and `cache` is given, the connection runs offline:
   * no `auth` call, every answer comes from the cache, in mode `replay`.
   */
  apiKey?: string | undefined;
  /**
   * System authentication instead of an API key: the system's `id` and `code` (a secret, never in
   * a cache file name, a log line or an error). PUMAPI accepts it only for `getbooking` and
   * `nextbooking` of that system, so such a connection can call `getBooking`, `getCurrentBooking`,
   * `getNextBooking` (and `request` with those actions) for that system alone; any other call fails
   * before sending with a {@link PpmsAuthScopeError}. No `auth` is sent at connect. Not together
   * with `apiKey` (a keyed connection passes system credentials per call instead).
   */
  system?: SystemCredentials | undefined;
  /**
   * Record/replay mode of a cache given as a directory.
   *
   * @deprecated Use `cache: { dir, mode }`. Still accepted for a directory; a config's own `mode` wins.
   */
  cacheMode?: CacheMode | undefined;
  /** Cache only `getuser` answers (pyppms' `cache_users_only`; http-core's `onlyFolders: ["getuser"]`). */
  cacheUsersOnly?: boolean | undefined;
  /** How many requests bulk calls (`getUsers`, `getUsersEmails`, ...) keep in flight (default 8). */
  concurrency?: number | undefined;
  /**
   * Strict parsing: header/data field-count mismatches and `getsystems` lines that do not fit
   * throw instead of being logged and tolerated (default false, pyppms' graceful behaviour).
   */
  strict?: boolean | undefined;
  /** The clock used for "minutes from now" booking times (default: `new Date()`); for tests. */
  now?: (() => Date) | undefined;
  /**
   * How reads that support it ask PUMAPI to answer: `csv` (the default, as pyppms) or `json`
   * (`format=json`). Both give the same typed models; HTML entities in JSON strings are unescaped.
   */
  format?: PpmsAnswerFormat | undefined;
}

/** The answer format of the reads that support `format=json` (see {@link PpmsConnectionOptions.format}). */
export type PpmsAnswerFormat = "csv" | "json";

/**
 * The record/replay modes of the on-disk cache.
 *
 * @deprecated Use http-core's `CacheMode` (the same four modes).
 */
export type PpmsCacheMode = CacheMode;

/**
 * Log levels understood by the connection's logger.
 *
 * @deprecated Use http-core's `LogLevel` (which adds `silent`).
 */
export type PpmsLogLevel = LogLevel;

/**
 * Attempt and total timeouts of a request, in milliseconds.
 *
 * @deprecated Use http-core's `TimeoutOptions`.
 */
export type PpmsTimeout = TimeoutOptions;

// The keys of PpmsConnectionOptions besides TransportOptions', kept in step with the interface by the compiler.
const OWN_KEYS = Object.keys({
  baseUrl: true,
  url: true,
  apiKey: true,
  system: true,
  cacheMode: true,
  cacheUsersOnly: true,
  concurrency: true,
  strict: true,
  now: true,
  format: true,
} satisfies Record<Exclude<keyof PpmsConnectionOptions, keyof TransportOptions>, true>);

/**
 * Checks the keys of {@link PpmsConnection.connect}'s options at runtime, for plain JavaScript:
 * a misspelt key gets a did-you-mean (`timeoutMs` → `timeout`, `base_url` → `baseUrl`), a pyppms
 * keyword argument is named as such (`api_key` → `apiKey`), a missing endpoint is reported as
 * missing, and pyppms' positional `PpmsConnection(url, api_key)` is explained. `connect` runs it
 * first; the values themselves are checked after it.
 *
 * @param options - the options as given
 * @returns the same options
 * @throws {@link PpmsInvalidArgumentError} naming the key and what to write instead (never a value)
 * @example
 * ```ts
 * checkPpmsConnectionOptions({ baseUrl: "https://ppms.example/pumapi/", api_key: "…" });
 * // throws: Invalid options.api_key: "api_key" is the pyppms name; here it is "apiKey"
 * ```
 */
export function checkPpmsConnectionOptions(options: unknown): PpmsConnectionOptions {
  return checkOptionKeys<PpmsConnectionOptions>(options, {
    field: "options",
    known: OWN_KEYS,
    transport: true,
    required: [["baseUrl", "url"]],
    foreign: {
      api_key: { from: "pyppms", use: "apiKey" },
      cache_users_only: { from: "pyppms", use: "cacheUsersOnly" },
      cache_path: { from: "pyppms", use: "cache" },
    },
    notAnObject: "pyppms' PpmsConnection(url, api_key) is PpmsConnection.connect({ baseUrl: url, apiKey: key }) here",
    error: (field, problem, more) => new PpmsInvalidArgumentError(field, problem, more),
  });
}
