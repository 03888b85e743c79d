import { type CachePolicy, type FieldValue, HttpAbortError, type HttpClient, HttpStatusError, type HttpResponse, type Redactor, type RequestOptions } from "@facility-sdk/http-core";
import { TimeSyncApiError, TimeSyncNotAuthenticatedError } from "../errors.js";
import { checkBodySize } from "./body-size.js";
import { readAnswerBody, readErrorBody } from "../wire/json.js";
import { type AnswerContext, responseError } from "../wire/parse.js";
import { mapTimeSyncError } from "./error-mapping.js";

/** Query parameters: arrays repeat the key, booleans are `true`/`false`, undefined is left out. */
export type Query = Readonly<Record<string, FieldValue | readonly FieldValue[]>>;

/** What the transport needs from the client that owns it. */
export interface TransportHost {
  /** http-core's client (timeouts, retries, logging, cache). */
  readonly http: HttpClient;
  /** The client's redactor. */
  readonly redactor: Redactor;
  /** Base URL without a trailing `/`. */
  readonly baseUrl: string;
  /** The current token, if any. */
  currentToken(): string | undefined;
  /** An `authenticate()` still running, if any: calls made meanwhile wait for it. */
  pendingLogin(): Promise<unknown> | undefined;
  /** Called on `Bad API token`; resolves true when a new token was obtained. */
  renewToken(signal: AbortSignal | undefined): Promise<boolean>;
}

/** One request of an SDK method, and how to read its answer. */
export interface Call<T> {
  /** The SDK method, e.g. `getTimes`: the operation is `TimeSync getTimes (GET /times)`. */
  method: string;
  /** The route template, e.g. `/times/:uuid`. */
  route: string;
  /** The path sent, e.g. `/times/3f0c…` (identifiers already checked and encoded). */
  path: string;
  /** Query parameters (the token is added for GET and DELETE). */
  query?: Query;
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
  /**
   * http-core's per-call cache policy for a read (default `default`). The SDK's own reads inside a
   * method (the read before an update, the read back, the existence check after a create's 500) pass
   * `refresh`: a record-missing cache must not answer them from an old recording.
   */
  cache?: CachePolicy | undefined;
  /** Reads a 2xx answer's parsed body (`undefined` when empty); throwing rejects the answer, which is then not recorded. */
  read: (body: unknown, answer: AnswerContext) => T;
}

/** `TimeSync getTimes (GET /times)`: how errors, logs and traces name a request. */
export function operationName(method: string, verb: string, route: string): string {
  return `TimeSync ${method} (${verb} ${route})`;
}

/**
 * Sends TimeSync requests over http-core: the token in the query for GET and DELETE and in the
 * `auth` block for POST; answers read by body, not content type; TimeSync error objects mapped to
 * typed errors and anything else to http-core's status errors. Reads are safe and retried; writes
 * are sent once; logins are marked as such (never recorded nor replayed).
 */
export class TimeSyncTransport {
  /** @param host - the owning client's HTTP client, redactor, base URL and token */
  constructor(private readonly host: TransportHost) {}

  /** `GET {base}{path}` with the token. */
  get<T>(call: Call<T>): Promise<T> {
    const operation = operationName(call.method, "GET", call.route);
    return this.withRenewal(call.signal, async () =>
      this.send({ method: "GET", query: { ...call.query, token: await this.token(operation, call.signal) }, safe: true, cache: call.cache }, call, operation),
    );
  }

  /** `DELETE {base}{path}` with the token; an empty 200 is success. Sent once. */
  delete(call: Omit<Call<void>, "read">): Promise<void> {
    const operation = operationName(call.method, "DELETE", call.route);
    const read = (): void => undefined;
    return this.withRenewal(call.signal, async () =>
      this.send(
        { method: "DELETE", query: { ...call.query, token: await this.token(operation, call.signal) }, safe: false, idempotent: false },
        { ...call, read },
        operation,
      ),
    );
  }

