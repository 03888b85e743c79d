import type { HttpClient, Redactor } from "@facility-sdk/http-core";
import type { PumapiParams } from "../types.js";
import { parseLineList } from "../wire/line-list.js";
import { toAnswer, Unrecorded, type PumapiAnswer } from "./answer.js";
import { checkAuthorized, checkNotHtml, checkReadAnswer, confirmWrite, parseAnswer } from "./answer-checks.js";
import { authenticatedForm, type PumapiAuth, type SystemAuth } from "./auth.js";
import { isReadAction } from "./read-actions.js";

/** How one PUMAPI call is sent. */
export interface SendOptions {
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
  /** Ask the server even when the cache holds an answer, and record the new one (http-core's `refresh`). */
  skipCache?: boolean | undefined;
  /** Retry on transient faults (default: for read actions only). */
  idempotent?: boolean | undefined;
  /** A login (`auth`): never recorded or replayed. */
  authentication?: boolean | undefined;
  /** System credentials for this call (`id` + `code` instead of the connection's authentication). */
  system?: SystemAuth | undefined;
  /** Another endpoint of the same instance for this call (API2); default: the base URL. */
  url?: string | undefined;
  /** Another key for this call (API2's key); default: the connection's authentication. */
  apiKey?: string | undefined;
}

/**
 * The PUMAPI client over http-core's `HttpClient`: builds the form (`action`, `apikey` or system
 * `id` + `code`, params),
 * names the operation `PUMAPI <action>` (every log line, trace and error names the action), marks
 * reads `safe` and `idempotent` and writes neither, passes the caller's signal, and runs the answer
 * checks and the parser inside http-core's `accept` callback, so only accepted answers are recorded.
 */
export class PumapiClient {
  /** Whether the last accepted answer came from the cache (pyppms' compatibility getter reads it). */
  lastServedFromCache = false;

  /**
   * @param http - the transport (its redactor holds PUMAPI's secret rules)
   * @param baseUrl - the PUMAPI endpoint
   * @param auth - the API key (empty offline), or system credentials
   */
  constructor(
    readonly http: HttpClient,
    readonly baseUrl: string,
    private readonly auth: PumapiAuth,
  ) {}

  /** Whether the connection authenticates with system credentials only (no API key). */
  get systemOnly(): boolean {
    return this.auth.kind === "system";
  }

  /** The connection's API key, or undefined for a connection with system credentials only. */
  get apiKey(): string | undefined {
    return this.auth.kind === "key" ? this.auth.apiKey : undefined;
  }

  /** The connection's redactor. */
  get redactor(): Redactor {
    return this.http.redactor;
  }

  /** Sends one action; `accept` checks and parses the answer (throwing rejects it: nothing is recorded). */
  async send<T>(action: string, params: PumapiParams, accept: (answer: PumapiAnswer) => T, options: SendOptions = {}): Promise<T> {
    const auth: PumapiAuth =
      options.apiKey !== undefined ? { kind: "key", apiKey: options.apiKey } : options.system !== undefined ? { kind: "system", system: options.system } : this.auth;
    const form = authenticatedForm(action, params, auth);
    const operation = `PUMAPI ${action}`;
    const read = isReadAction(action);
    const signal = options.signal;
    try {
      return await this.http.request(
        {
          method: "POST",
          url: options.url ?? "",
          form,
          operation,
          safe: read,
          idempotent: options.idempotent ?? read,
          authentication: options.authentication === true,
          cache: options.skipCache === true ? "refresh" : "default",
          signal,
        },
        (res) => {
          this.lastServedFromCache = res.fromCache;
          return accept(toAnswer(action, res, this.redactor));
        },
      );
    } catch (error) {
      if (error instanceof Unrecorded) return error.value as T;
      throw error;
    }
  }

  /** A read: checked (authorized, not HTML, not `error: ...`), then parsed; format errors name the action and field. */
  read<T>(action: string, params: PumapiParams, parse: (answer: PumapiAnswer) => T, options: SendOptions = {}): Promise<T> {
    return this.send(
      action,
      params,
      (answer) => {
        checkReadAnswer(answer);
        return parseAnswer(answer, () => parse(answer));
      },
      options,
    );
  }

  /** A read answering one item per line. */
  lines(action: string, params: PumapiParams, options: SendOptions = {}): Promise<string[]> {
    return this.read(action, params, (answer) => parseLineList(answer.text), options);
  }

  /** A write: checked (authorized, not HTML), then confirmed (default: no error text, not empty). Never retried. */
  write<T = void>(action: string, params: PumapiParams, confirm: (answer: PumapiAnswer) => T = confirmWrite as (answer: PumapiAnswer) => T, options: SendOptions = {}): Promise<T> {
    return this.send(
      action,
      params,
      (answer) => {
        checkAuthorized(answer);
        checkNotHtml(answer);
        return parseAnswer(answer, () => confirm(answer));
      },
      options,
    );
  }
}
