import { HttpStatusError, type HttpClient, type HttpResponse, type Redactor } from "@facility-sdk/http-core";
import { TimeSyncAuthenticationError, TimeSyncNotAuthenticatedError } from "../errors.js";
import { TimeSyncResponseError } from "../response-error.js";
import { mapTimeSyncError, readErrorBody } from "./error-mapping.js";

type Query = Record<string, string | string[] | boolean | undefined>;

/** What the transport needs from the client that owns it. */
export interface TransportHost {
  readonly http: HttpClient;
  readonly redactor: Redactor;
  readonly baseUrl: string;
  /** The current token, if any. */
  currentToken(): string | undefined;
  /** Called once per request on `Bad API token`; resolves true when a new token was obtained. */
  renewToken(): Promise<boolean>;
}

const EXCERPT = 300;

/**
 * Sends TimeSync requests: token in the query for GET/DELETE, in the `auth` block for POST; parses
 * answers by body (not content type); maps TimeSync error objects to typed errors and anything else
 * to http-core's status errors.
 */
export class TimeSyncTransport {
  constructor(private readonly host: TransportHost) {}

  /** `GET {base}{path}` with the token; resolves to the parsed JSON body. */
  get(path: string, query: Query = {}): Promise<unknown> {
    return this.withRenewal(() => this.send({ method: "GET", url: this.url(path), query: { ...query, token: this.token() } }));
  }

  /** `DELETE {base}{path}` with the token; an empty 200 is success. */
  async delete(path: string): Promise<void> {
    await this.withRenewal(() => this.send({ method: "DELETE", url: this.url(path), query: { token: this.token() } }));
  }

  /** `POST {base}{path}` with `{auth: {type: "token", token}, object}`. */
  post(path: string, object: Record<string, unknown>): Promise<unknown> {
    return this.withRenewal(() =>
      this.send({ method: "POST", url: this.url(path), json: { auth: { type: "token", token: this.token() }, object } }),
    );
  }

  /** `POST {base}/login` with the password credentials (no token needed); also returns the raw response. */
  async login(auth: { type: string; username: string; password: string }): Promise<{ body: unknown; response: HttpResponse }> {
    const response = await this.host.http.request({ method: "POST", url: this.url("/login"), json: { auth }, throwHttpErrors: false });
    return { body: this.interpret(response), response };
  }

  private url(path: string): string {
    return `${this.host.baseUrl}${path}`;
  }

  private token(): string {
    const token = this.host.currentToken();
    if (token === undefined) throw new TimeSyncNotAuthenticatedError();
    return token;
  }

  private async withRenewal(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof TimeSyncAuthenticationError && error.isBadToken && (await this.host.renewToken())) {
        return run();
      }
      throw error;
    }
  }

  private async send(req: { method: "GET" | "POST" | "DELETE"; url: string; query?: Query; json?: unknown }): Promise<unknown> {
    const res = await this.host.http.request({
      method: req.method,
      url: req.url,
      ...(req.query !== undefined ? { query: req.query } : {}),
      ...(req.json !== undefined ? { json: req.json } : {}),
      throwHttpErrors: false,
    });
    return this.interpret(res);
  }

  private interpret(res: HttpResponse): unknown {
    const { redactor } = this.host;
    const text = res.body;
    let parsed: unknown;
    let isJson = false;
    if (text.trim() !== "") {
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        // not JSON: decided below by status
      }
    }
    const where = { method: res.request.method, url: res.request.url };
    if (res.status >= 200 && res.status < 300) {
      if (text.trim() === "") return undefined;
      if (isJson) return parsed;
      throw new TimeSyncResponseError(`TimeSync answered ${res.status} with a body that is not JSON`, {
        request: res.request,
        status: res.status,
        attempts: res.attempts,
        bodyExcerpt: redactor.redactText(text.slice(0, EXCERPT)),
      });
    }
    const body = isJson ? readErrorBody(parsed) : undefined;
    if (body !== undefined) {
      const safe = { ...body, text: redactor.redactText(body.text) };
      throw mapTimeSyncError(res.status, safe, where);
    }
    // HTML 404 of an unknown route, a proxy's 502 page, ...: a transport-level error with the status.
    throw HttpStatusError.fromResponse(res);
  }
}
