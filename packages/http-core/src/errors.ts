/**
 * The one error tree of the facility SDKs. Every error http-core, pyppms-ts or timesync-ts throws is a
 * {@link FacilitySdkError}; errors about a request are {@link HttpCoreError}s, built with a
 * {@link Redactor} so that secrets are masked in the constructor, before anything can read them.
 */
import { parseRetryAfterHeader } from "./internal/retry-after.js";
import { Redactor, type RedactedRequest } from "./redactor.js";

export type { RedactedRequest } from "./redactor.js";

/** Options every {@link FacilitySdkError} takes. */
export interface FacilitySdkErrorOptions {
  /** The SDK operation that failed, e.g. `PUMAPI getuser` or `TimeSync getTimes (GET /times)`. */
  operation?: string | undefined;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The root of every error the facility SDKs throw: catch this to catch them all.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getUser("jdoe");
 * } catch (error) {
 *   if (error instanceof FacilitySdkError) console.error(error.operation, error.message);
 * }
 * ```
 */
export class FacilitySdkError extends Error {
  /** The SDK operation that failed (PUMAPI action, TimeSync method and path), when known. */
  readonly operation: string | undefined;

  /**
   * @param message - what went wrong (must not hold a secret)
   * @param options - the operation and the cause
   */
  constructor(message: string, options: FacilitySdkErrorOptions = {}) {
    const op = options.operation;
    super(op && !message.startsWith(op) ? `${op}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.operation = options.operation;
  }
}

/** Options of {@link InvalidArgumentError}. */
export interface InvalidArgumentErrorOptions extends FacilitySdkErrorOptions {
  /** How to fix it, e.g. `did you mean "dateWorked"?`. */
  hint?: string | undefined;
}

/**
 * An argument or option was rejected locally, before any request was sent. Both SDKs' argument
 * errors extend it, so one `catch` handles bad input from either.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.setSystemBookingPermissions("jdoe", 31, "X" as never);
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) console.error(error.field, error.problem, error.hint);
 * }
 * ```
 */
export class InvalidArgumentError extends FacilitySdkError {
  /** The argument, option or field that is wrong (a dotted path such as `options.timeout.totalMs`). */
  readonly field: string;
  /** What is wrong with it (never holds a secret value). */
  readonly problem: string;
  /** How to fix it, when there is a likely fix. */
  readonly hint: string | undefined;

  /**
   * @param field - the argument, option or field that is wrong
   * @param problem - what is wrong with it
   * @param options - a hint, the operation and the cause
   */
  constructor(field: string, problem: string, options: InvalidArgumentErrorOptions = {}) {
    super(`Invalid ${field}: ${problem}${options.hint ? ` (${options.hint})` : ""}`, options);
    this.field = field;
    this.problem = problem;
    this.hint = options.hint;
  }
}

/** What an {@link HttpCoreError} is built from. Raw values are fine: the constructor redacts them. */
export interface HttpCoreErrorDetails extends FacilitySdkErrorOptions {
  /** The request (redacted again here, so a raw or an already redacted one both work). */
  request?: RedactedRequest | undefined;
  /** HTTP status, when a response was received. */
  status?: number | undefined;
  /** How many attempts were made (1 = no retry). */
  attempts?: number | undefined;
  /** The response body (raw): its start is kept, redacted, as {@link HttpCoreError.bodyExcerpt}. */
  body?: string | undefined;
  /** A request id from the response headers, when the server sent one. */
  requestId?: string | undefined;
  /** Masks secrets; default: a redactor that knows the common secret names only. */
  redactor?: Redactor | undefined;
}

const DEFAULT_REDACTOR = new Redactor();
const EXCERPT_LENGTH = 200;
// Redact a window larger than the excerpt, so a secret cut by the excerpt was masked whole first.
const REDACT_WINDOW = 8192;

