import { installMethods } from "@facility-sdk/http-core";
import { createClientState, registerClient, stateOf } from "./client/state.js";
import { signalOf } from "./internal/validate.js";
import type { CallOptions, TimeSyncCredentials, TimeSyncOptions } from "./options.js";
import { TimeSyncActivitiesApi } from "./resources/activities.js";
import { TimeSyncProjectsApi } from "./resources/projects.js";
import { TimeSyncTimesApi } from "./resources/times.js";
import { TimeSyncUsersApi } from "./resources/users.js";

/**
 * The methods of each resource family ({@link TimeSyncTimesApi}, {@link TimeSyncProjectsApi},
 * {@link TimeSyncActivitiesApi}, {@link TimeSyncUsersApi}) are methods of every `TimeSync` client.
 */
export interface TimeSync extends TimeSyncTimesApi, TimeSyncProjectsApi, TimeSyncActivitiesApi, TimeSyncUsersApi {}

/**
 * Client for the TimeSync time-tracking API: every feature of pymesync, with typed inputs and outputs,
 * local validation, typed errors, a timeout and an `AbortSignal` on every call, and workarounds for the
 * reference server's quirks. The methods of each resource family are documented on
 * {@link TimeSyncTimesApi}, {@link TimeSyncProjectsApi}, {@link TimeSyncActivitiesApi} and
 * {@link TimeSyncUsersApi}.
 *
 * @example
 * ```ts
 * const ts = new TimeSync({ baseUrl: "https://timesync.example.org/v0" });
 * await ts.authenticate({ username: "pat", password: process.env["TS_PASSWORD"] ?? "" });
 * await ts.createTime({ duration: "3h30m", project: "web", dateWorked: "2024-05-02", activities: ["docs"] });
 * const times = await ts.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
 * await ts.close();
 * ```
 * @group Connection
 */
export class TimeSync {
  /**
   * Builds a client; nothing is sent until the first call.
   *
   * @param options - base URL, token, transport options (timeout, retry, logger, cache, …)
   * @throws {@link TimeSyncValidationError} for a base URL that is not an absolute http(s) URL
   */
  constructor(options: TimeSyncOptions) {
    registerClient(this, createClientState(options));
  }

  /** Base URL without a trailing `/`. */
  get baseUrl(): string {
    return stateOf(this).baseUrl;
  }

  /**
   * Logs in and stores the token on the client. A login is never recorded nor replayed: in the
   * cache's `replay` mode it fails with http-core's `CacheMissError` (pass a `token` option instead).
   *
   * @param credentials - username, password, and `authType` (`password` by default, or `ldap`)
   * @param options - `signal` to cancel
   * @returns the token (a secret: do not log it)
   * @throws {@link TimeSyncAuthenticationError} for wrong credentials
   * @example
   * ```ts
   * await ts.authenticate({ username: "pat", password: "…", authType: "password" });
   * ```
   */
  async authenticate(credentials: TimeSyncCredentials, options: CallOptions = {}): Promise<string> {
    const signal = signalOf(options);
    const { session, transport } = stateOf(this);
    return session.logIn(transport, credentials, signal);
  }

  /** The current token, if any (a secret: do not log it). */
  get token(): string | undefined {
    return stateOf(this).session.token;
  }

  /** True when the client holds a token that has not expired by the local clock. */
  get isAuthenticated(): boolean {
    return stateOf(this).session.isAuthenticated;
  }

  /**
   * When the current token expires (decoded by hand: TimeSync tokens are not standard JWTs).
   *
   * @returns the expiry
   * @throws {@link TimeSyncNotAuthenticatedError} without a token
   * @example
   * ```ts
   * const minutesLeft = (ts.tokenExpirationTime().getTime() - Date.now()) / 60_000;
   * ```
   */
  tokenExpirationTime(): Date {
    return stateOf(this).session.expiry();
  }

  /**
   * Releases the HTTP connections.
   *
   * @example
   * ```ts
   * await ts.close();
   * ```
   */
  async close(): Promise<void> {
    await stateOf(this).http.close();
  }
}

installMethods(TimeSync, [TimeSyncTimesApi, TimeSyncProjectsApi, TimeSyncActivitiesApi, TimeSyncUsersApi]);
