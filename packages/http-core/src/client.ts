import { channel } from "node:diagnostics_channel";
import type { Dispatcher } from "undici";
import { ClientClosedError, HttpAbortError, HttpStatusError, InvalidArgumentError, type HttpCoreErrorDetails } from "./errors.js";
import { planCache, type CachePlan } from "./cache/cache-layer.js";
import type { CacheableRequest, CacheKeyFunction } from "./cache/keys.js";
import type { CachePolicy } from "./cache/modes.js";
import type { RecordReplayCache } from "./cache/record-replay-cache.js";
import { joinUrl, normaliseForm, normaliseQuery, withQuery, type FieldValue } from "./internal/encode.js";
import { createLogger, type LevelLogger } from "./logger.js";
import { checkPositive, resolveTimeout } from "./internal/option-checks.js";
import { resolveCache, type TimeoutOptions, type TransportOptions } from "./options.js";
import { Redactor, type RedactedRequest } from "./redactor.js";
import { NotRecorded } from "./not-recorded.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry.js";
import { loadUndici } from "./transport/attempt.js";
import { sendWithRetries } from "./transport/retry-loop.js";

/** HTTP methods the client sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** Options of {@link HttpClient}: the {@link TransportOptions} plus what an SDK sets itself. */
export interface HttpClientOptions extends TransportOptions {
  /** Base URL that relative request URLs are joined to (its path is kept). */
  baseUrl?: string | undefined;
  /** Masks secrets in errors, logs and recordings (the SDK's rules). */
  redactor?: Redactor | undefined;
  /** The key function a `cache` given as a directory or config is built with. */
  cacheKey?: CacheKeyFunction | undefined;
}

/** One call of {@link HttpClient.request}. */
export interface RequestOptions {
  /** HTTP method. */
  method: HttpMethod;
  /** Absolute, or relative to `baseUrl` (`""` = the base URL itself). */
  url: string;
  /** What the SDK calls this operation, e.g. `PUMAPI getuser`; named in logs, traces and errors. */
  operation?: string | undefined;
  /** Query parameters: arrays repeat the key, booleans are `true`/`false`, undefined is dropped. */
  query?: Readonly<Record<string, FieldValue | readonly FieldValue[]>> | undefined;
  /** An `application/x-www-form-urlencoded` body (field order kept). */
  form?: Readonly<Record<string, FieldValue>> | undefined;
  /** A JSON body. */
  json?: unknown;
  /** Extra headers. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
  /** Safe to send twice (retries). Default: the retry policy's methods; a POST only when set. */
  idempotent?: boolean | undefined;
  /** Read-only, so it may be answered from the cache outside `replay`. Default: GET, HEAD, OPTIONS. */
  safe?: boolean | undefined;
  /** A login: never recorded or replayed (see the cache rules). */
  authentication?: boolean | undefined;
  /** Per-call cache policy (default `default`). */
  cache?: CachePolicy | undefined;
  /** Time limits for this call. */
  timeout?: number | TimeoutOptions | undefined;
  /** Default true: a status outside 2xx (a redirect too) throws an {@link HttpStatusError}; false hands it to `accept`. */
  throwHttpErrors?: boolean | undefined;
}

/** What a call returns. */
export interface HttpResponse {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names (empty for a cache hit). */
  headers: Record<string, string>;
  /** The body text, decoded per its charset. */
  body: string;
  /** Whether the answer came from the record/replay cache. */
  fromCache: boolean;
  /** Attempts made (0 for a cache hit). */
  attempts: number;
  /** Duration of the call in milliseconds. */
  durationMs: number;
  /** The operation, when the caller named it. */
  operation: string | undefined;
  /** The request, with secrets masked. */
  readonly request: RedactedRequest;
}

/**
 * What is published on {@link REQUEST_CHANNEL}, once per answered request (from the network or a
 * recording), with secrets already masked.
 */
export interface RequestEvent {
  /** The SDK operation, e.g. `PUMAPI getuser` or `TimeSync getTimes (GET /times)`. */
  operation: string | undefined;
  /** The request, redacted. */
  request: RedactedRequest;
  /** HTTP status of the answer. */
  status: number;
  /** The whole call, retries included, in milliseconds. */
  durationMs: number;
  /** Attempts made; 0 for an answer from a recording. */
  attempts: number;
  /** `hit`: from a recording; `miss`: sent and recorded; `off`: no recording involved. */
  cache: "hit" | "miss" | "off";
}

