import { InvalidArgumentError } from "./errors.js";
import { parseRetryAfterHeader } from "./internal/retry-after.js";
import { checkOptionKeys } from "./option-keys.js";

/**
 * When and how http-core retries, as one data object (like ky's `retry` option). Only safe calls are
 * retried: the policy's methods, and a POST only when the call is marked `idempotent` (PUMAPI reads).
 *
 * @example
 * ```ts
 * new HttpClient({ retry: { limit: 4, backoff: { initialMs: 200, factor: 2, maxMs: 5_000, jitter: "full" } } });
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  limit: number;
  /**
   * Methods that are safe to retry: idempotent ones (RFC 9110 §9.2.2: the safe methods, PUT and
   * DELETE). POST is retried only when the call is marked `idempotent`; a call marked
   * `idempotent: false` is sent once whatever its method.
   */
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
  /** A `Retry-After` longer than this is not waited for: the call fails at once, saying so. */
  maxRetryAfterMs: number;
}

/** A partial {@link RetryPolicy}, merged over {@link DEFAULT_RETRY_POLICY}; unknown keys are rejected. */
export type RetryOptions = Partial<Omit<RetryPolicy, "backoff">> & { backoff?: Partial<RetryPolicy["backoff"]> };

/** The default policy: 2 retries of idempotent calls (GET, HEAD, OPTIONS, PUT, DELETE) on connection faults, timeouts, 408/429/5xx. */
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

const POLICY_KEYS = Object.keys(DEFAULT_RETRY_POLICY);
const BACKOFF_KEYS = Object.keys(DEFAULT_RETRY_POLICY.backoff);

function checkNumber(value: unknown, field: string, min: number, integer: boolean): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(field, `must be a${integer ? " whole" : ""} number ≥ ${min}, got ${JSON.stringify(value)}`);
  }
}

/**
 * Merges a partial policy over the default, checking every value; an unknown key (e.g. a typo
 * such as `retries` or `limt`) is an {@link InvalidArgumentError} naming the known keys or the one
 * it most likely means, not silently ignored.
 *
 * @param partial - the caller's settings
 * @param field - the option's name in messages (default `retry`)
 * @returns the full policy
 * @example
 * ```ts
 * resolveRetryPolicy({ limit: 0 }).limit; // 0
 * resolveRetryPolicy({ retries: 3 } as never); // throws InvalidArgumentError naming retry.retries
 * ```
 */
export function resolveRetryPolicy(partial: RetryOptions = {}, field = "retry"): RetryPolicy {
  checkOptionKeys(partial, { field, known: POLICY_KEYS });
  if (partial.backoff !== undefined) checkOptionKeys(partial.backoff, { field: `${field}.backoff`, known: BACKOFF_KEYS });
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...partial, backoff: { ...DEFAULT_RETRY_POLICY.backoff, ...partial.backoff } };
  checkNumber(policy.limit, `${field}.limit`, 0, true);
  checkNumber(policy.maxRetryAfterMs, `${field}.maxRetryAfterMs`, 0, false);
  checkNumber(policy.backoff.initialMs, `${field}.backoff.initialMs`, 0, false);
  checkNumber(policy.backoff.factor, `${field}.backoff.factor`, 1, false);
  checkNumber(policy.backoff.maxMs, `${field}.backoff.maxMs`, 0, false);
  if (policy.backoff.jitter !== "full" && policy.backoff.jitter !== "none") {
    throw new InvalidArgumentError(`${field}.backoff.jitter`, `must be "full" or "none", got ${JSON.stringify(policy.backoff.jitter)}`);
  }
  for (const [name, list] of [["methods", policy.methods], ["statusCodes", policy.statusCodes], ["errorCodes", policy.errorCodes]] as const) {
    if (!Array.isArray(list)) throw new InvalidArgumentError(`${field}.${name}`, "must be an array");
  }
  return policy;
}

/**
 * Delay before retry number `retry` (1-based).
 *
 * @example
 * ```ts
 * backoffDelay(resolveRetryPolicy({ backoff: { jitter: "none" } }), 2); // 600
 * ```
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const { initialMs, factor, maxMs, jitter } = policy.backoff;
  const computed = Math.min(maxMs, initialMs * factor ** (retry - 1));
  return jitter === "full" ? Math.floor(random() * computed) : computed;
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`;
 * undefined when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter("2"); // 2000
 * ```
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  return parseRetryAfterHeader(value, now);
}
