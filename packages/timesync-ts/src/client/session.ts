import type { Redactor } from "@facility-sdk/http-core";
import { TimeSyncNotAuthenticatedError, TimeSyncValidationError } from "../errors.js";
import { checkTimeSyncCredentials, type TimeSyncCredentials } from "../options.js";
import { decodeTimeSyncToken } from "./token.js";
import type { TimeSyncTransport } from "./transport.js";

/**
 * The login state of one client: its token, who it belongs to, and (only with `reauthenticate`) the
 * credentials to log in again with. Every secret it learns is registered with the redactor first.
 */
export class TimeSyncSession {
  #token: string | undefined;
  #username: string | undefined;
  #credentials: TimeSyncCredentials | undefined;
  #renewing: Promise<boolean> | undefined;
  #loggingIn: Promise<string> | undefined;

  /**
   * @param redactor - the client's redactor
   * @param keepCredentials - keep the last credentials to log in again on `Bad API token`
   */
  constructor(
    private readonly redactor: Redactor,
    private readonly keepCredentials: boolean,
  ) {}

  /** The current token, if any. */
  get token(): string | undefined {
    return this.#token;
  }

  /** Stores a token (a secret from now on). */
  setToken(token: unknown): void {
    if (typeof token !== "string" || token === "") throw new TimeSyncValidationError("token", "must be a non-empty string");
    this.redactor.addSecretValue(token);
    this.#token = token;
  }

  /** A login still running (calls made meanwhile wait for it), if any. */
  get pendingLogin(): Promise<string> | undefined {
    return this.#loggingIn;
  }

  /** Checks the credentials, logs in through `transport` and stores the token; {@link pendingLogin} until it settles. */
  logIn(transport: TimeSyncTransport, credentials: TimeSyncCredentials, signal: AbortSignal | undefined): Promise<string> {
    const login = this.#logIn(transport, credentials, signal);
    this.#loggingIn = login;
    const clear = (): void => {
      if (this.#loggingIn === login) this.#loggingIn = undefined;
    };
    login.then(clear, clear);
    return login;
  }

  async #logIn(transport: TimeSyncTransport, credentials: TimeSyncCredentials, signal: AbortSignal | undefined): Promise<string> {
    checkTimeSyncCredentials(credentials);
    const { username, password, authType = "password" } = credentials;
    if (typeof username !== "string" || username === "") throw new TimeSyncValidationError("username", "must be a non-empty string");
    if (typeof password !== "string" || password === "") throw new TimeSyncValidationError("password", "must be a non-empty string");
    if (authType !== "password" && authType !== "ldap") throw new TimeSyncValidationError("authType", 'expected "password" or "ldap"');
    this.redactor.addSecretValue(password);
    const token = await transport.login({ type: authType, username, password }, signal);
    this.setToken(token);
    this.#username = username;
    if (this.keepCredentials) this.#credentials = { username, password, authType };
    return token;
  }

  /** Logs in again once with the kept credentials; concurrent callers share one login. */
  renew(transport: TimeSyncTransport, signal: AbortSignal | undefined): Promise<boolean> {
    const credentials = this.#credentials;
    if (credentials === undefined || signal?.aborted) return Promise.resolve(false);
    // One login serves every caller waiting on it, so no single caller's signal may cancel it.
    this.#renewing ??= this.logIn(transport, credentials, undefined)
      .then(() => true)
      .finally(() => {
        this.#renewing = undefined;
      });
    return this.#renewing;
  }

  /** Whether the token has not expired by the local clock (an undecodable token is left to the server). */
  get isAuthenticated(): boolean {
    if (this.#token === undefined) return false;
    try {
      return decodeTimeSyncToken(this.#token).exp > Date.now();
    } catch {
      return true;
    }
  }

  /** When the token expires. */
  expiry(): Date {
    if (this.#token === undefined) throw new TimeSyncNotAuthenticatedError({ operation: "TimeSync tokenExpirationTime" });
    return new Date(decodeTimeSyncToken(this.#token).exp);
  }

  /** The user the client acts as: the one who logged in, else the token's subject. */
  currentUser(field: string): string {
    if (this.#username !== undefined) return this.#username;
    if (this.#token !== undefined) {
      try {
        return decodeTimeSyncToken(this.#token).sub;
      } catch {
        // fall through: the caller must say who
      }
    }
    throw new TimeSyncValidationError(field, "is required when the client does not know the authenticated user");
  }
}
