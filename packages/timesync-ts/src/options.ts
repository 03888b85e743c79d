import type { TransportOptions } from "@facility-sdk/http-core";

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
