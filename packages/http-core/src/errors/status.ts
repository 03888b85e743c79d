// Status errors: one factory keyed on status, and classes that match by status.
import { parseRetryAfterHeader } from "../internal/retry-after.js";
import type { RedactedRequest, Redactor } from "../redactor.js";
import { DEFAULT_REDACTOR } from "../internal/default-redactor.js";
import { HttpCoreError, type HttpCoreErrorDetails } from "./base.js";

/** What {@link HttpStatusError.fromResponse} reads from a response. */
export interface StatusResponse {
  /** HTTP status. */
  status: number;
  /** The body text. */
  body: string;
  /** Attempts made. */
  attempts: number;
  /** The request. */
  request: RedactedRequest;
  /** Response headers, lower-case names. */
  headers: Readonly<Record<string, string>>;
}

/** Options of {@link HttpStatusError.fromResponse}. */
export interface FromResponseOptions {
  /** Masks secrets. */
  redactor?: Redactor | undefined;
  /** The SDK operation. */
  operation?: string | undefined;
  /** Why the call was not retried (e.g. a `Retry-After` above the cap), added to the message. */
  note?: string | undefined;
}

/**
 * A response arrived with a status the caller did not accept (non-2xx by default). The status
 * classes below match by status: `error instanceof HttpNotFoundError` is true for every status
 * error with status 404, whichever SDK built it (a TimeSync JSON 404 and an HTML 404 alike).
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ method: "GET", url: "/times" });
 * } catch (error) {
 *   if (error instanceof HttpStatusError) console.error(error.status, error.retryAfterMs, error.bodyExcerpt);
 * }
 * ```
 * @group Errors
 */
export class HttpStatusError extends HttpCoreError {
  /** How long the server asked to wait (`Retry-After`), in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;

  /**
   * @param message - what went wrong
   * @param details - request, status, body, redactor
   * @param retryAfterMs - the server's `Retry-After`, in milliseconds
   */
  constructor(message: string, details: HttpCoreErrorDetails = {}, retryAfterMs?: number) {
    super(message, details);
    this.retryAfterMs = retryAfterMs;
  }

  /**
   * The one factory keyed on status: picks `HttpRedirectError` (3xx), {@link HttpNotFoundError},
   * {@link HttpRateLimitError}, {@link HttpClientError} or {@link HttpServerError}, and redacts
   * while building.
   *
   * @param res - the response
   * @param options - redactor, operation, and a note on why it was not retried
   * @returns the error (not thrown)
   * @example
   * ```ts
   * const res = await client.request({ method: "GET", url: "/x", throwHttpErrors: false });
   * if (res.status >= 400) throw HttpStatusError.fromResponse(res, { operation: "demo" });
   * ```
   */
  static fromResponse(res: StatusResponse, options: FromResponseOptions = {}): HttpStatusError {
    const s = res.status;
    const redactor = options.redactor ?? DEFAULT_REDACTOR;
    const request = redactor.redactRequest(res.request);
    const tries = res.attempts > 1 ? ` after ${res.attempts} attempts` : "";
    const note = options.note ? ` (${options.note})` : "";
    const details: HttpCoreErrorDetails = {
      request,
      status: s,
      attempts: res.attempts,
      body: res.body,
      requestId: res.headers["x-request-id"],
      redactor: options.redactor,
      operation: options.operation,
    };
    if (s >= 300 && s < 400) {
      const raw = res.headers["location"];
      const location = raw === undefined ? undefined : redactor.redactUrl(raw);
      const to = location === undefined ? "without a location" : `to ${location}`;
      return new HttpRedirectError(`${request.method} ${request.url} answered HTTP ${s}, a redirect ${to}${tries}${note}; redirects are not followed`, details, location);
    }
    const Ctor = s === 404 ? HttpNotFoundError : s === 429 ? HttpRateLimitError : s >= 500 ? HttpServerError : s >= 400 ? HttpClientError : HttpStatusError;
    return new Ctor(`${request.method} ${request.url} answered HTTP ${s}${tries}${note}`, details, parseRetryAfterHeader(res.headers["retry-after"]));
  }
}

// `instanceof` for the status classes below: the class itself matches by status; a subclass an SDK
// derives from one of them matches by prototype, as usual.
function matchesStatus(self: unknown, base: unknown, value: unknown, test: (status: number) => boolean): boolean {
  if (self !== base) return typeof self === "function" && Function.prototype[Symbol.hasInstance].call(self, value);
  return value instanceof HttpStatusError && value.status !== undefined && test(value.status);
}

/**
 * HTTP 4xx: matches every {@link HttpStatusError} with a status from 400 to 499.
 *
 * @example
 * ```ts
 * const error = HttpStatusError.fromResponse({ status: 400, body: "bad", attempts: 1, headers: {}, request: { method: "GET", url: "https://api.example/x" } });
 * error instanceof HttpClientError; // true
 * ```
 * @group Errors
 */
export class HttpClientError extends HttpStatusError {
  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpClientError, value, (s) => s >= 400 && s < 500);
  }
}
/**
 * HTTP 404: matches every {@link HttpStatusError} with status 404.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getUser("nobody");
 * } catch (error) {
 *   if (error instanceof HttpNotFoundError) console.log("no such page or object");
 * }
 * ```
 * @group Errors
 */
export class HttpNotFoundError extends HttpClientError {
  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpNotFoundError, value, (s) => s === 404);
  }
}
/**
 * HTTP 429: matches every {@link HttpStatusError} with status 429; see `retryAfterMs`.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ method: "GET", url: "/x" });
 * } catch (error) {
 *   if (error instanceof HttpRateLimitError) console.log(`try again in ${(error.retryAfterMs ?? 1000) / 1000} s`);
 * }
 * ```
 * @group Errors
 */
export class HttpRateLimitError extends HttpClientError {
  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpRateLimitError, value, (s) => s === 429);
  }
}
/**
 * HTTP 5xx: matches every {@link HttpStatusError} with a status of 500 or more.
 *
 * @example
 * ```ts
 * const error = HttpStatusError.fromResponse({ status: 503, body: "busy", attempts: 3, headers: {}, request: { method: "GET", url: "https://api.example/x" } });
 * error instanceof HttpServerError; // true
 * error.message; // "GET https://api.example/x answered HTTP 503 after 3 attempts"
 * ```
 * @group Errors
 */
export class HttpServerError extends HttpStatusError {
  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpServerError, value, (s) => s >= 500);
  }
}

/**
 * HTTP 3xx: the server redirected. http-core never follows a redirect (the request's secrets would
 * go wherever it points, maybe another host), so by default a 3xx is this error, carrying the
 * redacted `Location`; `throwHttpErrors: false` hands the answer to the caller instead. Matches
 * every {@link HttpStatusError} with a status from 300 to 399.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ method: "GET", url: "/times" });
 * } catch (error) {
 *   if (error instanceof HttpRedirectError) console.error(`moved to ${error.location ?? "?"}: fix the base URL`);
 * }
 * ```
 * @group Errors
 */
export class HttpRedirectError extends HttpStatusError {
  /** Where the server pointed (its `Location` header, secrets masked), when it said. */
  readonly location: string | undefined;

  /**
   * @param message - what went wrong
   * @param details - request, status, body, redactor
   * @param location - the `Location` header, already redacted
   */
  constructor(message: string, details: HttpCoreErrorDetails = {}, location?: string) {
    super(message, details);
    this.location = location;
  }

  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpRedirectError, value, (s) => s >= 300 && s < 400);
  }
}
