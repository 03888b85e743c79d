import { installMethods, notRecorded } from "@facility-sdk/http-core";
import { checkAuthorized, checkNotHtml, checkReadAnswer, parseAnswer } from "./client/answer-checks.js";
import { sendMarks } from "./client/send-marks.js";
import { setUpConnection, type ConnectionSetup } from "./client/setup.js";
import { attachState, stateOf } from "./client/state.js";
import { ResponseFormatError } from "./errors/format.js";
import { requireText } from "./internal/inputs.js";
import type { PpmsProject } from "./models/project.js";
import type { PpmsSystem } from "./models/system.js";
import type { PpmsUser } from "./models/user.js";
import type { PpmsConnectionOptions } from "./options.js";
import { authenticateKey } from "./resources/auth.js";
import { declarationOf, FAMILIES, type FamilyMethods } from "./resources/families.js";
import type { CallOptions, PpmsConnectionStatus, PumapiParams, PumapiRequestOptions, PumapiResponse } from "./types.js";
import { isErrorAnswer } from "./wire/answer-text.js";
import { unescapeHtmlEntities } from "./wire/html-entities.js";

/**
 * The methods of every resource family: {@link PpmsConnection} has them all (they are installed on
 * its prototype from the one list of families; see each `Ppms…Api` class for their documentation).
 */
export interface PpmsConnection extends FamilyMethods {}

/**
 * A connection to PUMAPI, the API of Stratocore PPMS (pyppms' `PpmsConnection`). Create it with
 * {@link PpmsConnection.connect}. It has the methods of every resource family (users, user
 * password checks, groups, systems, rights, bookings, experience, projects, billing, incidents,
 * orders and services, invoices, sample manifests, API2 accounts, lists and reports), keeps pyppms' in-memory
 * caches of users, systems, projects and the full name → login map, fetches users in bulk with bounded
 * concurrency, retries read actions (never writes) on transient faults, and can record every
 * accepted answer to (or replay it from) a cache directory in pyppms' layout. Every method takes
 * an `AbortSignal` (`{ signal }`).
 *
 * The methods are documented by family, on {@link PpmsUsersApi}, {@link PpmsAuthApi},
 * {@link PpmsGroupsApi}, {@link PpmsSystemsApi}, {@link PpmsRightsApi}, {@link PpmsBookingsApi},
 * {@link PpmsExperienceApi}, {@link PpmsProjectsApi}, {@link PpmsBillingApi},
 * {@link PpmsIncidentsApi}, {@link PpmsOrdersApi}, {@link PpmsInvoicesApi},
 * {@link PpmsSamplesApi}, {@link PpmsAccountsApi} and {@link PpmsApi2Api}: the connection has
 * them all (installed on it, not inherited).
 *
 * @example
 * ```ts
 * import { PpmsConnection } from "pyppms-ts";
 *
 * const ppms = await PpmsConnection.connect({
 *   baseUrl: "https://ppms.example/facility/pumapi/",
 *   apiKey: process.env.PPMS_API_KEY ?? "",
 * });
 * const emails = await ppms.getUsersEmails({ active: true });
 * await ppms.close();
 * ```
 * @group Connection
 */
export class PpmsConnection {
  static {
    installMethods(
      PpmsConnection,
      FAMILIES.map((family) => family.api),
    );
  }

  /** The PUMAPI endpoint. */
  readonly baseUrl: string;
  /** True offline: no API key, every answer from the cache (mode `replay`). */
  readonly offline: boolean;
  /** How authentication went. */
  readonly status: PpmsConnectionStatus;

  private constructor(setup: ConnectionSetup) {
    this.baseUrl = setup.baseUrl;
    this.offline = setup.offline;
    this.status = { authState: setup.systemOnly ? "SYSTEM" : "OFFLINE", authResponse: "", authHttpStatus: -1 };
    attachState(this, setup.state);
  }

  /**
   * The PUMAPI endpoint.
   *
   * @deprecated Use {@link PpmsConnection.baseUrl}.
   */
  get url(): string {
    return this.baseUrl;
  }