  /**
   * `POST {base}{path}` with `{auth: {type: "token", token}, object}`. Sent once. A body over the
   * reference server's limit is refused first (that server answers it `401 Missing credentials`).
   */
  post<T>(call: Call<T>, object: Record<string, unknown>): Promise<T> {
    const operation = operationName(call.method, "POST", call.route);
    return this.withRenewal(call.signal, async () => {
      const json = { auth: { type: "token", token: await this.token(operation, call.signal) }, object };
      checkBodySize(json, object, call.route, operation);
      return this.send({ method: "POST", json, safe: false, idempotent: false }, call, operation);
    });
  }

  /** `POST {base}/login`: a login, never recorded nor replayed, sent once. Resolves to the token. */
  login(auth: { type: string; username: string; password: string }, signal: AbortSignal | undefined): Promise<string> {
    const call: Call<string> = {
      method: "authenticate",
      route: "/login",
      path: "/login",
      signal,
      read: (body, answer) => {
        const token = (body as { token?: unknown } | null | undefined)?.token;
        if (typeof token !== "string" || token === "") throw responseError("the login answer carried no token", answer);
        return token;
      },
    };
    const operation = operationName("authenticate", "POST", "/login");
    return this.send({ method: "POST", json: { auth }, safe: false, idempotent: false, authentication: true }, call, operation);
  }

  /** The token; a call made while `authenticate()` runs waits for it (or for its own signal). */
  private async token(operation: string, signal: AbortSignal | undefined): Promise<string> {
    const pending = this.host.currentToken() === undefined ? this.host.pendingLogin() : undefined;
    let failure: unknown;
    if (pending !== undefined) failure = await untilSettled(pending, signal);
    if (failure === ABORTED) throw new HttpAbortError("cancelled while waiting for authenticate() to finish", { operation, cause: signal?.reason });
    const token = this.host.currentToken();
    if (token !== undefined) return token;
    if (pending !== undefined) throw new TimeSyncNotAuthenticatedError({ operation, cause: failure, waitedForLogin: true });
    throw new TimeSyncNotAuthenticatedError({ operation });
  }

  private async withRenewal<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof TimeSyncApiError && error.isBadToken && (await this.host.renewToken(signal))) return run();
      throw error;
    }
  }

  private send<T>(options: Omit<RequestOptions, "url">, call: Call<T>, operation: string): Promise<T> {
    const request: RequestOptions = {
      ...options,
      url: `${this.host.baseUrl}${call.path}`,
      operation,
      signal: call.signal,
      // Every status reaches `accept`: TimeSync error objects become typed errors there.
      throwHttpErrors: false,
    };
    return this.host.http.request(request, (res) => this.accept(res, operation, call.read));
  }

  private accept<T>(res: HttpResponse, operation: string, read: Call<T>["read"]): T {
    const { redactor } = this.host;
    const answer: AnswerContext = { operation, status: res.status, body: res.body, request: res.request, attempts: res.attempts, redactor };
    const body = readAnswerBody(res.body);
    if (res.status >= 200 && res.status < 300) {
      if (body.kind === "text") throw responseError(`answered ${res.status} with a body that is not JSON`, answer);
      return read(body.kind === "json" ? body.value : undefined, answer);
    }
    const error = body.kind === "json" ? readErrorBody(body.value) : undefined;
    if (error !== undefined) throw mapTimeSyncError(res.status, error, answer);
    // The HTML 404 of an unknown route, a proxy's 502 page, ...: http-core's status error, by status.
    const note = res.status === 404 && !/\/v0$/.test(this.host.baseUrl) ? missingVersionNote(this.host.baseUrl) : undefined;
    throw HttpStatusError.fromResponse(res, { redactor, operation, note });
  }
}

/** The hint of a 404 from a base URL without the version segment the reference server mounts under. */
function missingVersionNote(baseUrl: string): string {
  return `the base URL ${baseUrl} does not end in /v0; the reference server serves its API under /v0, e.g. ${baseUrl}/v0`;
}

/** Waits for `pending` to settle; its failure is returned, not thrown; `ABORTED` when `signal` aborts first. */
function untilSettled(pending: Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
  const settled = pending.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (signal === undefined) return settled;
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    void settled.then((value) => {
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    });
  });
}

const ABORTED = Symbol("aborted");
