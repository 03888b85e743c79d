import { HttpNotFoundError, HttpStatusError, type HttpClient, type NotRecorded, type Redactor } from "@facility-sdk/http-core";
import type { PumapiParams } from "../types.js";
import { PumapiUnexpectedAnswerError } from "../errors/answer.js";
import { isHtmlPage } from "../wire/answer-text.js";
import { toAnswer, type PumapiAnswer } from "./answer.js";
import { authenticatedForm, type PumapiAuth, type SystemAuth } from "./auth.js";
import type { SendMarks } from "./send-marks.js";

/** How one PUMAPI call is sent. */
export interface SendOptions {
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
  /** Ask the server even when the cache holds an answer, and record the new one (http-core's `refresh`). */
  skipCache?: boolean | undefined;
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

  /**
   * Sends one action with the marks its declaration gives (see `sendMarks`); `accept` checks and
   * parses the answer (throwing rejects it, `notRecorded(value)` returns it unrecorded). Any answer
   * outside 2xx is an error naming the action (a 302 to a login page is not PUMAPI's answer), and
   * a 404 or an HTML page from a URL that does not end in `/pumapi/` says how PUMAPI URLs end.
   */
  async send<T>(action: string, form: PumapiParams, marks: SendMarks, accept: (answer: PumapiAnswer) => T | NotRecorded<T>, options: SendOptions = {}): Promise<T> {
    const auth: PumapiAuth =
      options.apiKey !== undefined ? { kind: "key", apiKey: options.apiKey } : options.system !== undefined ? { kind: "system", system: options.system } : this.auth;
    const operation = `PUMAPI ${action}`;
    const url = options.url ?? "";
    const hint = urlHint(options.url ?? this.baseUrl);
    try {
      return await this.http.request(
        {
          method: "POST",
          url,
          form: authenticatedForm(action, form, auth),
          operation,
          safe: marks.safe,
          idempotent: marks.idempotent,
          authentication: marks.authentication,
          cache: options.skipCache === true ? "refresh" : "default",
          signal: options.signal,
        },
        (res) => {
          this.lastServedFromCache = res.fromCache;
          if (res.status < 200 || res.status > 299) throw HttpStatusError.fromResponse(res, { redactor: this.redactor, operation, note: statusNote(res.status, hint) });
          const answer = toAnswer(action, res, this.redactor);
          if (hint !== undefined && isHtmlPage(answer.text)) throw new PumapiUnexpectedAnswerError(action, `an HTML page (${hint})`, answer.context);
          return accept(answer);
        },
      );
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404 && hint !== undefined && !error.message.includes(hint)) {
        throw new HttpNotFoundError(`${error.message} (${hint})`, { request: error.request, status: 404, attempts: error.attempts, body: error.bodyExcerpt, redactor: this.redactor, operation, cause: error });
      }
      throw error;
    }
  }
}

/** Why a non-2xx answer is refused, added to the status error's message. */
function statusNote(status: number, hint: string | undefined): string {
  const why = status >= 300 && status < 400 ? "PUMAPI answers 200; a redirect is not its answer (a wrong URL, or a login page in front of it)" : "PUMAPI answers 200";
  return hint === undefined ? why : `${why}; ${hint}`;
}

/** The hint for a PUMAPI URL that does not end in `/pumapi/` (undefined when it does, or for API2). */
export function urlHint(url: string): string | undefined {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  if (/\/pumapi\/?$/i.test(path) || /\/api2\/?$/i.test(path)) return undefined;
  return "PUMAPI URLs end in /pumapi/, e.g. https://ppms.example/facility/pumapi/";
}
