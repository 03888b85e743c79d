import type { HttpClientOptions, Logger, LogLevel, RecordReplayCache, RetryPolicy, TimeoutOptions } from "@facility-sdk/http-core";

/** Options of the {@link TimeSync} client. */
export interface TimeSyncOptions {
  /**
   * Base URL including the version segment, e.g. `https://timesync.example.org/v0` (the reference
   * server mounts under `/v0`; pymesync's docs say `/v1`). One trailing `/` is ignored.
   */
  baseUrl: string;
  /** An existing token (skips `authenticate()`); treated as a secret. */
  token?: string;
  /**
   * Per-attempt and total timeouts (a number = per-attempt milliseconds). Default 30 s per attempt,
   * 120 s in total: the reference server can hang forever on one query.
   */
  timeout?: number | TimeoutOptions;
  /** Retry policy overrides (http-core). POSTs are never retried. */
  retry?: Partial<RetryPolicy>;
  /** Where to log requests (console, pino, ...); tokens and passwords are redacted. */
  logger?: Logger;
  /** Log level (default: env `FACILITY_SDK_LOG`, else `info` when a logger is given, else off). */
  logLevel?: LogLevel;
  /** An undici dispatcher (MockAgent, ProxyAgent, an msw bridge, ...). */
  dispatcher?: HttpClientOptions["dispatcher"];
  /** A record/replay cache; build it with `key: timeSyncCacheKey()`. */
  cache?: RecordReplayCache;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * When true, a request answered `Bad API token` (the server restarted or the token expired) logs in
   * again once with the credentials of the last `authenticate()` and is retried once. Off by default:
   * it keeps the password in memory for the client's lifetime.
   */
  reauthenticate?: boolean;
}

/** Credentials for {@link TimeSync.authenticate}. */
export interface TimeSyncCredentials {
  /** Login name. */
  username: string;
  /** Plain password (sent over the connection as TimeSync requires; never logged). */
  password: string;
  /** `password` (default) or `ldap`. */
  authType?: "password" | "ldap";
}
