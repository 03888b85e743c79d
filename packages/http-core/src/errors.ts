/**
 * Typed errors of http-core. Every field is redacted when the error is built, so nothing downstream
 * (logs, error reporters, snapshots) can leak a secret.
 */

/** The request an error or log line refers to, with secrets already masked. */
export interface RedactedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Absolute URL with secret query parameters masked. */
  url: string;
  /** Form fields with secret values masked, when the request had a form body. */
  form?: Record<string, string>;
  /** JSON body with secret paths masked, when the request had a JSON body. */
  json?: unknown;
}

/** Fields every {@link HttpCoreError} carries. */
export interface HttpCoreErrorDetails {
  /** The redacted request. */
  request?: RedactedRequest;
  /** HTTP status, when a response was received. */
  status?: number;
  /** How many attempts were made (1 = no retry). */
  attempts?: number;
  /** The first characters of the response body, redacted. */
  bodyExcerpt?: string;
  /** A request id from the response headers (`x-request-id`), when the server sent one. */
  requestId?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Base class of every error thrown by http-core and the SDKs built on it.
 *
 * @example
 * ```ts
 * try { await client.request({ method: "GET", url: "/x" }); }
 * catch (e) { if (e instanceof HttpCoreError) console.error(e.method, e.url, e.status); }
 * ```
 */
export class HttpCoreError extends Error {
  /** HTTP method of the failed request ("" when unknown). */
  readonly method: string;
  /** Redacted URL of the failed request ("" when unknown). */
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

  /** Builds the error; `details` must already be redacted (http-core's own call sites do that). */
  constructor(message: string, details: HttpCoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.request = details.request;
    this.method = details.request?.method ?? "";
    this.url = details.request?.url ?? "";
    this.status = details.status;
    this.attempts = details.attempts ?? 1;
    this.bodyExcerpt = details.bodyExcerpt;
    this.requestId = details.requestId;
  }
}

/** A response arrived with a status the caller did not accept (non-2xx by default). */
export class HttpStatusError extends HttpCoreError {
  /**
   * The one factory keyed on status: picks the subclass for `status`.
   *
   * @example
   * ```ts
   * const res = await client.request({ method: "GET", url: "/x", throwHttpErrors: false });
   * if (res.status >= 400) throw HttpStatusError.fromResponse(res);
   * ```
   */
  static fromResponse(res: {
    status: number;
    body: string;
    attempts: number;
    request: RedactedRequest;
    headers: Record<string, string>;
  }): HttpStatusError {
    const Ctor =
      res.status === 404
        ? HttpNotFoundError
        : res.status === 429
          ? HttpRateLimitError
          : res.status >= 500
            ? HttpServerError
            : res.status >= 400
              ? HttpClientError
              : HttpStatusError;
    const requestId = res.headers["x-request-id"];
    return new Ctor(`${res.request.method} ${res.request.url} answered HTTP ${res.status}`, {
      request: res.request,
      status: res.status,
      attempts: res.attempts,
      bodyExcerpt: excerpt(res.body),
      ...(requestId === undefined ? {} : { requestId }),
    });
  }
}
/** HTTP 4xx. */
export class HttpClientError extends HttpStatusError {}
/** HTTP 404. */
export class HttpNotFoundError extends HttpClientError {}
/** HTTP 429. */
export class HttpRateLimitError extends HttpClientError {}
/** HTTP 5xx. */
export class HttpServerError extends HttpStatusError {}
/** The connection failed (refused, reset, DNS, TLS). */
export class HttpConnectionError extends HttpCoreError {}
/** An attempt or the whole call ran out of time. */
export class HttpTimeoutError extends HttpCoreError {}
/** The caller's AbortSignal aborted the call. */
export class HttpAbortError extends HttpCoreError {}

/** Extra details of a {@link ResponseParseError}. */
export interface ResponseParseErrorDetails extends HttpCoreErrorDetails {
  /** Validation issues (e.g. zod issues), each a readable line. */
  issues?: string[];
}

/** A response body could not be parsed or did not fit the expected shape. */
export class ResponseParseError extends HttpCoreError {
  /** Readable validation issues, when the failure came from a schema. */
  readonly issues: string[];
  /** Builds the error; pass a redacted request. */
  constructor(message: string, details: ResponseParseErrorDetails = {}) {
    super(message, details);
    this.issues = details.issues ?? [];
  }
}

/** The closest recorded request to a cache miss. */
export interface NearestRecording {
  /** The recorded file. */
  file: string;
  /** Parameters that differ, as `name: expected ≠ recorded`. */
  differences: string[];
}

/** Replay mode found no recorded response for a request. */
export class CacheMissError extends HttpCoreError {
  /** The file that would have answered the request. */
  readonly expectedFile: string;
  /** The closest recorded request in the same folder, when there is one. */
  readonly nearest: NearestRecording | undefined;
  /** Builds the error. */
  constructor(expectedFile: string, nearest: NearestRecording | undefined, details: HttpCoreErrorDetails = {}) {
    const hint = nearest ? `; nearest recording ${nearest.file} differs in ${nearest.differences.join(", ")}` : "";
    super(`replay mode: no recorded response at ${expectedFile}${hint}`, details);
    this.expectedFile = expectedFile;
    this.nearest = nearest;
  }
}

const EXCERPT_LENGTH = 200;
/** The first characters of a body, for error messages. */
export function excerpt(body: string): string {
  return body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH)}…` : body;
}