/**
 * The diagnostics channel each answered request is published to as a {@link RequestEvent} (free
 * when nobody subscribes).
 *
 * @example
 * ```ts
 * import { subscribe } from "node:diagnostics_channel";
 *
 * subscribe(REQUEST_CHANNEL, (message) => {
 *   const event = message as RequestEvent;
 *   console.log(event.operation, event.status, Math.round(event.durationMs), event.cache);
 * });
 * ```
 */
export const REQUEST_CHANNEL = "facility-sdk:request";
const requestChannel = channel(REQUEST_CHANNEL);

/** A response whose redacted request is built on first access (redacting costs a URL parse, and most callers never look). */
class Answer implements HttpResponse {
  #request: RedactedRequest | undefined;
  readonly #redact: (p: Prepared) => RedactedRequest;
  readonly #prepared: Prepared;

  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: string,
    readonly fromCache: boolean,
    readonly attempts: number,
    readonly durationMs: number,
    readonly operation: string | undefined,
    redact: (p: Prepared) => RedactedRequest,
    prepared: Prepared,
  ) {
    this.#redact = redact;
    this.#prepared = prepared;
  }

  get request(): RedactedRequest {
    this.#request ??= this.#redact(this.#prepared);
    return this.#request;
  }
}

const isPromiseLike = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"];
const proxyInEnv = (): boolean => PROXY_VARIABLES.some((name) => (process.env[name] ?? "") !== "");

const DEFAULT_TIMEOUT = { attemptMs: 30_000, totalMs: 120_000 };
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

interface Prepared extends CacheableRequest {
  method: HttpMethod;
  form: Record<string, string> | undefined;
  query: Record<string, string[]> | undefined;
  operation: string | undefined;
}

/**
 * The transport both SDKs share. One call, {@link HttpClient.request}, runs these steps, each its own
 * module: prepare the request; ask the record/replay rules (`cache/cache-layer.ts`); send with
 * retries (`transport/retry-loop.ts`), one attempt at a time over undici (`transport/attempt.ts`,
 * which enforces time and size limits and decodes the body); check the status; let the SDK
 * accept the answer; and only then record it.
 *
 * @example
 * ```ts
 * const client = new HttpClient({ baseUrl: "https://rpc.example/api/", timeout: 10_000 });
 * const names = await client.request(
 *   { method: "POST", url: "", form: { action: "list" }, operation: "list", idempotent: true, safe: true },
 *   (res) => res.body.split("\r\n").filter(Boolean),
 * );
 * await client.close();
 * ```
 */
export class HttpClient {
  /** The redactor used for errors, logs and recordings (SDKs register their secrets on it). */
  readonly redactor: Redactor;
  /** The level-filtered logger. */
  readonly log: LevelLogger;
  /** The record/replay cache, when configured. */
  readonly cache: RecordReplayCache | undefined;
  /** The resolved retry policy. */
  readonly retryPolicy: RetryPolicy;
  readonly #baseUrl: string | undefined;
  readonly #timeout: { attemptMs: number; totalMs: number };
  readonly #headers: Readonly<Record<string, string>>;
  readonly #maxBytes: number;
  readonly #fallbackCharset: "latin1" | undefined;
  readonly #connections: number;
  readonly #ownsDispatcher: boolean;
  readonly #proxyFromEnv: boolean;
  #dispatcher: Dispatcher | undefined;
  #closed = false;
  // Made once, not per call: a hit allocates no closure (the build names each closure it makes).
  readonly #redactFn = (p: Prepared): RedactedRequest => this.#redact(p);
  readonly #detailsOf = (req: CacheableRequest): HttpCoreErrorDetails => this.#details(req as Prepared);