  /**
   * Opens a connection: checks the options, sets up transport and cache, and authenticates with
   * the `auth` action. Without an API key (and with a cache) it runs offline, in `replay`; with a
   * cache in `replay` mode it does not send `auth` either (http-core never replays logins), and
   * `status.authState` says `REPLAY`. With `system: { id, code }` instead of a key (system
   * authentication) nothing is sent either (`status.authState` is `SYSTEM`) and the connection
   * can call only `getbooking` / `nextbooking` of that system. Neither key, system nor cache is an error.
   *
   * @param options - endpoint, key, cache, logging, retry and concurrency settings
   * @param callOptions - `signal` to abort the `auth` call
   * @returns the connected client
   * @throws {@link PpmsInvalidArgumentError} for bad options (before any request);
   *   {@link AuthenticationError} when the key is refused (the message never holds the key)
   * @example
   * ```ts
   * // offline, from a cache directory in pyppms' layout
   * const ppms = await PpmsConnection.connect({ baseUrl: "https://ppms.example/pumapi/", cache: "./ppms-cache" });
   * const user = await ppms.getUser("jdoe");
   * // a kiosk beside one instrument: system authentication, no API key
   * const kiosk = await PpmsConnection.connect({ baseUrl, system: { id: 31, code: process.env.PPMS_SYSTEM_CODE ?? "" } });
   * const now = await kiosk.getCurrentBooking(31);
   * ```
   */
  static async connect(options: PpmsConnectionOptions, callOptions: CallOptions = {}): Promise<PpmsConnection> {
    const setup = setUpConnection(options);
    const connection = new PpmsConnection(setup);
    const { state } = setup;
    if (setup.systemOnly) {
      state.logger.debug("System authentication: 'auth' is not sent; only getbooking and nextbooking can be called");
      return connection;
    }
    if (setup.offline) {
      state.logger.warn("No API key given, running in offline/cache-only mode");
      return connection;
    }
    if (state.cache?.mode === "replay") {
      Object.assign(connection.status, { authState: "REPLAY" });
      state.logger.info("Cache in replay mode: 'auth' is not sent (logins are never replayed)");
      return connection;
    }
    try {
      const answer = await authenticateKey(state, callOptions.signal);
      Object.assign(connection.status, { authState: "SUCCESS", authResponse: answer.text, authHttpStatus: answer.status });
    } catch (error) {
      await connection.close();
      throw error;
    }
    state.logger.debug(`Authenticated against ${state.client.redactor.redactUrl(connection.baseUrl)}`);
    return connection;
  }

  /**
   * Sends one PUMAPI action and returns the raw answer (pyppms' `request`). Read actions are
   * retried on transient faults, others never (override with `idempotent`). `request not
   * authorized` (sent with HTTP 200) throws an {@link AuthenticationError} and an HTML page a
   * {@link PumapiUnexpectedAnswerError}; an `error: ...` text is returned, but never recorded.
   *
   * @param action - the PUMAPI action, e.g. `getuser`
   * @param params - its parameters (undefined values are left out)
   * @param options - `idempotent`, `skipCache`, `signal`
   * @returns status, body and whether it came from the cache
   * @example
   * ```ts
   * const res = await ppms.request("getsysrights", { id: 31 });
   * res.text; // "A:jdoe\r\nD:former.user\r\n"
   * ```
   */
  async request(action: string, params: PumapiParams = {}, options: PumapiRequestOptions = {}): Promise<PumapiResponse> {
    requireText("action", action);
    return stateOf(this).client.send(
      action,
      params,
      marksOf(action, options),
      (answer) => {
        checkAuthorized(answer);
        checkNotHtml(answer);
        const res: PumapiResponse = { action, status: answer.status, text: answer.text, fromCache: answer.fromCache };
        return isErrorAnswer(answer.text) ? notRecorded(res) : res;
      },
      options,
    );
  }

