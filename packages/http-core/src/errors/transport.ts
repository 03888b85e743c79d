// What can go wrong between the request and a usable answer: connection, time, size, encoding,
// shape, and a replay without a recording.
import { DEFAULT_REDACTOR } from "../internal/default-redactor.js";
import { HttpCoreError, type HttpCoreErrorDetails } from "./base.js";

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
 * @group Errors
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
 * @group Errors
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
 * @group Errors
 */
export class HttpAbortError extends HttpCoreError {}
/**
 * The client (or the SDK connection it belongs to) was closed with `close()`: nothing is sent, and
 * nothing answered from a recording either. Create a new client to go on.
 *
 * @example
 * ```ts
 * await client.close();
 * await client.request({ method: "GET", url: "/x" }).catch((error: unknown) => {
 *   if (error instanceof ClientClosedError) console.log("create a new client");
 * });
 * ```
 * @group Errors
 */
export class ClientClosedError extends HttpCoreError {}
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
 * @group Errors
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
 * @group Errors
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
 * @group Errors
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
 * @group Errors
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