/**
 * An error about one request: the transport's (connection, timeout, status, size, encoding) and the
 * SDKs' answer errors. Method, URL, form and JSON body, message and body excerpt are all redacted
 * by the constructor.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ method: "GET", url: "/x", operation: "demo" });
 * } catch (error) {
 *   if (error instanceof HttpCoreError) console.error(error.operation, error.method, error.url, error.status, error.bodyExcerpt);
 * }
 * ```
 */
export class HttpCoreError extends FacilitySdkError {
  /** HTTP method of the request ("" when unknown). */
  readonly method: string;
  /** Redacted URL of the request ("" when unknown). */
  readonly url: string;
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;
  /** Attempts made before giving up. */
  readonly attempts: number;
  /** Redacted start of the response body. */
  readonly bodyExcerpt: string | undefined;
  /** Server request id, when known. */
  readonly requestId: string | undefined;
  /** The redacted request. */
  readonly request: RedactedRequest | undefined;

  /**
   * @param message - what went wrong (redacted here too)
   * @param details - request, status, body and the redactor that masks them
   */
  constructor(message: string, details: HttpCoreErrorDetails = {}) {
    const redactor = details.redactor ?? DEFAULT_REDACTOR;
    const request = details.request === undefined ? undefined : redactor.redactRequest(details.request);
    const where = request !== undefined && !message.includes(request.url) ? ` (${request.method} ${request.url})` : "";
    super(redactor.redactText(message) + where, details);
    this.request = request;
    this.method = this.request?.method ?? "";
    this.url = this.request?.url ?? "";
    this.status = details.status;
    this.attempts = details.attempts ?? 1;
    this.bodyExcerpt = details.body === undefined ? undefined : excerpt(redactor.redactText(details.body.slice(0, REDACT_WINDOW)));
    this.requestId = details.requestId;
  }
}

/**
 * The first characters of a text, for error messages.
 *
 * @example
 * ```ts
 * excerpt("x".repeat(300)).length; // 201: the first 200 characters and "…"
 * ```
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

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
   * The one factory keyed on status: picks {@link HttpNotFoundError}, {@link HttpRateLimitError},
   * {@link HttpClientError} or {@link HttpServerError}, and redacts while building.
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
    const Ctor = s === 404 ? HttpNotFoundError : s === 429 ? HttpRateLimitError : s >= 500 ? HttpServerError : s >= 400 ? HttpClientError : HttpStatusError;
    const retryAfter = parseRetryAfterHeader(res.headers["retry-after"]);
    const tries = res.attempts > 1 ? ` after ${res.attempts} attempts` : "";
    const note = options.note ? ` (${options.note})` : "";
    const request = (options.redactor ?? DEFAULT_REDACTOR).redactRequest(res.request);
    return new Ctor(`${request.method} ${request.url} answered HTTP ${s}${tries}${note}`, {
      request,
      status: s,
      attempts: res.attempts,
      body: res.body,
      requestId: res.headers["x-request-id"],
      redactor: options.redactor,
      operation: options.operation,
    }, retryAfter);
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
 */
