import { channel } from "node:diagnostics_channel";
import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { CacheMissError, HttpAbortError, HttpConnectionError, HttpCoreError, HttpStatusError, HttpTimeoutError, type RedactedRequest } from "./errors.js";
import type { CacheableRequest } from "./cache/keys.js";
import type { RecordReplayCache } from "./cache/record-replay-cache.js";
import { flattenHeaders, joinUrl, normaliseForm, normaliseQuery, sleep, withQuery, type FieldValue } from "./internal/encode.js";
import { createLogger, type LevelLogger, type Logger, type LogLevel } from "./logger.js";
import { Redactor } from "./redactor.js";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy, type RetryPolicy } from "./retry.js";

/** HTTP methods the client sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** Time limits of a call, in milliseconds. */
export interface TimeoutOptions {
  /** One attempt (connect + headers + body). Default 30 s. */
  attemptMs?: number;
  /** The whole call, retries and waits included. Default 120 s. */
  totalMs?: number;
}

/** Options of {@link HttpClient}. */
export interface HttpClientOptions {
  /** Base URL that relative request URLs are joined to (its path is kept). */
  baseUrl?: string;
  /** Your own undici dispatcher (proxy, MockAgent, msw bridge); the client then makes no Agent. */
  dispatcher?: Dispatcher;
  /** Keep-alive connections per origin of the client's own Agent (default 16). */
  connections?: number;
  /** Time limits; a number is the per-attempt limit. */
  timeout?: number | TimeoutOptions;
  /** Retry policy, merged over {@link DEFAULT_RETRY_POLICY}. */
  retry?: Partial<RetryPolicy>;
  /** Where request logs go (console, pino, …). */
  logger?: Logger;
  /** Log level; default from `FACILITY_SDK_LOG`, else `info` when a logger is given, else off. */
  logLevel?: LogLevel;
  /** Masks secrets in errors, logs and recordings. */
  redactor?: Redactor;
  /** Record/replay layer. */
  cache?: RecordReplayCache;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** One call of {@link HttpClient.request}. */
export interface RequestOptions {
  /** HTTP method. */
  method: HttpMethod;
  /** Absolute, or relative to `baseUrl` (`""` = the base URL itself). */
  url: string;
  /** Query parameters: arrays repeat the key, booleans are `true`/`false`, undefined is dropped. */
  query?: Readonly<Record<string, FieldValue | readonly FieldValue[]>>;
  /** An `application/x-www-form-urlencoded` body (field order kept). */
  form?: Readonly<Record<string, FieldValue>>;
  /** A JSON body. */
  json?: unknown;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Safe to retry. Default: true for the policy's methods (GET, HEAD, …), false for POST/PATCH. */
  idempotent?: boolean;
  /** Time limits for this call. */
  timeout?: number | TimeoutOptions;
  /** `false` bypasses the cache layer for this call. */
  cache?: boolean;
  /** Default true: a status ≥ 400 throws an {@link HttpStatusError}; false returns the response. */
  throwHttpErrors?: boolean;
}

/** What a call returns. */
export interface HttpResponse {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body text exactly as received (or recorded). */
  body: string;
  /** Whether the answer came from the record/replay cache. */
  fromCache: boolean;
  /** Attempts made (0 for a cache hit). */
  attempts: number;
  /** Duration of the call in milliseconds. */
  durationMs: number;
  /** The request, with secrets masked. */
  request: RedactedRequest;
}

/** The diagnostics channel each finished request is published to (free when nobody subscribes). */
export const REQUEST_CHANNEL = "facility-sdk:request";
const requestChannel = channel(REQUEST_CHANNEL);

const DEFAULT_ATTEMPT_MS = 30_000;
const DEFAULT_TOTAL_MS = 120_000;

interface Prepared {
  method: HttpMethod;
  url: string;
  form: Record<string, string> | undefined;
  query: Record<string, string[]> | undefined;
  json: unknown;
  body: string | undefined;
  headers: Record<string, string>;
}

/**
 * The transport both SDKs share: undici with a keep-alive pool, per-attempt and total timeouts,
 * safe retries, `AbortSignal`, redacting logs and an optional record/replay cache.
 *
 * @example
 * ```ts
 * const client = new HttpClient({ baseUrl: "https://ppms.example/pumapi/", timeout: 10_000 });
 * const res = await client.request({ method: "POST", url: "", form: { action: "getusers", apikey }, idempotent: true });
 * console.log(res.status, res.body);
 * await client.close();
 * ```
 */
export class HttpClient {
  /** The redactor used for errors, logs and recordings (SDKs register their secrets on it). */
  readonly redactor: Redactor;
  /** The level-filtered logger. */
  readonly log: LevelLogger;
  /** The record/replay layer, when configured. */
  readonly cache: RecordReplayCache | undefined;
  /** The resolved retry policy. */
  readonly retryPolicy: RetryPolicy;
  private readonly baseUrl: string | undefined;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeout: Required<TimeoutOptions>;
  private readonly defaultHeaders: Record<string, string>;
  private servedFromCache = false;

