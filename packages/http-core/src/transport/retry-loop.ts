import {
  HttpAbortError, HttpConnectionError, HttpTimeoutError, ResponseDecodeError, ResponseTooLargeError,
  type HttpCoreError, type HttpCoreErrorDetails,
} from "../errors.js";
import { parseRetryAfterHeader } from "../internal/retry-after.js";
import type { LevelLogger } from "../logger.js";
import { backoffDelay, type RetryPolicy } from "../retry.js";
import { AttemptFailure, errorCode, sendAttempt, type AttemptInput, type AttemptResult } from "./attempt.js";

/** One call as the retry layer sees it. */
export interface RetryCall {
  /** What each attempt sends (its time limit is set per attempt). */
  attempt: Omit<AttemptInput, "limitMs">;
  /** May be sent more than once. */
  idempotent: boolean;
  /** The retry policy. */
  policy: RetryPolicy;
  /** Limit of one attempt. */
  attemptMs: number;
  /** Limit of the whole call. */
  totalMs: number;
  /** `performance.now()` value the whole call must end by. */
  deadline: number;
  /** Debug log of failed and retried attempts. */
  log: LevelLogger;
  /** Fields of those log lines (operation, method, redacted URL). */
  logFields: () => Record<string, unknown>;
  /** Context of the errors (request, operation, redactor). */
  details: () => HttpCoreErrorDetails;
}

/** The answer of the last attempt. */
export interface Sent extends AttemptResult {
  /** Attempts made. */
  attempts: number;
  /** Why a retryable status was not retried, for the error message. */
  note: string | undefined;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * Sends a call, retrying safe calls on transient faults per the policy: connection errors with a
 * listed code, attempt timeouts, and the listed statuses (honouring `Retry-After` up to the cap).
 * Never waits past the total deadline; never retries a call that is not idempotent.
 */
export async function sendWithRetries(call: RetryCall): Promise<Sent> {
  const { policy } = call;
  const signal = call.attempt.signal;
  const maxAttempts = call.idempotent ? policy.limit + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new HttpAbortError("request aborted by the caller", { ...call.details(), attempts: attempt - 1, cause: signal.reason });
    const remaining = call.deadline - performance.now();
    if (remaining <= 0) throw new HttpTimeoutError(`request exceeded its total timeout of ${call.totalMs} ms`, { ...call.details(), attempts: attempt - 1 });
    const limitMs = Math.max(1, Math.floor(Math.min(call.attemptMs, remaining)));
    const byTotal = limitMs < call.attemptMs;
    let result: AttemptResult;
    try {
      result = await sendAttempt({ ...call.attempt, limitMs });
    } catch (error) {
      const failure = error instanceof AttemptFailure ? error : new AttemptFailure("network", String(error), error);
      const typed = toError(failure, attempt, byTotal, call);
      const retryable = failure.kind === "timeout" ? !byTotal : failure.kind === "network" && policy.errorCodes.includes(errorCode(failure.cause) ?? "");
      call.log.log("debug", () => ["http attempt failed", { ...call.logFields(), attempt, error: typed.message }]);
      if (!retryable || attempt >= maxAttempts) throw typed;
      await wait(backoffDelay(policy, attempt), signal, call, attempt);
      continue;
    }
    let note: string | undefined;
    if (policy.statusCodes.includes(result.status)) {
      const retryAfter = parseRetryAfterHeader(result.headers["retry-after"]);
      if (attempt >= maxAttempts) {
        note = call.idempotent ? `gave up after ${attempt} attempts` : `not retried: this ${call.attempt.method} is not marked idempotent (a repeat could apply it twice)`;
      } else if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
        note = `not retried: Retry-After ${seconds(retryAfter)} is more than the ${seconds(policy.maxRetryAfterMs)} the retry policy waits`;
      } else {
        const delay = Math.max(backoffDelay(policy, attempt), retryAfter ?? 0);
        if (performance.now() + delay < call.deadline) {
          call.log.log("debug", () => ["http attempt retried", { ...call.logFields(), status: result.status, attempt, delayMs: delay }]);
          await wait(delay, signal, call, attempt);
          continue;
        }
        note = `not retried: waiting ${seconds(delay)} would pass the total timeout of ${call.totalMs} ms`;
      }
    }
    return { ...result, attempts: attempt, note };
  }
}

function toError(failure: AttemptFailure, attempt: number, byTotal: boolean, call: RetryCall): HttpCoreError {
  const details = { ...call.details(), attempts: attempt, cause: failure.cause ?? failure };
  switch (failure.kind) {
    case "abort":
      return new HttpAbortError("request aborted by the caller", details);
    case "timeout":
      return byTotal
        ? new HttpTimeoutError(`request exceeded its total timeout of ${call.totalMs} ms`, details)
        : new HttpTimeoutError(`attempt ${attempt} exceeded its timeout of ${call.attemptMs} ms (${failure.message})`, details);
    case "too-large":
      return new ResponseTooLargeError(failure.message, details);
    case "decode":
      return new ResponseDecodeError(failure.message, details);
    default:
      return new HttpConnectionError(failure.message, details);
  }
}

function wait(ms: number, signal: AbortSignal | undefined, call: RetryCall, attempt: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new HttpAbortError("request aborted by the caller", { ...call.details(), attempts: attempt, cause: signal?.reason }));
    };
    if (signal?.aborted) return onAbort();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
