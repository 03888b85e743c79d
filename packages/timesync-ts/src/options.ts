import type { HttpClient } from "@facility-sdk/http-core";

type HttpOptions = NonNullable<ConstructorParameters<typeof HttpClient>[0]>;

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
  timeout?: HttpOptions["timeout"];
  /** Retry policy overrides (http-core). POSTs are never retried. */
  retry?: HttpOptions["retry"];
  /** Where to log requests (console, pino, ...); tokens and passwords are redacted. */
  logger?: HttpOptions["logger"];
  /** Log level (default: env `FACILITY_SDK_LOG`, else off). */
  logLevel?: HttpOptions["logLevel"];
  /** An undici dispatcher (MockAgent, ProxyAgent, an msw bridge, ...). */
  dispatcher?: HttpOptions["dispatcher"];
  /** A record/replay cache; build it with `key: timeSyncCacheKey()`. */
  cache?: HttpOptions["cache"];
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
