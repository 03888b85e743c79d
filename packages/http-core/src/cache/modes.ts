import { InvalidArgumentError } from "../errors.js";

/**
 * - `replay`: answer only from disk; a miss is a `CacheMissError`; never touches the network.
 * - `record-missing`: safe calls (reads) are answered from disk when recorded, else fetched and
 *   recorded; unsafe calls (writes, deletes, logins) always reach the server.
 * - `record-all`: every call reaches the server; accepted answers overwrite the recordings.
 * - `passthrough`: the cache is off.
 */
export type CacheMode = "replay" | "record-missing" | "record-all" | "passthrough";

/** Every {@link CacheMode}, in the order the docs list them. */
export const CACHE_MODES: readonly CacheMode[] = Object.freeze(["replay", "record-missing", "record-all", "passthrough"]);

/** The environment variable that picks the cache mode when no option does. */
export const CACHE_MODE_ENV = "FACILITY_SDK_CACHE_MODE";

/**
 * Per-call cache policy:
 * - `default`: the mode's rules;
 * - `refresh`: ask the server even when an answer is recorded, and record the accepted answer
 *   (in `replay` there is no server: the recording is all there is);
 * - `bypass`: neither read nor write the cache for this call (refused in `replay`, where the
 *   network is off).
 */
export type CachePolicy = "default" | "refresh" | "bypass";

/**
 * The cache mode to use: `mode` when given, else `FACILITY_SDK_CACHE_MODE`, else `record-missing`.
 * An unknown mode (a typo such as `Replay` or `replya`) throws an {@link InvalidArgumentError}
 * listing the valid ones, instead of silently recording.
 *
 * @param mode - the option's value, if any
 * @param field - the option's name for the error message
 * @returns the mode
 * @example
 * ```ts
 * resolveCacheMode("replay"); // "replay"
 * resolveCacheMode(undefined); // from FACILITY_SDK_CACHE_MODE, else "record-missing"
 * ```
 */
export function resolveCacheMode(mode?: string, field = "cache.mode"): CacheMode {
  const env = process.env[CACHE_MODE_ENV];
  const [value, source] = mode !== undefined ? [mode, field] : env !== undefined && env !== "" ? [env, CACHE_MODE_ENV] : ["record-missing", field];
  if ((CACHE_MODES as readonly string[]).includes(value)) return value as CacheMode;
  throw new InvalidArgumentError(source, `unknown cache mode ${JSON.stringify(value)}`, { hint: `use one of ${CACHE_MODES.join(", ")}` });
}
