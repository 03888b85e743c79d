import { HttpClient, type Redactor, resolveCache } from "@facility-sdk/http-core";
import { TimeSyncError, TimeSyncValidationError } from "../errors.js";
import { hashPassword } from "../internal/password.js";
import { checkTimeSyncOptions, type TimeSyncOptions } from "../options.js";
import { timeSyncCacheKey } from "./cache-key.js";
import { timeSyncRedactor } from "./secrets.js";
import { TimeSyncSession } from "./session.js";
import { TimeSyncTransport } from "./transport.js";

/** Everything one client holds; the resource methods reach it through {@link stateOf}. */
export interface ClientState {
  /** Base URL without a trailing `/`. */
  readonly baseUrl: string;
  /** http-core's client. */
  readonly http: HttpClient;
  /** The client's redactor (TimeSync's secret rules plus the literal secrets it learned). */
  readonly redactor: Redactor;
  /** The login state. */
  readonly session: TimeSyncSession;
  /** Sends the requests. */
  readonly transport: TimeSyncTransport;
  /** Hashes a password for the server (bcrypt, `$2a$`), registering the password and the hash as secrets. */
  hashSecret(password: string): Promise<string>;
}

const DEFAULT_TIMEOUT = { attemptMs: 30_000, totalMs: 120_000 };

// Module-private: filled by the TimeSync constructor, read by the resource methods. A WeakMap keeps the
// state off the instance (nothing to find by reflection) and lets it go with the client.
const states = new WeakMap<object, ClientState>();

/** Builds the state of a client from its options (checked here). */
export function createClientState(options: TimeSyncOptions): ClientState {
  checkTimeSyncOptions(options);
  if (typeof options.baseUrl !== "string" || !/^https?:\/\/\S+$/i.test(options.baseUrl)) {
    throw new TimeSyncValidationError("baseUrl", "expected an absolute http(s) URL", { hint: "such as https://timesync.example.org/v0" });
  }
  const { baseUrl: rawBaseUrl, token, reauthenticate, cache: cacheOption, timeout, ...transportOptions } = options;
  const baseUrl = rawBaseUrl.replace(/\/$/, "");
  const redactor = timeSyncRedactor();
  const cache = resolveCache(cacheOption, { key: timeSyncCacheKey(), redactor, logger: options.logger, field: "cache" });
  const http = new HttpClient({ ...transportOptions, timeout: timeout ?? DEFAULT_TIMEOUT, redactor, ...(cache === undefined ? {} : { cache }) });
  const session = new TimeSyncSession(redactor, reauthenticate === true);
  if (token !== undefined) session.setToken(token);
  const transport: TimeSyncTransport = new TimeSyncTransport({
    http,
    redactor,
    baseUrl,
    currentToken: () => session.token,
    pendingLogin: () => session.pendingLogin,
    renewToken: (signal) => session.renew(transport, signal),
  });
  const hashSecret = async (password: string): Promise<string> => {
    redactor.addSecretValue(password);
    const hashed = await hashPassword(password);
    redactor.addSecretValue(hashed);
    return hashed;
  };
  return { baseUrl, http, redactor, session, transport, hashSecret };
}

/** Links a client to its state (called once, by the constructor). */
export function registerClient(client: object, state: ClientState): void {
  states.set(client, state);
}

/** The state of a client; a method called on anything else is a programming error. */
export function stateOf(client: unknown): ClientState {
  const state = typeof client === "object" && client !== null ? states.get(client) : undefined;
  if (state === undefined) throw new TimeSyncError("TimeSync methods must be called on a TimeSync client (new TimeSync({ baseUrl }))");
  return state;
}