  /** Creates a client; no connection is opened until the first request. */
  constructor(options: HttpClientOptions = {}) {
    this.baseUrl = options.baseUrl;
    if (this.baseUrl !== undefined) {
      try {
        new URL(this.baseUrl);
      } catch {
        throw new TypeError(`HttpClient: baseUrl is not an absolute URL: "${this.baseUrl}"`);
      }
    }
    this.redactor = options.redactor ?? new Redactor();
    this.log = createLogger(options.logger, options.logLevel);
    this.cache = options.cache;
    this.retryPolicy = resolveRetryPolicy(options.retry);
    this.timeout = resolveTimeout(options.timeout, { attemptMs: DEFAULT_ATTEMPT_MS, totalMs: DEFAULT_TOTAL_MS });
    this.defaultHeaders = { ...options.headers };
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connections: options.connections ?? 16,
        keepAliveTimeout: 10_000,
        headersTimeout: this.timeout.attemptMs,
        bodyTimeout: this.timeout.attemptMs,
      });
  }

  /** Whether the last completed request was answered from the cache. */
  get lastServedFromCache(): boolean {
    return this.servedFromCache;
  }

  /** Sends one request (see {@link RequestOptions}); retries safe calls on transient faults. */
  async request(options: RequestOptions): Promise<HttpResponse> {
    const started = performance.now();
    const prepared = this.prepare(options);
    const cache = options.cache === false || this.cache?.mode === "passthrough" ? undefined : this.cache;

    if (cache) {
      const cacheable: CacheableRequest = { method: prepared.method, url: prepared.url };
      if (prepared.form) cacheable.form = prepared.form;
      if (prepared.query) cacheable.query = prepared.query;
      if (prepared.json !== undefined) cacheable.json = prepared.json;
      const key = cache.keyFor(cacheable);
      if (key === undefined && cache.mode === "replay") {
        throw new HttpCoreError("replay mode: this request is not cacheable and the network is off", { request: this.redact(prepared) });
      }
      if (key !== undefined && cache.mode !== "record-all") {
        const hit = await cache.read(key);
        if (hit) {
          const res = this.finish(prepared, started, hit.status, {}, hit.body, 0, true, "hit");
          return this.check(res, options);
        }
        if (cache.mode === "replay") {
          const nearest = await cache.nearest(key);
          throw new CacheMissError(cache.filePathFor(key), nearest, { request: this.redact(prepared), attempts: 0 });
        }
      }
      const res = await this.send(prepared, options, started, "miss");
      if (key !== undefined) await cache.write(key, res.status, res.body);
      return this.check(res, options);
    }
    return this.check(await this.send(prepared, options, started, this.cache ? "off" : "off"), options);
  }

  /** Closes the client's own connection pool (an injected dispatcher is left to its owner). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private prepare(options: RequestOptions): Prepared {
    if (options.form !== undefined && options.json !== undefined) throw new TypeError("HttpClient.request: give either form or json, not both");
    const base = joinUrl(this.baseUrl, options.url);
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    const form = options.form === undefined ? undefined : normaliseForm(options.form);
    const query = options.query === undefined ? undefined : normaliseQuery(options.query);
    let body: string | undefined;
    if (form !== undefined) {
      body = new URLSearchParams(form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    }
    return { method: options.method, url: base, form, query, json: options.json, body, headers };
  }

  private redact(p: Prepared): RedactedRequest {
    const out: RedactedRequest = { method: p.method, url: this.redactor.redactUrl(withQuery(p.url, p.query)) };
    if (p.form) out.form = this.redactor.redactForm(p.form);
    if (p.json !== undefined) out.json = this.redactor.redactJson(p.json);
    return out;
  }

  private async send(p: Prepared, options: RequestOptions, started: number, cacheState: "miss" | "off"): Promise<HttpResponse> {
    const policy = this.retryPolicy;
    const timeout = resolveTimeout(options.timeout, this.timeout);
    const idempotent = options.idempotent ?? policy.methods.includes(p.method);
    const maxAttempts = idempotent ? policy.limit + 1 : 1;
    const deadline = started + timeout.totalMs;
    const fullUrl = withQuery(p.url, p.query);
    const userSignal = options.signal;

    for (let attempt = 1; ; attempt++) {
      if (userSignal?.aborted) throw new HttpAbortError("request aborted by the caller", { request: this.redact(p), attempts: attempt - 1, cause: userSignal.reason });
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new HttpTimeoutError(`request exceeded its total timeout of ${timeout.totalMs} ms`, { request: this.redact(p), attempts: attempt - 1 });
      // Attempt limits ride on undici's own timers (no extra AbortController per request), capped by
      // what is left of the total; the caller's signal goes to undici as is.
      const attemptLimit = Math.max(1, Math.floor(Math.min(timeout.attemptMs, remaining)));
      const why = attemptLimit < timeout.attemptMs ? "total" : "attempt";
      let status: number;
      let headers: Record<string, string>;
      let body: string;
      try {
        const res = await undiciRequest(fullUrl, {
          method: p.method,
          headers: p.headers,
          body: p.body ?? null,
          dispatcher: this.dispatcher,
          signal: userSignal ?? null,
          headersTimeout: attemptLimit,
          bodyTimeout: attemptLimit,
        });
        status = res.statusCode;
        headers = flattenHeaders(res.headers);
        body = await res.body.text();
      } catch (error) {
        const timedOut = isTimeoutCode(error);
        const failure = this.classify(error, userSignal?.aborted ? "user" : timedOut ? why : undefined, p, attempt, timeout);
        const retryable = failure instanceof HttpTimeoutError ? why === "attempt" : failure instanceof HttpConnectionError && isRetryableCode(error, policy.errorCodes);
        this.log.log("debug", () => ["http request failed", { method: p.method, url: this.redactor.redactUrl(fullUrl), attempt, error: failure.message, cache: cacheState }]);
        if (!retryable || attempt >= maxAttempts) throw failure;
        await this.wait(backoffDelay(policy, attempt), userSignal, p, attempt);
        continue;
      }

      if (attempt < maxAttempts && policy.statusCodes.includes(status)) {
        const retryAfter = parseRetryAfter(headers["retry-after"]);
        if (retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs) {
          const delay = Math.max(backoffDelay(policy, attempt), retryAfter ?? 0);
          if (performance.now() + delay < deadline) {
            this.log.log("debug", () => ["http request retried", { method: p.method, url: this.redactor.redactUrl(fullUrl), status, attempt, delayMs: delay }]);
            await this.wait(delay, userSignal, p, attempt);
            continue;
          }
        }
      }
      return this.finish(p, started, status, headers, body, attempt, false, cacheState);
    }
  }

  private async wait(ms: number, signal: AbortSignal | undefined, p: Prepared, attempt: number): Promise<void> {
    try {
      await sleep(ms, signal ?? new AbortController().signal);
    } catch (reason) {
      throw new HttpAbortError("request aborted by the caller", { request: this.redact(p), attempts: attempt, cause: reason });
    }
  }

  private classify(error: unknown, why: "attempt" | "total" | "user" | undefined, p: Prepared, attempt: number, timeout: Required<TimeoutOptions>): HttpCoreError {
    const details = { request: this.redact(p), attempts: attempt, cause: error };
    if (why === "user") return new HttpAbortError("request aborted by the caller", details);
    if (why === "attempt") return new HttpTimeoutError(`attempt ${attempt} exceeded its timeout of ${timeout.attemptMs} ms`, details);
    if (why === "total") return new HttpTimeoutError(`request exceeded its total timeout of ${timeout.totalMs} ms`, details);
    const code = errorCode(error);
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
      return new HttpTimeoutError(`attempt ${attempt} timed out (${code})`, details);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new HttpConnectionError(this.redactor.redactText(`connection failed${code ? ` (${code})` : ""}: ${message}`), details);
  }

  private finish(p: Prepared, started: number, status: number, headers: Record<string, string>, body: string, attempts: number, fromCache: boolean, cacheState: "hit" | "miss" | "off"): HttpResponse {
    const durationMs = performance.now() - started;
    this.servedFromCache = fromCache;
    this.cache?.markServed(fromCache);
    const redactor = this.redactor;
    const redact = (): RedactedRequest => this.redact(p);
    this.log.log("debug", () => ["http request", { method: p.method, url: redactor.redactUrl(withQuery(p.url, p.query)), status, durationMs: Math.round(durationMs), attempt: attempts, cache: cacheState }]);
    if (requestChannel.hasSubscribers) requestChannel.publish({ request: redact(), status, durationMs, attempts, cache: cacheState });
    let request: RedactedRequest | undefined;
    return {
      status,
      headers,
      body,
      fromCache,
      attempts,
      durationMs,
      // Redacting costs a URL parse; most callers never look, so it is done on first access.
      get request(): RedactedRequest {
        request ??= redact();
        return request;
      },
    };
  }

  private check(res: HttpResponse, options: RequestOptions): HttpResponse {
    if (res.status >= 400 && options.throwHttpErrors !== false) {
      const err = HttpStatusError.fromResponse(res);
      throw Object.assign(err, { bodyExcerpt: err.bodyExcerpt === undefined ? undefined : this.redactor.redactText(err.bodyExcerpt) });
    }
    return res;
  }
}

function resolveTimeout(value: number | TimeoutOptions | undefined, fallback: Required<TimeoutOptions>): Required<TimeoutOptions> {
  if (value === undefined) return fallback;
  if (typeof value === "number") return { attemptMs: value, totalMs: Math.max(fallback.totalMs, value) };
  return { attemptMs: value.attemptMs ?? fallback.attemptMs, totalMs: value.totalMs ?? fallback.totalMs };
}

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e !== null && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeoutCode(error: unknown): boolean {
  const code = errorCode(error);
  return code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT";
}

function isRetryableCode(error: unknown, codes: readonly string[]): boolean {
  const code = errorCode(error);
  return code !== undefined && codes.includes(code);
}
