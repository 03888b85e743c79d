// The root of the error tree and the request error every other one builds on.
import { DEFAULT_REDACTOR } from "../internal/default-redactor.js";
import type { RedactedRequest, Redactor } from "../redactor.js";

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
 * @group Errors
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
 * @group Errors
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
 * @group Errors
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