export class HttpServerError extends HttpStatusError {
  /** Matches by status (see {@link HttpStatusError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return matchesStatus(this, HttpServerError, value, (s) => s >= 500);
  }
}
/**
 * The connection failed (refused, reset, DNS, TLS), or the body ended before it was complete.
 *
 * @example
 * ```ts
 * const healthy = await client.request({ method: "GET", url: "/ping" }).then(
 *   () => true,
 *   (error: unknown) => !(error instanceof HttpConnectionError),
 * );
 * ```
 */
export class HttpConnectionError extends HttpCoreError {}
/**
 * An attempt or the whole call ran out of time (the total deadline holds while a body streams).
 *
 * @example
 * ```ts
 * const client2 = new HttpClient({ baseUrl: "https://api.example/", timeout: { attemptMs: 5_000, totalMs: 20_000 } });
 * await client2.request({ method: "GET", url: "/slow" }).catch((error: unknown) => {
 *   if (error instanceof HttpTimeoutError) console.error(error.message); // names the limit that ran out
 * });
 * ```
 */
export class HttpTimeoutError extends HttpCoreError {}
/**
 * The caller's `AbortSignal` aborted the call.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1_000);
 * await client.request({ method: "GET", url: "/x", signal: controller.signal }).catch((error: unknown) => {
 *   if (error instanceof HttpAbortError) console.log("cancelled");
 * });
 * ```
 */
export class HttpAbortError extends HttpCoreError {}
/**
 * The answer was larger than `maxResponseBytes`; it was cut off, never retried and never recorded.
 *
 * @example
 * ```ts
 * const small = new HttpClient({ baseUrl: "https://api.example/", maxResponseBytes: 1024 * 1024 });
 * await small.request({ method: "GET", url: "/export" }).catch((error: unknown) => {
 *   if (error instanceof ResponseTooLargeError) console.error("ask for less: a page, a date range");
 * });
 * ```
 */
export class ResponseTooLargeError extends HttpCoreError {}
/**
 * The answer's bytes are not valid in its charset (or the charset is unknown); nothing is replaced.
 *
 * @example
 * ```ts
 * const lenient = new HttpClient({ baseUrl: "https://legacy.example/", fallbackCharset: "latin1" }); // instead of a ResponseDecodeError
 * await lenient.request({ method: "GET", url: "/names" });
 * ```
 */
export class ResponseDecodeError extends HttpCoreError {}

/** Extra details of a {@link ResponseParseError}. */
export interface ResponseParseErrorDetails extends HttpCoreErrorDetails {
  /** Validation issues, each a readable line. */
  issues?: readonly string[] | undefined;
}

/**
 * An answer could not be parsed, or did not have the shape the operation expects. The SDKs'
 * answer-shape errors extend it.
 *
 * @example
 * ```ts
 * const ids = await client.request({ method: "GET", url: "/ids", operation: "API ids" }, (res) => {
 *   if (!/^[\d\r\n]*$/.test(res.body)) throw new ResponseParseError("expected one id per line", { operation: res.operation, request: res.request, body: res.body });
 *   return res.body.split(/\r?\n/).filter(Boolean).map(Number);
 * });
 * ```
 */
export class ResponseParseError extends HttpCoreError {
  /** Readable validation issues (redacted). */
  readonly issues: readonly string[];
  /**
   * @param message - what does not fit
   * @param details - request, body, issues and the redactor
   */
  constructor(message: string, details: ResponseParseErrorDetails = {}) {
    super(message, details);
    const redactor = details.redactor ?? DEFAULT_REDACTOR;
    this.issues = (details.issues ?? []).map((issue) => redactor.redactText(issue));
  }
}

/** The closest recorded request to a cache miss. */
export interface NearestRecording {
  /** The recorded file. */
  file: string;
  /** Parameters that differ, as `name: wanted ≠ recorded`. */
  differences: string[];
}

/**
 * Replay mode found no recorded answer for a request (or the request may not be replayed).
 *
 * @example
 * ```ts
 * await ppms.getUser("jdoe").catch((error: unknown) => {
 *   if (error instanceof CacheMissError) console.error(error.expectedFile, error.nearest?.differences);
 * });
 * ```
 */
export class CacheMissError extends HttpCoreError {
  /** The file that would have answered the request ("" when the request may never be replayed). */
  readonly expectedFile: string;
  /** The closest recording in the same folder, when there is one. */
  readonly nearest: NearestRecording | undefined;
  /**
   * @param message - why there is no answer (the nearest recording is appended)
   * @param expectedFile - the file that would have answered
   * @param nearest - the closest recording
   * @param details - request, operation, redactor
   */
  constructor(message: string, expectedFile: string, nearest: NearestRecording | undefined, details: HttpCoreErrorDetails = {}) {
    const hint = nearest ? `; nearest recording ${nearest.file} differs in ${nearest.differences.join(", ")}` : "";
    super(`${message}${hint}`, { attempts: 0, ...details });
    this.expectedFile = expectedFile;
    this.nearest = nearest;
  }
}