  /**
   * Sends an action with `format=json` and returns the parsed JSON, with HTML entities in its
   * strings unescaped (PUMAPI's JSON answers carry `&amp;` and the like).
   *
   * @param action - the PUMAPI action (one that supports `format=json`)
   * @param params - its parameters
   * @param options - `idempotent`, `skipCache`, `signal`
   * @returns the parsed, unescaped JSON
   * @throws {@link PumapiValidationError} when the answer is not JSON
   * @example
   * ```ts
   * const systems = await ppms.requestJson("getsystems");
   * ```
   */
  async requestJson(action: string, params: PumapiParams = {}, options: PumapiRequestOptions = {}): Promise<unknown> {
    requireText("action", action);
    return stateOf(this).client.send(
      action,
      { ...params, format: "json" },
      marksOf(action, options),
      (answer) => {
        checkReadAnswer(answer);
        return parseAnswer(answer, () => {
          try {
            return unescapeHtmlEntities(JSON.parse(answer.text) as unknown);
          } catch {
            throw new ResponseFormatError("answer is not JSON", { field: "(answer)" });
          }
        });
      },
      options,
    );
  }

  /** Whether the last answered request was answered from the on-disk cache (kept for pyppms users; each answer knows it too). */
  get lastServedFromCache(): boolean {
    return stateOf(this).client.lastServedFromCache;
  }

  /**
   * Removes the on-disk cache (pyppms 4.0's `cache_flush`, 3.x's `flush_cache`); with
   * `keepUsers`, all but the `getuser` answers. The in-memory caches are left as they are. Does
   * nothing without a cache.
   *
   * @param options - whether to keep the `getuser` folder
   * @example
   * ```ts
   * await ppms.cacheFlush({ keepUsers: true });
   * ```
   */
  async cacheFlush(options: { keepUsers?: boolean } = {}): Promise<void> {
    const s = stateOf(this);
    if (s.cache === undefined) {
      s.logger.debug("cacheFlush: no cache configured");
      return;
    }
    s.cache.flush(options.keepUsers === true ? { keep: ["getuser"] } : {});
  }

  /**
   * Removes the on-disk cache (pyppms 3.x's `flush_cache`).
   *
   * @deprecated Use {@link PpmsConnection.cacheFlush} (pyppms 4.0's `cache_flush`); this alias calls it.
   * @param options - whether to keep the `getuser` folder
   * @example
   * ```ts
   * await ppms.flushCache({ keepUsers: true }); // same as ppms.cacheFlush(...)
   * ```
   */
  async flushCache(options: { keepUsers?: boolean } = {}): Promise<void> {
    return this.cacheFlush(options);
  }

  /**
   * Closes the connection pool. The connection must not be used afterwards.
   *
   * @example
   * ```ts
   * await ppms.close();
   * ```
   */
  async close(): Promise<void> {
    await stateOf(this).client.http.close();
  }

  /** The users fetched so far, by login (pyppms' `users`). */
  get users(): ReadonlyMap<string, PpmsUser> {
    return stateOf(this).users;
  }

  /**
   * Full name → login of the users fetched so far (pyppms' `fullname_mapping`). Full names are
   * not unique: on a collision the later user wins and a warning is logged.
   */
  get fullnameMapping(): ReadonlyMap<string, string> {
    return stateOf(this).fullnames;
  }

  /** The systems fetched so far, by id (pyppms' `systems`). */
  get systems(): ReadonlyMap<number, PpmsSystem> {
    return stateOf(this).systems;
  }

  /**
   * The projects fetched so far, by project id (pyppms' `projects`): filled by `getProjects` /
   * `cacheUpdateProjects`, emptied by the project writes (`newProject`, `updateProject`).
   */
  get projects(): ReadonlyMap<number, PpmsProject> {
    return stateOf(this).projects;
  }
}

/**
 * The marks of a raw call: its declaration's (a declared read is retried and cached), an
 * undeclared action is treated as a write (never retried, never answered from the cache) unless
 * the caller says `idempotent: true`.
 */
function marksOf(action: string, options: PumapiRequestOptions): ReturnType<typeof sendMarks> {
  const marks = sendMarks(declarationOf(action)?.kind ?? "write");
  return options.idempotent === undefined ? marks : { ...marks, idempotent: options.idempotent };
}
