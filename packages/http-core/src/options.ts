import { TRANSPORT_KEYS } from "./option-keys.js";
import type { Dispatcher } from "undici";
import { InvalidArgumentError } from "./errors.js";
import type { Logger, LogLevel, LevelLogger } from "./logger.js";
import type { Redactor } from "./redactor.js";
import type { RetryOptions } from "./retry.js";
import type { CacheKeyFunction } from "./cache/keys.js";
import { CACHE_MODE_ENV, resolveCacheMode, type CacheMode } from "./cache/modes.js";
import { RecordReplayCache } from "./cache/record-replay-cache.js";

/** Time limits of a call, in milliseconds. */
export interface TimeoutOptions {
  /** One attempt: connect, headers and the whole body. Default 30 s. */
  attemptMs?: number | undefined;
  /** The whole call, retries and waits included; enforced while a body streams. Default 120 s. */
  totalMs?: number | undefined;
}

/** A cache directory and how to use it; the SDK supplies the key function and the secret rules. */
export interface CacheConfig {
  /** The directory recordings are read from and written to. */
  dir: string;
  /** Default: `FACILITY_SDK_CACHE_MODE`, else `record-missing`; an unknown mode throws. */
  mode?: CacheMode | undefined;
  /** Cache only these folders. */
  onlyFolders?: readonly string[] | undefined;
  /** Read-only directories searched after `dir` (e.g. earlier fixture stages). */
  fallbackDirs?: readonly string[] | undefined;
  /** Record rejected answers too, to build odd-answer fixtures on purpose (off by default). */
  recordFaults?: boolean | undefined;
}

/** The `cache` option of both SDKs: a directory, a {@link CacheConfig}, or a ready {@link RecordReplayCache}. */
export type CacheOption = string | CacheConfig | RecordReplayCache;

/**
 * The transport options both SDKs take, spread into their own options: timeouts, retry, logging,
 * cache, dispatcher, headers and size limit mean the same everywhere.
 *
 * @example
 * ```ts
 * const transport: TransportOptions = { timeout: { attemptMs: 10_000, totalMs: 60_000 }, retry: { limit: 3 }, cache: "./recordings" };
 * const ppms = await PpmsConnection.connect({ baseUrl, apiKey, ...transport });
 * const ts = new TimeSync({ baseUrl: tsUrl, ...transport });
 * ```
 */
export interface TransportOptions {
  /** Time limits; a number is the per-attempt limit in milliseconds. */
  timeout?: number | TimeoutOptions | undefined;
  /** Retry policy, merged over `DEFAULT_RETRY_POLICY`; unknown keys are rejected. */
  retry?: RetryOptions | undefined;
  /** Where logs go (console, pino, …); secrets are masked before they get there. */
  logger?: Logger | undefined;
  /** Lowest level logged; default `FACILITY_SDK_LOG`, else `warn` when a logger is given, else nothing. */
  logLevel?: LogLevel | undefined;
  /** Record/replay cache (see {@link CacheOption}). Off when left out. */
  cache?: CacheOption | undefined;
  /** Your own undici dispatcher (proxy, `MockAgent`, test-cache's msw bridge); the client then makes no Agent. */
  dispatcher?: Dispatcher | undefined;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Largest answer accepted, in bytes (default 32 MiB); a larger one ends in `ResponseTooLargeError`. */
  maxResponseBytes?: number | undefined;
  /** Decode answers whose bytes are invalid in their charset as latin1, instead of failing with `ResponseDecodeError`. */
  fallbackCharset?: "latin1" | undefined;
  /** Keep-alive connections per origin of the client's own Agent (default 16). */
  connections?: number | undefined;
  /**
   * Send through the proxy named by `HTTP_PROXY` / `HTTPS_PROXY` (lower-case names too), except for
   * hosts in `NO_PROXY`, as curl does (default true; read when the first request is sent). `false`
   * connects directly whatever the environment says. Ignored when you pass a `dispatcher`.
   */
  proxyFromEnv?: boolean | undefined;
}

/** What an SDK adds when it turns a {@link CacheOption} into a cache. */
export interface CacheDefaults {
  /** The SDK's key function. */
  key: CacheKeyFunction;
  /** The SDK's redactor (its secret rules). */
  redactor?: Redactor | undefined;
  /** Where write failures are reported. */
  logger?: Logger | LevelLogger | undefined;
  /** A mode that overrides the option's (e.g. `replay` for an SDK's offline mode). */
  mode?: CacheMode | undefined;
  /** Folders to cache when the option does not say. */
  onlyFolders?: readonly string[] | undefined;
  /** The option's name in error messages (default `cache`; pyppms-ts says `options.cache`). */
  field?: string | undefined;
}

/**
 * Turns a {@link CacheOption} into a {@link RecordReplayCache} the same way for both SDKs: a
 * directory or a config gets the SDK's key function and redactor; a ready cache is used as it is.
 * With no option there is no cache, except that `FACILITY_SDK_CACHE_MODE=replay` then throws:
 * replay promises that nothing reaches the network, and without a recording directory every call
 * would.
 *
 * @param option - the user's `cache` option
 * @param defaults - the SDK's key function, redactor, overrides, and the option's name for errors
 * @returns the cache, or undefined when the option is left out
 * @throws {@link InvalidArgumentError} naming `defaults.field` for an option that is not a cache, or
 *   for no option while `FACILITY_SDK_CACHE_MODE` is `replay` (or an unknown mode, naming the variable)
 * @example
 * ```ts
 * const cache = resolveCache("./recordings", { key: restKey({ secretQuery: ["token"] }) });
 * resolveCache(undefined, { key: restKey({ secretQuery: ["token"] }), field: "options.cache" }); // undefined; throws when FACILITY_SDK_CACHE_MODE=replay
 * ```
 */
export function resolveCache(option: CacheOption | undefined, defaults: CacheDefaults): RecordReplayCache | undefined {
  const field = defaults.field ?? "cache";
  if (option === undefined) {
    if (resolveCacheMode(undefined, field) === "replay") {
      throw new InvalidArgumentError(field, `${CACHE_MODE_ENV}=replay, but no cache directory was given, so every call would go to the network`, {
        hint: `give a cache directory to replay from, or unset ${CACHE_MODE_ENV}`,
      });
    }
    return undefined;
  }
  // Duck-typed, so a second copy of http-core in node_modules still works.
  if (option instanceof RecordReplayCache || (typeof option === "object" && option !== null && "keyFor" in option)) return option as RecordReplayCache;
  const config: CacheConfig = typeof option === "string" ? { dir: option } : option;
  if (config === null || typeof config !== "object" || typeof config.dir !== "string" || config.dir.trim() === "") {
    throw new InvalidArgumentError(field, "must be a directory, a { dir, mode, … } object or a RecordReplayCache");
  }
  return new RecordReplayCache({
    dir: config.dir,
    key: defaults.key,
    mode: defaults.mode ?? config.mode,
    onlyFolders: config.onlyFolders ?? defaults.onlyFolders,
    fallbackDirs: config.fallbackDirs,
    recordFaults: config.recordFaults,
    redactor: defaults.redactor,
    logger: defaults.logger,
  });
}

// option-keys.ts' TRANSPORT_KEYS (the runtime check of plain JavaScript options) names exactly the
// keys of TransportOptions: a key added to one and not the other fails to compile here.
type TransportKey = (typeof TRANSPORT_KEYS)[number];
type SameKeys = [keyof TransportOptions] extends [TransportKey] ? ([TransportKey] extends [keyof TransportOptions] ? true : never) : never;
const transportKeysMatch: SameKeys = true;
void transportKeysMatch;
