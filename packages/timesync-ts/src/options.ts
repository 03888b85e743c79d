import { checkOptionKeys, type TransportOptions } from "@facility-sdk/http-core";
import { TimeSyncValidationError } from "./errors.js";

/**
 * Options of the {@link TimeSync} client: http-core's {@link TransportOptions} (timeout, retry, logger,
 * logLevel, cache, dispatcher, headers, maxResponseBytes, …) plus TimeSync's own.
 *
 * - `timeout` defaults to 30 s per attempt and 120 s in total: the reference server can hang forever
 *   on one query.
 * - `retry` applies to reads only: creates, updates, deletes and logins are sent once.
 * - `cache` is a directory, a `{ dir, mode, … }` config, or a ready `RecordReplayCache`; a directory or
 *   config gets {@link timeSyncCacheKey} and the client's secret rules (tokens and bcrypt hashes never
 *   reach a recording). Logins are never recorded nor replayed: in `replay` mode pass `token`.
 */
export interface TimeSyncOptions extends TransportOptions {
  /**
   * Base URL including the version segment, e.g. `https://timesync.example.org/v0` (the reference
   * server mounts under `/v0`; pymesync's docs say `/v1`). One trailing `/` is ignored.
   */
  baseUrl: string;
  /** An existing token (skips `authenticate()`; the way to run a replayed session); treated as a secret. */
  token?: string | undefined;
  /**
   * When true, a request answered `Bad API token` (the server restarted or the token expired) logs in
   * again once with the credentials of the last `authenticate()` and is sent once more. Off by
   * default: it keeps the password in memory for the client's lifetime.
   */
  reauthenticate?: boolean | undefined;
}

/** Options every method takes. */
export interface CallOptions {
  /** Cancels the call: the request is aborted and the method rejects with http-core's `HttpAbortError`. */
  signal?: AbortSignal | undefined;
}

/** Credentials for {@link TimeSync.authenticate}. */
export interface TimeSyncCredentials {
  /** Login name. */
  username: string;
  /** Plain password (sent over the connection as TimeSync requires; never logged nor recorded). */
  password: string;
  /** `password` (default) or `ldap`. */
  authType?: "password" | "ldap" | undefined;
}

const validationError = (field: string, problem: string, more: { hint?: string | undefined }): TimeSyncValidationError =>
  new TimeSyncValidationError(field, problem, more);

/**
 * Checks the keys of the {@link TimeSync} constructor's options at runtime, for plain JavaScript: a
 * misspelt key gets a did-you-mean (`timeoutMs` → `timeout`, `base_url` → `baseUrl`), a pymesync
 * argument is named as such (`baseurl`, `test`), a missing `baseUrl` is reported as missing, and
 * pymesync's positional `TimeSync(baseurl)` is explained. The constructor runs it first.
 *
 * @param options - the options as given
 * @returns the same options
 * @throws {@link TimeSyncValidationError} naming the key and what to write instead (never a value)
 * @example
 * ```ts
 * checkTimeSyncOptions({ base_url: "https://timesync.example.org/v0" });
 * // throws: Invalid options.base_url: unknown option; did you mean "baseUrl"?
 * ```
 */
export function checkTimeSyncOptions(options: unknown): TimeSyncOptions {
  return checkOptionKeys<TimeSyncOptions>(options, {
    field: "options",
    known: Object.keys({ baseUrl: true, token: true, reauthenticate: true } satisfies Record<Exclude<keyof TimeSyncOptions, keyof TransportOptions>, true>),
    transport: true,
    required: ["baseUrl"],
    foreign: {
      baseurl: { from: "pymesync", use: "baseUrl" },
      test: { from: "pymesync", note: "timesync-ts has no test mode: run against startFakeTimeSync() from @facility-sdk/test-cache" },
    },
    notAnObject: "pymesync's TimeSync(baseurl, token) is new TimeSync({ baseUrl, token }) here",
    error: validationError,
  });
}

/**
 * Checks the keys of {@link TimeSync.authenticate}'s credentials at runtime: a pymesync keyword
 * (`auth_type`) or a misspelt key is named with what to write instead, a missing `username` or
 * `password` as missing, and pymesync's positional `authenticate(username, password, auth_type)`
 * is explained.
 *
 * @param credentials - the credentials as given
 * @returns the same credentials
 * @throws {@link TimeSyncValidationError} naming the key (never the password)
 * @example
 * ```ts
 * checkTimeSyncCredentials({ username: "pat", password: "…", auth_type: "ldap" });
 * // throws: Invalid credentials.auth_type: "auth_type" is the pymesync name; here it is "authType"
 * ```
 */
export function checkTimeSyncCredentials(credentials: unknown): TimeSyncCredentials {
  return checkOptionKeys<TimeSyncCredentials>(credentials, {
    field: "credentials",
    known: Object.keys({ username: true, password: true, authType: true } satisfies Record<keyof TimeSyncCredentials, true>),
    required: ["username", "password"],
    foreign: { auth_type: { from: "pymesync", use: "authType" } },
    notAnObject: "pymesync's authenticate(username, password, auth_type) is authenticate({ username, password, authType }) here",
    error: validationError,
  });
}
