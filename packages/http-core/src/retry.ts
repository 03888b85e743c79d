/**
 * When and how http-core retries, as one data object (like ky's `retry` option).
 *
 * @example
 * ```ts
 * new HttpClient({ retry: { limit: 4, backoff: { initialMs: 200, factor: 2, maxMs: 5_000, jitter: "full" } } });
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  limit: number;
  /** Methods that are safe to retry. POST is retried only when the call is marked `idempotent`. */
  methods: readonly string[];
  /** Response statuses that are retried. */
  statusCodes: readonly number[];
  /** Network error codes that are retried (attempt timeouts are always retryable). */
  errorCodes: readonly string[];
  /** Exponential backoff between attempts. */
  backoff: {
    /** Delay before the first retry. */
    initialMs: number;
    /** Multiplier per further retry. */
    factor: number;
    /** Largest delay. */
    maxMs: number;
    /** `full`: a random delay between 0 and the computed one; `none`: exactly the computed one. */
    jitter: "full" | "none";
  };
  /** A `Retry-After` longer than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
}

/** The default policy: 2 retries of safe calls on connection faults, timeouts, 408/429/5xx. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 2,
  methods: Object.freeze(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]),
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  errorCodes: Object.freeze([
    "ECONNRESET",
    "ECONNREFUSED",
    "ETIMEDOUT",
    "EPIPE",
    "ENOTFOUND",
    "EAI_AGAIN",
    "UND_ERR_SOCKET",
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_HEADERS_TIMEOUT",
    "UND_ERR_BODY_TIMEOUT",
  ]),
  backoff: Object.freeze({ initialMs: 300, factor: 2, maxMs: 10_000, jitter: "full" as const }),
  maxRetryAfterMs: 60_000,
}) as RetryPolicy;

/** Merges a partial policy over the default. */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...partial, backoff: { ...DEFAULT_RETRY_POLICY.backoff, ...partial.backoff } };
}

/** Delay before retry number `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const { initialMs, factor, maxMs, jitter } = policy.backoff;
  const computed = Math.min(maxMs, initialMs * factor ** (retry - 1));
  return jitter === "full" ? Math.floor(random() * computed) : computed;
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