  /** Creates a client; options are checked here, and no connection is opened (nor undici loaded) until the first request. */
  constructor(options: HttpClientOptions = {}) {
    if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
      throw new InvalidArgumentError("baseUrl", `is not an absolute URL: "${options.baseUrl}"`);
    }
    checkPositive(options.maxResponseBytes, "maxResponseBytes", true);
    checkPositive(options.connections, "connections", true);
    if (options.fallbackCharset !== undefined && options.fallbackCharset !== "latin1") throw new InvalidArgumentError("fallbackCharset", 'must be "latin1"');
    if (options.proxyFromEnv !== undefined && typeof options.proxyFromEnv !== "boolean") throw new InvalidArgumentError("proxyFromEnv", "must be true or false");
    this.#proxyFromEnv = options.proxyFromEnv ?? true;
    this.#baseUrl = options.baseUrl;
    this.redactor = options.redactor ?? new Redactor();
    this.log = createLogger(options.logger, options.logLevel);
    this.retryPolicy = resolveRetryPolicy(options.retry);
    this.#timeout = resolveTimeout(options.timeout, DEFAULT_TIMEOUT);
    this.#headers = { ...options.headers };
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#fallbackCharset = options.fallbackCharset;
    this.#connections = options.connections ?? 16;
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher;
    if (options.cache !== undefined && typeof options.cache !== "object" && options.cacheKey === undefined) {
      throw new InvalidArgumentError("cache", "a cache directory needs a key function (cacheKey), or pass a RecordReplayCache");
    }
    this.cache = options.cache === undefined ? undefined : resolveCache(options.cache, { key: options.cacheKey as CacheKeyFunction, redactor: this.redactor, logger: this.log });
  }

  /**
   * Sends one request (see {@link RequestOptions}) and returns the response. A 2xx answer from the
   * server is recorded when the cache records.
   *
   * @example
   * ```ts
   * const res = await client.request({ method: "GET", url: "/times", query: { user: ["pat", "sam"] } });
   * console.log(res.status, res.fromCache, res.body.length);
   * ```
   */
  request(options: RequestOptions): Promise<HttpResponse>;
  /**
   * Sends one request and hands the response to `accept` (the SDK's parser); the answer is
   * recorded only when `accept` returns, so nothing the SDK rejected is ever recorded. An `accept`
   * that returns {@link notRecorded}`(value)` hands `value` back and records nothing.
   */
  request<T>(options: RequestOptions, accept: (res: HttpResponse) => T | NotRecorded<T> | Promise<T | NotRecorded<T>>): Promise<T>;
  async request<T>(options: RequestOptions, accept?: (res: HttpResponse) => T | NotRecorded<T> | Promise<T | NotRecorded<T>>): Promise<T | HttpResponse> {
    const started = performance.now();
    const p = this.#prepare(options);
    if (this.#closed) throw new ClientClosedError("the client was closed; create a new one", { ...this.#details(p), attempts: 0 });
    // Checked before the cache too: an aborted call never answers, not even from disk.
    if (options.signal?.aborted) throw new HttpAbortError("request aborted by the caller", { ...this.#details(p), attempts: 0, cause: options.signal.reason });
    const plan: CachePlan =
      this.cache === undefined
        ? {}
        : planCache(this.cache, p, {
            safe: options.safe ?? SAFE_METHODS.has(p.method),
            authentication: options.authentication === true,
            policy: options.cache ?? "default",
            details: this.#detailsOf,
          });
    let res: HttpResponse;
    let note: string | undefined;
    if (plan.hit !== undefined) {
      res = this.#finish(p, started, plan.hit.status, {}, plan.hit.body, 0, "hit");
    } else {
      const sent = await this.#send(p, options, started, () => this.#details(p));
      note = sent.note;
      res = this.#finish(p, started, sent.status, sent.headers, sent.body, sent.attempts, plan.recordAs ? "miss" : "off");
    }
    const recordAs = plan.recordAs;
    try {
      // Any non-2xx, redirects included (they are never followed: the secrets would go along).
      if ((res.status < 200 || res.status >= 300) && options.throwHttpErrors !== false) {
        throw HttpStatusError.fromResponse(res, { redactor: this.redactor, operation: p.operation, note });
      }
      // Awaited only when it is a promise: a synchronous parse costs no extra turn of the event loop.
      const out = accept === undefined ? res : accept(res);
      const value = isPromiseLike(out) ? await out : out;
      // The SDK accepted the answer but asked that it not be recorded (see NotRecorded).
      if (value instanceof NotRecorded) return value.value as T;
      // The client's redactor holds the SDK's rules and secrets; a cache built elsewhere adds its own.
      if (recordAs !== undefined && (res.status < 300 || this.cache?.recordFaults)) this.cache?.record(recordAs, res.status, this.redactor.redactText(res.body));
      return value;
    } catch (error) {
      if (recordAs !== undefined && this.cache?.recordFaults) this.cache.record(recordAs, res.status, this.redactor.redactText(res.body));
      throw error;
    }
  }

  /**
   * Closes the client's own connection pool (an injected dispatcher is left to its owner).
   *
   * @example
   * ```ts
   * const http = new HttpClient({ baseUrl: "https://api.example/" });
   * try {
   *   await http.request({ method: "GET", url: "/ping" });
   * } finally {
   *   await http.close();
   * }
   * ```
   */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#ownsDispatcher && this.#dispatcher !== undefined) await this.#dispatcher.close();
  }

  #prepare(options: RequestOptions): Prepared {
    if (options.form !== undefined && options.json !== undefined) throw new InvalidArgumentError("request", "give either form or json, not both");
    const p: Prepared = {
      method: options.method,
      url: joinUrl(this.#baseUrl, options.url),
      form: options.form === undefined ? undefined : normaliseForm(options.form),
      query: options.query === undefined ? undefined : normaliseQuery(options.query),
      operation: options.operation,
    };
    if (options.json !== undefined) p.json = options.json;
    return p;
  }

  #details(p: Prepared): HttpCoreErrorDetails {
    return { request: this.#redact(p), redactor: this.redactor, operation: p.operation };
  }

  #redact(p: Prepared): RedactedRequest {
    const out: RedactedRequest = { method: p.method, url: this.redactor.redactUrl(withQuery(p.url, p.query)) };
    if (p.form) out.form = this.redactor.redactForm(p.form);
    if (p.json !== undefined) out.json = this.redactor.redactJson(p.json);
    return out;
  }

  async #send(p: Prepared, options: RequestOptions, started: number, details: () => HttpCoreErrorDetails) {
    const headers: Record<string, string> = { ...this.#headers, ...options.headers };
    let body: string | undefined;
    if (p.form !== undefined) {
      body = new URLSearchParams(p.form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (p.json !== undefined) {
      body = JSON.stringify(p.json);
      headers["content-type"] = "application/json";
    }
    const timeout = options.timeout === undefined ? this.#timeout : resolveTimeout(options.timeout, this.#timeout, "request.timeout");
    const url = withQuery(p.url, p.query);
    return sendWithRetries({
      attempt: {
        url,
        method: p.method,
        headers,
        body,
        dispatcher: this.#dispatcher ?? (await this.#ownDispatcher()),
        signal: options.signal,
        maxBytes: this.#maxBytes,
        fallbackCharset: this.#fallbackCharset,
      },
      idempotent: options.idempotent ?? this.retryPolicy.methods.includes(p.method),
      policy: this.retryPolicy,
      attemptMs: timeout.attemptMs,
      totalMs: timeout.totalMs,
      deadline: started + timeout.totalMs,
      log: this.log,
      logFields: () => ({ operation: p.operation, method: p.method, url: this.redactor.redactUrl(url) }),
      details,
    });
  }

  async #ownDispatcher(): Promise<Dispatcher> {
    const { Agent, EnvHttpProxyAgent } = await loadUndici();
    const options = { connections: this.#connections, keepAliveTimeout: 10_000 };
    // A proxy for http:// targets gets plain forwarded requests (as curl sends them); https:// ones are tunnelled.
    this.#dispatcher ??= this.#proxyFromEnv && proxyInEnv() ? new EnvHttpProxyAgent({ ...options, proxyTunnel: false }) : new Agent(options);
    return this.#dispatcher;
  }

  #finish(p: Prepared, started: number, status: number, headers: Record<string, string>, body: string, attempts: number, cache: "hit" | "miss" | "off"): HttpResponse {
    const durationMs = performance.now() - started;
    const operation = p.operation;
    if (this.log.enabled("debug")) this.log.log("debug", () => ["http request", { operation, method: p.method, url: this.#redact(p).url, status, durationMs: Math.round(durationMs), attempts, cache }]);
    if (requestChannel.hasSubscribers) requestChannel.publish({ operation, request: this.#redact(p), status, durationMs, attempts, cache } satisfies RequestEvent);
    return new Answer(status, headers, body, cache === "hit", attempts, durationMs, operation, this.#redactFn, p);
  }
}
