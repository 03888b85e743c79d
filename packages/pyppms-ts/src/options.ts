// PpmsConnection is imported for the TSDoc links only.
import type { PpmsConnection } from "./connection.js";
import type { HttpClientOptions, Logger, RecordReplayCache, RetryPolicy } from "@facility-sdk/http-core";

/** The record/replay modes of the on-disk cache (see http-core's `RecordReplayCache`). */
export type PpmsCacheMode = "replay" | "record-missing" | "record-all" | "passthrough";

/** Log levels understood by the connection's logger. */
export type PpmsLogLevel = "debug" | "info" | "warn" | "error";

/** Attempt and total timeouts of a request, in milliseconds. */
export interface PpmsTimeout {
  /** Timeout of one attempt. */
  attemptMs: number;
  /** Timeout of all attempts of one call together (retries included). */
  totalMs?: number;
}

/** Options of {@link PpmsConnection.connect}. */
export interface PpmsConnectionOptions {
  /** The PUMAPI endpoint, e.g. `https://ppms.example/facility/pumapi/`. */
  url: string;
  /**
   * The API key. When empty (or left out) and `cache` is given, the connection runs in offline,
   * cache-only mode: no `auth` call, every answer comes from the cache (mode `replay`).
   */
  apiKey?: string;
  /**
   * Per-attempt timeout in milliseconds (default 10 000, pyppms' 10 s), or attempt and total
   * timeouts.
   */
  timeout?: number | PpmsTimeout;
  /**
   * The cache: a directory in pyppms' layout (`<dir>/<action>/<k--v__...>.txt`), or a ready
   * `RecordReplayCache` (e.g. a test-cache stage). Off when left out.
   */
  cache?: string | RecordReplayCache;
  /**
   * Record/replay mode for a cache directory given as a string (default: env
   * `FACILITY_SDK_CACHE_MODE`, else `record-missing`; always `replay` in offline mode).
   */
  cacheMode?: PpmsCacheMode;
  /** Cache only `getuser` answers (pyppms' `cache_users_only`). */
  cacheUsersOnly?: boolean;
  /** Where logs go (console, pino, ...). Secrets are masked before logging. */
  logger?: Logger;
  /** Lowest level that is logged (default: env `FACILITY_SDK_LOG`, else nothing). */
  logLevel?: PpmsLogLevel;
  /** Retry policy for read actions (merged over http-core's default); writes are never retried. */
  retry?: Partial<RetryPolicy>;
  /** How many requests bulk calls (`getUsers`, `getUsersEmails`, ...) keep in flight (default 8). */
  concurrency?: number;
  /** An undici dispatcher to send requests through (MockAgent, ProxyAgent, a test bridge). */
  dispatcher?: HttpClientOptions["dispatcher"];
  /**
   * Strict parsing: header/data field-count mismatches and `getsystems` lines that do not fit
   * throw instead of being logged and tolerated (default false, pyppms' graceful behaviour).
   */
  strict?: boolean;
  /** Extra HTTP headers (a `user-agent` naming pyppms-ts is sent by default). */
  headers?: Record<string, string>;
  /** The clock used for "minutes from now" booking times (default: `new Date()`); for tests. */
  now?: () => Date;
}

/** Progress of a bulk call, reported after each item. */
export interface BulkProgress {
  /** Items finished (successfully or not). */
  done: number;
  /** Items in total. */
  total: number;
  /** Items that failed so far. */
  failed: number;
}

/** Options of the bulk calls that fetch many users. */
export interface BulkOptions {
  /** Requests in flight at once (default: the connection's `concurrency`, 8). */
  concurrency?: number;
  /** Called after every finished item. */
  onProgress?: (progress: BulkProgress) => void;
  /** Aborts the remaining requests. */
  signal?: AbortSignal;
}
