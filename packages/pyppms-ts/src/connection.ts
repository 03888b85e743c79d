import {
  HttpClient,
  HttpStatusError,
  RecordReplayCache,
  Redactor,
  createLogger,
  mapConcurrent,
  pumapiFormKey,
  type HttpClientOptions,
  type HttpResponse,
  type MapConcurrentOptions,
  type Logger,
} from "@facility-sdk/http-core";
import type { z } from "zod";
import { PpmsBooking, type BookingType } from "./booking.js";
import {
  AuthenticationError,
  NoDataError,
  PpmsGroupNotFoundError,
  PpmsInvalidArgumentError,
  PpmsUserNotFoundError,
  PumapiActionError,
  PumapiValidationError,
  ResponseFormatError,
} from "./errors.js";
import { unescapeHtmlEntities } from "./html-entities.js";
import { isReadAction } from "./internal/actions.js";
import { levelLog } from "./internal/level-log.js";
import { answerExcerpt, isErrorAnswer, isNotAuthorized } from "./internal/answer-text.js";
import { checkShape } from "./internal/check-shape.js";
import { requireDay, requireId, requirePositiveInteger, requireText } from "./internal/inputs.js";
import { matchSystemIds } from "./internal/match-system.js";
import { parseLineList } from "./line-list.js";
import { parseMultilineResponse, type ParseResponseOptions } from "./multiline-response.js";
import type {
  GroupFields,
  IncidentSeverity,
  NewUserFields,
  PpmsConnectionStatus,
  PumapiParams,
  PumapiRequestOptions,
  PumapiResponse,
  RunningSheetOptions,
  UpdateUserFields,
} from "./connection-types.js";
import type { BulkOptions, PpmsConnectionOptions } from "./options.js";
import { isSystemPermission, parseRightsLines, type SystemPermission, type SystemRight, type UserRight } from "./permissions.js";
import { bcodeFromRecord, projectFromRecord, type PpmsBcode, type PpmsProject } from "./projects.js";
import type { ResponseRecord } from "./response-values.js";
import { groupRecordSchema, runningSheetEntrySchema, userExperienceSchema, userRecordSchema } from "./schemas.js";
import type { UserExperience } from "./user-experience.js";
import { dictFromSingleResponse } from "./single-response.js";
import { PpmsSystem } from "./system.js";
import { formatDay } from "./time.js";
import { PpmsUser } from "./user.js";

/** Form fields whose values are secrets: never in cache names or files, masked in logs and errors. */
const SECRET_FIELDS = ["apikey", "pwd", "psapwd", "code"];

/**
 * A connection to PUMAPI, the API of Stratocore PPMS (pyppms' `PpmsConnection`). Create it with
 * {@link PpmsConnection.connect}. It keeps pyppms' in-memory caches of users, systems and the
 * full name → login map, fetches users in bulk with bounded concurrency, retries read actions
 * (never writes) on transient faults, and can record every answer to (or replay it from) a cache
 * directory in pyppms' layout.
 *
 * @example
 * ```ts
 * import { PpmsConnection } from "pyppms-ts";
 *
 * const ppms = await PpmsConnection.connect({
 *   url: "https://ppms.example/facility/pumapi/",
 *   apiKey: process.env.PPMS_API_KEY ?? "",
 * });
 * const emails = await ppms.getUsersEmails({ active: true });
 * await ppms.close();
 * ```
 */
export class PpmsConnection {
  /** The PUMAPI endpoint. */
  readonly url: string;
  /** True in offline, cache-only mode (no API key, answers only from the cache). */
  readonly offline: boolean;
  /** How authentication went. */
  readonly status: PpmsConnectionStatus;

  readonly #apiKey: string;
  readonly #client: HttpClient;
  readonly #cache: RecordReplayCache | undefined;
  readonly #logger: Logger;
  readonly #redactor: Redactor;
  readonly #concurrency: number;
  readonly #strict: boolean;
  readonly #now: () => Date;
  readonly #users = new Map<string, PpmsUser>();
  readonly #fullnames = new Map<string, string>();
  readonly #ambiguousFullnames = new Set<string>();
  #systems = new Map<number, PpmsSystem>();
  #lastServedFromCache = false;

  private constructor(init: {
    url: string;
    apiKey: string;
    client: HttpClient;
    cache: RecordReplayCache | undefined;
    logger: Logger;
    redactor: Redactor;
    concurrency: number;
    strict: boolean;
    now: () => Date;
  }) {
    this.url = init.url;
    this.#apiKey = init.apiKey;
    this.offline = init.apiKey === "";
    this.#client = init.client;
    this.#cache = init.cache;
    this.#logger = init.logger;
    this.#redactor = init.redactor;
    this.#concurrency = init.concurrency;
    this.#strict = init.strict;
    this.#now = init.now;
    this.status = { authState: "OFFLINE", authResponse: "", authHttpStatus: -1 };
  }

  /**
   * Opens a connection: checks the options, sets up transport and cache, and authenticates with
   * the `auth` action unless the API key is empty. An empty key with a cache is the offline,
   * cache-only mode; neither key nor cache is an error.
   *
   * @param options - URL, key, cache, logging, retry and concurrency settings
   * @returns the connected client
   * @throws {@link PpmsInvalidArgumentError} for bad options (before any request);
   *   {@link AuthenticationError} when the key is refused (the message never holds the key)
   * @example
   * ```ts
   * // offline, from a cache directory in pyppms' layout
   * const ppms = await PpmsConnection.connect({ url: "https://ppms.example/pumapi/", cache: "./ppms-cache" });
   * const user = await ppms.getUser("jdoe");
   * ```
   */
  static async connect(options: PpmsConnectionOptions): Promise<PpmsConnection> {
    const url = requireText("options.url", options.url);
    try {
      new URL(url);
    } catch {
      throw new PpmsInvalidArgumentError("options.url", "must be an absolute URL");
    }
    const apiKey = options.apiKey ?? "";
    if (typeof apiKey !== "string") throw new PpmsInvalidArgumentError("options.apiKey", "must be a string");
    if (apiKey === "" && options.cache === undefined) {
      throw new PpmsInvalidArgumentError("options.apiKey", "neither an API key nor a cache was given");
    }
    const concurrency = requirePositiveInteger("options.concurrency", options.concurrency ?? 8);

    const redactor = new Redactor({ formFields: SECRET_FIELDS });
    if (apiKey !== "") redactor.addSecretValue(apiKey);
    const logger = levelLog(createLogger(options.logger, options.logLevel));
    const cache = PpmsConnection.#makeCache(options, apiKey === "", redactor);

    const timeout =
      typeof options.timeout === "number" || options.timeout === undefined
        ? { attemptMs: options.timeout ?? 10_000 }
        : options.timeout;
    const clientOptions: HttpClientOptions = {
      baseUrl: url,
      timeout,
      redactor,
      headers: { "user-agent": "pyppms-ts", ...options.headers },
    };
    if (options.dispatcher !== undefined) clientOptions.dispatcher = options.dispatcher;
    if (options.retry !== undefined) clientOptions.retry = options.retry;
    if (options.logger !== undefined) clientOptions.logger = options.logger;
    if (options.logLevel !== undefined) clientOptions.logLevel = options.logLevel;
    if (cache !== undefined) clientOptions.cache = cache;

    const connection = new PpmsConnection({
      url,
      apiKey,
      client: new HttpClient(clientOptions),
      cache,
      logger,
      redactor,
      concurrency,
      strict: options.strict ?? false,
      now: options.now ?? (() => new Date()),
    });
    if (apiKey === "") {
      logger.warn("No API key given, running in offline/cache-only mode");
      return connection;
    }
    try {
      await connection.#authenticate();
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }

  static #makeCache(options: PpmsConnectionOptions, offline: boolean, redactor: Redactor): RecordReplayCache | undefined {
    if (options.cache === undefined) return undefined;
    // A ready cache object (duck-typed, so a second copy of http-core in node_modules still works).
    if (typeof options.cache !== "string") return options.cache;
    const dir = requireText("options.cache", options.cache);
    const init: ConstructorParameters<typeof RecordReplayCache>[0] = {
      dir,
      key: pumapiFormKey({ secretFields: SECRET_FIELDS }),
      storeStatus: true,
      redactor,
    };
    if (options.logger !== undefined) init.logger = options.logger;
    if (offline) init.mode = "replay";
    else if (options.cacheMode !== undefined) init.mode = options.cacheMode;
    if (options.cacheUsersOnly === true) init.onlyFolders = ["getuser"];
    return new RecordReplayCache(init);
  }

  async #authenticate(): Promise<void> {
    let res: HttpResponse;
    try {
      // pyppms never caches `auth`: a cache directory holds data answers only.
      res = await this.#client.request({
        method: "POST",
        url: "",
        form: { action: "auth", apikey: this.#apiKey },
        idempotent: true,
        cache: false,
      });
    } catch (error) {
      if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
        throw new AuthenticationError("auth", `HTTP ${error.status}`);
      }
      throw error;
    }
    const text = res.body;
    if (text.toLowerCase().includes("error") || isNotAuthorized(text)) {
      throw new AuthenticationError("auth", this.#redactor.redactText(answerExcerpt(text)));
    }
    Object.assign(this.status, { authState: "SUCCESS", authResponse: text, authHttpStatus: res.status });
    this.#logger.debug(`Authenticated against ${this.#redactor.redactUrl(this.url)}`);
  }

  // ---------------------------------------------------------------- low level

  /**
   * Sends one PUMAPI action and returns the raw answer (pyppms' `request`). Read actions are
   * retried on transient faults, others never (override with `idempotent`). Checks the text:
   * `request not authorized` (sent with HTTP 200) throws an {@link AuthenticationError}.
   *
   * @param action - the PUMAPI action, e.g. `getuser`
   * @param params - its parameters (undefined values are left out)
   * @param options - retry, cache and abort settings
   * @returns status, body and whether it came from the cache
   * @example
   * ```ts
   * const res = await ppms.request("getsysrights", { id: 31 });
   * res.text; // "A:jdoe\r\nD:former.user\r\n"
   * ```
   */
  async request(action: string, params: PumapiParams = {}, options: PumapiRequestOptions = {}): Promise<PumapiResponse> {
    requireText("action", action);
    const form: Record<string, string> = { action, apikey: this.#apiKey };
    for (const [key, value] of Object.entries(params)) {
      if (key === "action" || key === "apikey") throw new PpmsInvalidArgumentError(`params.${key}`, "is set by the connection");
      if (value !== undefined) form[key] = String(value);
    }
    // skipCache skips a stored answer only where the cache would otherwise serve it instead of the
    // server (record-missing); replay has nothing else, and record-all always asks and stores.
    const useCache = !(options.skipCache === true && !this.offline && this.#cache?.mode === "record-missing");
    const req: Parameters<HttpClient["request"]>[0] = {
      method: "POST",
      url: "",
      form,
      idempotent: options.idempotent ?? isReadAction(action),
      cache: useCache,
    };
    if (options.signal !== undefined) req.signal = options.signal;
    const res = await this.#client.request(req);
    this.#lastServedFromCache = res.fromCache;
    if (isNotAuthorized(res.body)) throw new AuthenticationError(action, this.#redactor.redactText(answerExcerpt(res.body)));
    return { action, status: res.status, text: res.body, fromCache: res.fromCache };
  }

  /**
   * Sends an action with `format=json` and returns the parsed JSON, with HTML entities in its
   * strings unescaped (PUMAPI's JSON answers carry `&amp;` and the like).
   *
   * @param action - the PUMAPI action (one that supports `format=json`)
   * @param params - its parameters
   * @param options - retry, cache and abort settings
   * @returns the parsed, unescaped JSON
   * @throws {@link PumapiValidationError} when the answer is not JSON
   * @example
   * ```ts
   * const systems = await ppms.requestJson("getsystems");
   * ```
   */
  async requestJson(action: string, params: PumapiParams = {}, options: PumapiRequestOptions = {}): Promise<unknown> {
    const res = await this.request(action, { ...params, format: "json" }, options);
    this.#throwOnErrorAnswer(res);
    try {
      return unescapeHtmlEntities(JSON.parse(res.text) as unknown);
    } catch (error) {
      throw this.#validationError(action, res, new ResponseFormatError("answer is not JSON", { field: "(answer)" }), error);
    }
  }

  /** Whether the last completed request was answered from the on-disk cache. */
  get lastServedFromCache(): boolean {
    return this.#lastServedFromCache;
  }

  /**
   * Removes the on-disk cache (pyppms' `flush_cache`); with `keepUsers`, all but the `getuser`
   * answers. The in-memory caches are left as they are. Does nothing without a cache.
   *
   * @param options - whether to keep the `getuser` folder
   * @example
   * ```ts
   * await ppms.flushCache({ keepUsers: true });
   * ```
   */
  async flushCache(options: { keepUsers?: boolean } = {}): Promise<void> {
    if (this.#cache === undefined) {
      this.#logger.debug("flushCache: no cache configured");
      return;
    }
    await this.#cache.flush(options.keepUsers === true ? { keep: ["getuser"] } : {});
  }

  /** Closes the connection pool. The connection must not be used afterwards. */
  async close(): Promise<void> {
    await this.#client.close();
  }

  // ---------------------------------------------------------------- in-memory caches

  /** The users fetched so far, by login (pyppms' `users`). */
  get users(): ReadonlyMap<string, PpmsUser> {
    return this.#users;
  }

  /**
   * Full name → login of the users fetched so far (pyppms' `fullname_mapping`). Full names are
   * not unique: on a collision the later user wins and a warning is logged.
   */
  get fullnameMapping(): ReadonlyMap<string, string> {
    return this.#fullnames;
  }

  /** The systems fetched so far, by id (pyppms' `systems`). */
  get systems(): ReadonlyMap<number, PpmsSystem> {
    return this.#systems;
  }

  #remember(user: PpmsUser): void {
    this.#users.set(user.username, user);
    const previous = this.#fullnames.get(user.fullname);
    if (previous !== undefined && previous !== user.username) {
      this.#ambiguousFullnames.add(user.fullname);
      this.#logger.warn(`Full name '${user.fullname}' is shared by '${previous}' and '${user.username}'; mapping it to '${user.username}'`);
    }
    this.#fullnames.set(user.fullname, user.username);
  }

  // ---------------------------------------------------------------- users

  /**
   * A user by login (pyppms' `get_user`), from the in-memory cache unless `skipCache`.
   *
   * @param login - the login
   * @param options - `skipCache` to fetch it again (and refresh the in-memory cache)
   * @returns the user
   * @throws {@link PpmsUserNotFoundError} when PPMS does not know the login
   * @example
   * ```ts
   * const user = await ppms.getUser("jdoe");
   * user.fullname; // "Doe Jane"
   * ```
   */
  async getUser(login: string, options: { skipCache?: boolean; signal?: AbortSignal } = {}): Promise<PpmsUser> {
    requireText("login", login);
    if (options.skipCache !== true) {
      const known = this.#users.get(login);
      if (known !== undefined) return known;
    }
    const user = await this.#fetchUser(login, options.skipCache === true, options.signal);
    this.#remember(user);
    return user;
  }

  async #fetchUser(login: string, skipCache: boolean, signal?: AbortSignal): Promise<PpmsUser> {
    const opts: PumapiRequestOptions = { skipCache };
    if (signal !== undefined) opts.signal = signal;
    const res = await this.request("getuser", { login }, opts);
    this.#throwOnErrorAnswer(res);
    if (res.text.trim() === "") {
      this.#logger.debug(`User [${login}] is unknown to PPMS`);
      throw new PpmsUserNotFoundError(login);
    }
    return this.#parse(res, () => PpmsUser.fromRecord(dictFromSingleResponse(res.text, this.#parseOptions())));
  }

  /**
   * The raw `getuser` record of a login (pyppms' `get_user_dict`): every column, with booleans
   * converted.
   *
   * @param login - the login
   * @param options - `skipCache` to bypass the on-disk cache
   * @returns column → value
   * @throws {@link PpmsUserNotFoundError} when PPMS does not know the login
   * @example
   * ```ts
   * const dict = await ppms.getUserDict("jdoe");
   * dict.unitlogin; // "imaging_group"
   * ```
   */
  async getUserDict(login: string, options: { skipCache?: boolean } = {}): Promise<ResponseRecord> {
    requireText("login", login);
    const res = await this.request("getuser", { login }, { skipCache: options.skipCache === true });
    this.#throwOnErrorAnswer(res);
    if (res.text.trim() === "") throw new PpmsUserNotFoundError(login);
    return this.#parse(res, () => {
      const dict = dictFromSingleResponse(res.text, this.#parseOptions());
      checkShape(userRecordSchema, dict);
      return dict;
    });
  }

  /**
   * Whether PPMS knows a login.
   *
   * @param login - the login
   * @returns true when `getuser` finds it
   * @example
   * ```ts
   * await ppms.userExists("nobody"); // false
   * ```
   */
  async userExists(login: string): Promise<boolean> {
    try {
      await this.getUser(login);
      return true;
    } catch (error) {
      if (error instanceof PpmsUserNotFoundError) return false;
      throw error;
    }
  }

  /**
   * The logins PPMS knows (pyppms' `get_user_ids`), optionally only active ones.
   *
   * @param options - `active` for active users only
   * @returns the logins
   * @example
   * ```ts
   * const logins = await ppms.getUserIds({ active: true });
   * ```
   */
  async getUserIds(options: { active?: boolean } = {}): Promise<string[]> {
    const res = await this.request("getusers", options.active === true ? { active: "true" } : {});
    this.#throwOnErrorAnswer(res);
    const ids = parseLineList(res.text);
    this.#logger.info(`${ids.length} ${options.active === true ? "active " : ""}users in PPMS`);
    return ids;
  }

  /**
   * All users (pyppms' `get_users`): the in-memory cache when filled, else every user fetched
   * with bounded concurrency (see {@link PpmsConnection.updateUsers}).
   *
   * @param options - `forceRefresh` to fetch again; `activeOnly` (default true); bulk settings
   * @returns login → user
   * @example
   * ```ts
   * const users = await ppms.getUsers({ onProgress: ({ done, total }) => console.log(`${done}/${total}`) });
   * ```
   */
  async getUsers(
    options: BulkOptions & { forceRefresh?: boolean; activeOnly?: boolean } = {},
  ): Promise<ReadonlyMap<string, PpmsUser>> {
    this.#checkBulk(options);
    if (this.#users.size > 0 && options.forceRefresh !== true) {
      this.#logger.debug(`Using cached details for ${this.#users.size} users`);
      return this.#users;
    }
    await this.updateUsers(options);
    return this.#users;
  }

  /**
   * Fetches users again (pyppms' `update_users`): the given logins, or every (active) login,
   * `concurrency` at a time (default 8; pyppms fetched one at a time). Logins PPMS no longer
   * knows are skipped with a warning. The in-memory caches are updated in input order.
   *
   * @param options - `userIds` (default: all), `activeOnly` (default true), bulk settings
   * @returns the fetched users, in input order
   * @example
   * ```ts
   * await ppms.updateUsers({ userIds: ["jdoe", "amueller"] });
   * ```
   */
  async updateUsers(options: BulkOptions & { userIds?: string[]; activeOnly?: boolean } = {}): Promise<PpmsUser[]> {
    this.#checkBulk(options);
    const ids =
      options.userIds !== undefined && options.userIds.length > 0
        ? options.userIds
        : await this.getUserIds({ active: options.activeOnly ?? true });
    this.#logger.debug(`Updating details on ${ids.length} users`);
    const fetched = await this.#bulk(
      ids,
      async (login, signal) => {
        try {
          return await this.#fetchUser(login, true, signal);
        } catch (error) {
          if (!(error instanceof PpmsUserNotFoundError)) throw error;
          this.#logger.warn(`User [${login}] is listed but unknown to PPMS, skipping`);
          return undefined;
        }
      },
      options,
    );
    const users = fetched.filter((user): user is PpmsUser => user !== undefined);
    for (const user of users) this.#remember(user);
    this.#logger.debug(`Collected details on ${this.#users.size} users`);
    return users;
  }

  /**
   * E-mail addresses of users (pyppms' `get_users_emails`): of the given logins, or of all
   * (active) users. Users without an address are skipped with a warning.
   *
   * @param options - `users` (default: all), `active` (default false), bulk settings
   * @returns the addresses, in user order
   * @example
   * ```ts
   * // "emails of all active users"
   * const emails = await ppms.getUsersEmails({ active: true });
   * ```
   */
  async getUsersEmails(options: BulkOptions & { users?: string[]; active?: boolean } = {}): Promise<string[]> {
    this.#checkBulk(options);
    const ids = options.users ?? (await this.getUserIds({ active: options.active === true }));
    const users = await this.#usersByLogin(ids, options);
    const emails: string[] = [];
    for (const user of users) {
      if (user.email === "") {
        this.#logger.warn(`No email for user [${user.username}]`);
        continue;
      }
      emails.push(user.email);
    }
    return emails;
  }

  /**
   * The PPMS administrators (pyppms' `get_admins`).
   *
   * @param options - bulk settings
   * @returns the admin users
   * @example
   * ```ts
   * const admins = await ppms.getAdmins();
   * ```
   */
  async getAdmins(options: BulkOptions = {}): Promise<PpmsUser[]> {
    this.#checkBulk(options);
    const res = await this.request("getadmins");
    this.#throwOnErrorAnswer(res);
    return this.#usersByLogin(parseLineList(res.text), options);
  }

  /**
   * Creates a user (pyppms' `new_user`; PUMAPI updates an existing login instead). Never retried.
   *
   * @param fields - login, names, e-mail, group, optional phone and password
   * @throws {@link PpmsInvalidArgumentError} for a missing field (before any request);
   *   {@link PumapiActionError} when the answer is not `OK newuser`
   * @example
   * ```ts
   * await ppms.newUser({ login: "nuser", lname: "User", fname: "New", email: "new.user@lab.example", ppmsGroup: "imaging_group" });
   * ```
   */
  async newUser(fields: NewUserFields): Promise<void> {
    const params: PumapiParams = {
      login: requireText("login", fields.login),
      lname: requireText("lname", fields.lname),
      fname: requireText("fname", fields.fname),
      email: requireText("email", fields.email),
      unitlogin: requireText("ppmsGroup", fields.ppmsGroup),
    };
    if (!fields.email.includes("@")) throw new PpmsInvalidArgumentError("email", "must be an e-mail address");
    if (fields.phone !== undefined && fields.phone !== "") params.phone = fields.phone;
    if (fields.password !== undefined && fields.password !== "") {
      this.#redactor.addSecretValue(fields.password);
      params.pwd = fields.password;
    }
    const res = await this.request("newuser", params);
    if (!res.text.includes("OK newuser")) {
      const error = new PumapiActionError("newuser", this.#redactor.redactText(answerExcerpt(res.text)));
      this.#logger.error(error.message);
      throw error;
    }
    this.#users.delete(fields.login);
    this.#logger.debug(`Created user [${fields.login}] in PPMS`);
  }

  /**
   * Updates a user (`upduser`; PUMAPI creates it when unknown). Never retried. Drops the user
   * from the in-memory cache so the next `getUser` fetches the new state.
   *
   * @param login - the login
   * @param fields - the fields to change
   * @throws {@link PumapiActionError} when the answer is an error
   * @example
   * ```ts
   * await ppms.updateUser("cnguyen", { active: false });
   * ```
   */
  async updateUser(login: string, fields: UpdateUserFields): Promise<void> {
    const params: PumapiParams = {
      login: requireText("login", login),
      lname: fields.lname,
      fname: fields.fname,
      email: fields.email,
      phone: fields.phone,
      bcode: fields.bcode,
      affiliation: fields.affiliation,
      unitlogin: fields.ppmsGroup,
      active: fields.active,
      mustchpwd: fields.mustChangePassword,
      mustchbcode: fields.mustChangeBcode,
    };
    if (fields.password !== undefined && fields.password !== "") {
      this.#redactor.addSecretValue(fields.password);
      params.pwd = fields.password;
    }
    await this.#write("upduser", params);
    this.#users.delete(login);
  }

  // ---------------------------------------------------------------- groups

  /**
   * The group ids (`unitlogin`) PPMS knows (pyppms' `get_groups`).
   *
   * @returns the group ids
   * @example
   * ```ts
   * const groups = await ppms.getGroups(); // ["imaging_group", ...]
   * ```
   */
  async getGroups(): Promise<string[]> {
    const res = await this.request("getgroups");
    this.#throwOnErrorAnswer(res);
    return parseLineList(res.text);
  }

  /**
   * A group's details (pyppms' `get_group`): every `getgroup` column, booleans converted (the
   * trailing extra fields PUMAPI sends are dropped).
   *
   * @param groupId - the group id (`unitlogin`)
   * @returns column → value
   * @throws {@link PpmsGroupNotFoundError} when PPMS does not know the group
   * @example
   * ```ts
   * const group = await ppms.getGroup("imaging_group");
   * group.heademail; // "jane.doe@lab.example"
   * ```
   */
  async getGroup(groupId: string): Promise<ResponseRecord> {
    requireText("groupId", groupId);
    const res = await this.request("getgroup", { unitlogin: groupId });
    this.#throwOnErrorAnswer(res);
    if (res.text.trim() === "") throw new PpmsGroupNotFoundError(groupId);
    return this.#parse(res, () => {
      const dict = dictFromSingleResponse(res.text, this.#parseOptions());
      checkShape(groupRecordSchema, dict);
      return dict;
    });
  }

  /**
   * The members of a group (pyppms' `get_group_users`).
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - bulk settings
   * @returns the member users
   * @example
   * ```ts
   * const members = await ppms.getGroupUsers("imaging_group");
   * ```
   */
  async getGroupUsers(groupId: string, options: BulkOptions = {}): Promise<PpmsUser[]> {
    this.#checkBulk(options);
    requireText("groupId", groupId);
    const res = await this.request("getgroupusers", { unitlogin: groupId });
    this.#throwOnErrorAnswer(res);
    return this.#usersByLogin(parseLineList(res.text), options);
  }

  /**
   * Creates a group (`newgroup`; PUMAPI updates it when it exists). Never retried.
   *
   * @param groupId - the group id (`unitlogin`)
   * @param fields - the group's details
   * @example
   * ```ts
   * await ppms.newGroup("chem_lab", { unitname: "Chem Lab", department: "Chemistry" });
   * ```
   */
  async newGroup(groupId: string, fields: GroupFields = {}): Promise<void> {
    await this.#write("newgroup", { unitlogin: requireText("groupId", groupId), ...groupParams(fields) });
  }

  /**
   * Updates a group (`updgroup`; PUMAPI creates it when unknown). Never retried.
   *
   * @param groupId - the group id (`unitlogin`)
   * @param fields - the fields to change
   * @example
   * ```ts
   * await ppms.updateGroup("chem_lab", { active: false });
   * ```
   */
  async updateGroup(groupId: string, fields: GroupFields): Promise<void> {
    await this.#write("updgroup", { unitlogin: requireText("groupId", groupId), ...groupParams(fields) });
  }

  // ---------------------------------------------------------------- systems

  /**
   * All systems (pyppms' `get_systems`): the in-memory cache when filled, else fetched.
   *
   * @param options - `forceRefresh` to fetch again
   * @returns system id → system
   * @example
   * ```ts
   * const systems = await ppms.getSystems();
   * systems.get(31)?.name; // "Zeiss LSM 900"
   * ```
   */
  async getSystems(options: { forceRefresh?: boolean } = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    if (this.#systems.size > 0 && options.forceRefresh !== true) return this.#systems;
    await this.updateSystems();
    return this.#systems;
  }

  /**
   * Fetches all systems again (pyppms' `update_systems`). A line that does not fit (e.g. a
   * system id that is not a number) is logged and skipped, as pyppms does; in strict mode it
   * throws a {@link PumapiValidationError}.
   *
   * @returns system id → system
   * @example
   * ```ts
   * await ppms.updateSystems();
   * ```
   */
  async updateSystems(): Promise<ReadonlyMap<number, PpmsSystem>> {
    const res = await this.request("getsystems");
    this.#throwOnErrorAnswer(res);
    const rows = this.#parse(res, () => parseMultilineResponse(res.text, this.#parseOptions()));
    const systems = new Map<number, PpmsSystem>();
    rows.forEach((row, index) => {
      let system: PpmsSystem;
      try {
        system = PpmsSystem.fromParsedResponse(row);
      } catch (error) {
        if (!(error instanceof ResponseFormatError)) throw error;
        const wrapped = this.#validationError("getsystems", res, error, error, `record ${index + 2}`);
        if (this.#strict) throw wrapped;
        this.#logger.error(`Skipping a 'getsystems' line: ${wrapped.message}`);
        return;
      }
      if (systems.has(system.systemId)) this.#logger.warn(`Duplicate system id ${system.systemId} in 'getsystems'`);
      systems.set(system.systemId, system);
    });
    this.#systems = systems;
    return systems;
  }

  /**
   * Ids of the systems whose localisation contains `localisation` (case-insensitive; `""` for
   * any) and whose name contains any of `nameContains` (pyppms' `get_systems_matching`).
   *
   * @param localisation - part of the localisation, or `""`
   * @param nameContains - parts of names (case-sensitive)
   * @returns the matching system ids
   * @example
   * ```ts
   * await ppms.getSystemsMatching("B.12", ["Zeiss", "Confocal"]); // [31, 33]
   * ```
   */
  async getSystemsMatching(localisation: string, nameContains: readonly string[]): Promise<number[]> {
    if (typeof localisation !== "string") throw new PpmsInvalidArgumentError("localisation", "must be a string");
    if (!Array.isArray(nameContains)) throw new PpmsInvalidArgumentError("nameContains", "must be an array of strings");
    const loc = localisation.toLowerCase();
    const ids: number[] = [];
    for (const [id, system] of await this.getSystems()) {
      if (!system.localisation.toLowerCase().includes(loc)) continue;
      if (nameContains.some((part) => system.name.includes(part))) ids.push(id);
    }
    return ids;
  }

  // ---------------------------------------------------------------- permissions

  /**
   * Every permission line of a system (`getsysrights`), including deactivated (`D`) ones. A
   * login may appear more than once with different letters.
   *
   * @param systemId - the system id
   * @returns permission and login per line
   * @example
   * ```ts
   * const rights = await ppms.getSystemRights(31); // [{ permission: "A", login: "jdoe" }, ...]
   * ```
   */
  async getSystemRights(systemId: number | string): Promise<SystemRight[]> {
    const res = await this.request("getsysrights", { id: requireId("systemId", systemId) });
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () => parseRightsLines(res.text).map((r) => ({ permission: r.permission, login: r.subject })));
  }

  /**
   * Logins that may book a system (pyppms' `get_users_with_access_to_system`): every login with
   * a permission other than `D` (deactivated), each once.
   *
   * @param systemId - the system id
   * @returns the logins
   * @example
   * ```ts
   * await ppms.getUsersWithAccessToSystem(31); // ["jdoe", "amueller", "facility.admin"]
   * ```
   */
  async getUsersWithAccessToSystem(systemId: number | string): Promise<string[]> {
    const logins: string[] = [];
    for (const right of await this.getSystemRights(systemId)) {
      if (right.permission === "D") {
        this.#logger.debug(`Ignoring deactivated user [${right.login}] on system ${String(systemId)}`);
        continue;
      }
      if (!logins.includes(right.login)) logins.push(right.login);
    }
    return logins;
  }

  /**
   * A user's permissions on all systems (`getuserrights`).
   *
   * @param login - the login
   * @returns permission and system id per line
   * @example
   * ```ts
   * await ppms.getUserRights("jdoe"); // [{ permission: "A", systemId: 31 }, ...]
   * ```
   */
  async getUserRights(login: string): Promise<UserRight[]> {
    const res = await this.request("getuserrights", { login: requireText("login", login) });
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () =>
      parseRightsLines(res.text).map((r, index) => {
        if (!/^\d+$/.test(r.subject)) {
          throw new ResponseFormatError(`line ${index + 1}: system id '${r.subject}' is not a number`, {
            field: `${index + 1}.systemId`,
          });
        }
        return { permission: r.permission, systemId: Number(r.subject) };
      }),
    );
  }

  /**
   * Sets a user's booking permission on a system (pyppms' `set_system_booking_permissions`).
   * The letter is checked locally first, since PUMAPI silently accepts any letter. Never retried.
   *
   * @param login - the login
   * @param systemId - the system id
   * @param permission - `A` autonomous, `N` novice, `S` superuser, `D` deactivated
   * @returns true when PUMAPI answered `done`; false (and an error log) for answers such as
   *   `error: invalid user` or `system right not authorized`
   * @throws {@link PpmsInvalidArgumentError} for an unknown letter, before any request
   * @example
   * ```ts
   * await ppms.setSystemBookingPermissions("bkovac", 31, "N"); // true
   * ```
   */
  async setSystemBookingPermissions(login: string, systemId: number | string, permission: SystemPermission): Promise<boolean> {
    requireText("login", login);
    const id = requireId("systemId", systemId);
    if (!isSystemPermission(permission)) {
      throw new PpmsInvalidArgumentError("permission", `must be one of A, N, S, D; got ${JSON.stringify(permission)}`);
    }
    const res = await this.request("setright", { id, login, type: permission });
    if (res.text.trim().toLowerCase() === "done") {
      this.#logger.debug(`Set permission ${permission} for [${login}] on system ${id}`);
      return true;
    }
    this.#logger.error(`Setting permission ${permission} for [${login}] on system ${id} failed: ${answerExcerpt(res.text)}`);
    return false;
  }

  /**
   * Gives a user autonomous access to a system (`setright` type `A`).
   *
   * @param login - the login
   * @param systemId - the system id
   * @returns true on success (see {@link PpmsConnection.setSystemBookingPermissions})
   * @example
   * ```ts
   * await ppms.giveUserAccessToSystem("bkovac", 31);
   * ```
   */
  async giveUserAccessToSystem(login: string, systemId: number | string): Promise<boolean> {
    return this.setSystemBookingPermissions(login, systemId, "A");
  }

  /**
   * Removes a user's access to a system (`setright` type `D`, deactivated).
   *
   * @param login - the login
   * @param systemId - the system id
   * @returns true on success (see {@link PpmsConnection.setSystemBookingPermissions})
   * @example
   * ```ts
   * await ppms.removeUserAccessFromSystem("bkovac", 31);
   * ```
   */
  async removeUserAccessFromSystem(login: string, systemId: number | string): Promise<boolean> {
    return this.setSystemBookingPermissions(login, systemId, "D");
  }

  // ---------------------------------------------------------------- bookings

  /**
   * The running (`get`) or next (`next`) booking of a system (pyppms' `get_booking`), or null
   * when there is none. Times come from PUMAPI's "minutes from now"; a next booking has no end.
   *
   * @param systemId - the system id
   * @param bookingType - `get` (default) or `next`
   * @returns the booking, or null
   * @example
   * ```ts
   * const booking = await ppms.getBooking(31, "next");
   * booking?.starttime;
   * ```
   */
  async getBooking(systemId: number | string, bookingType: BookingType = "get"): Promise<PpmsBooking | null> {
    if (bookingType !== "get" && bookingType !== "next") {
      throw new PpmsInvalidArgumentError("bookingType", `must be 'get' or 'next', got ${JSON.stringify(bookingType)}`);
    }
    const id = requireId("systemId", systemId);
    const res = await this.request(`${bookingType}booking`, { id });
    this.#throwOnErrorAnswer(res);
    if (res.text.trim() === "") return null;
    return this.#parse(res, () => PpmsBooking.fromBookingResponse(res.text, bookingType, Number(id), { now: this.#now() }));
  }

  /**
   * The running booking of a system, or null (`getBooking(systemId, "get")`).
   *
   * @param systemId - the system id
   * @returns the booking, or null
   * @example
   * ```ts
   * const current = await ppms.getCurrentBooking(31);
   * ```
   */
  async getCurrentBooking(systemId: number | string): Promise<PpmsBooking | null> {
    return this.getBooking(systemId, "get");
  }

  /**
   * The next booking of a system, or null (`getBooking(systemId, "next")`). PUMAPI silently
   * omits a next booking far in the future.
   *
   * @param systemId - the system id
   * @returns the booking, or null
   * @example
   * ```ts
   * const next = await ppms.getNextBooking(31);
   * ```
   */
  async getNextBooking(systemId: number | string): Promise<PpmsBooking | null> {
    return this.getBooking(systemId, "next");
  }

  /**
   * The bookings of a core facility on a day (pyppms' `get_running_sheet`). The running sheet
   * names users by full name and systems by name: an unknown full name refreshes all users once
   * (unless `ignoreUncachedUsers`), entries of still unknown users are skipped, and each entry is
   * matched to exactly one system of that facility with exactly that name (and localisation
   * when given), else skipped. An end time of `00:00` ends at midnight after the day.
   *
   * @param coreFacilityRef - the core facility (`plateformid`)
   * @param day - the day, as a `Date` (local) or `YYYY-MM-DD`
   * @param options - `ignoreUncachedUsers`, `localisation`, bulk settings for the user refresh
   * @returns the bookings, in running-sheet order
   * @example
   * ```ts
   * const bookings = await ppms.getRunningSheet(2, "2030-03-14");
   * for (const b of bookings) console.log(b.desc);
   * ```
   */
  async getRunningSheet(
    coreFacilityRef: number | string,
    day: Date | string,
    options: RunningSheetOptions = {},
  ): Promise<PpmsBooking[]> {
    this.#checkBulk(options);
    const facility = requireId("coreFacilityRef", coreFacilityRef);
    const date = requireDay("day", day);
    const localisation = options.localisation ?? "";
    const res = await this.request("getrunningsheet", { plateformid: facility, day: formatDay(date) });
    this.#throwOnErrorAnswer(res);
    const entries = this.#parse(res, () => {
      let rows: ResponseRecord[];
      try {
        rows = parseMultilineResponse(res.text, { ...this.#parseOptions(), graceful: false });
      } catch (error) {
        // In case no bookings exist the answer is empty or just the header.
        if (error instanceof NoDataError) return [];
        if (this.#strict) throw error;
        rows = parseMultilineResponse(res.text, this.#parseOptions());
      }
      return rows.map((row, index) => ({ row, entry: checkShape(runningSheetEntrySchema, row, `record ${index + 2}`) }));
    });
    if (entries.length === 0) return [];

    const unknown = entries.filter(({ entry }) => !this.#fullnames.has(entry.User));
    if (unknown.length > 0 && options.ignoreUncachedUsers !== true) {
      this.#logger.debug(`Running sheet refers to ${unknown.length} uncached user(s), updating users`);
      await this.updateUsers(options);
    }
    const systems = (await this.getSystems()).values();
    const systemList = [...systems];

    const bookings: PpmsBooking[] = [];
    entries.forEach(({ row, entry }, index) => {
      const username = this.#fullnames.get(entry.User);
      if (username === undefined) {
        if (options.ignoreUncachedUsers === true) this.#logger.debug(`Ignoring booking of uncached user [${entry.User}]`);
        else this.#logger.error(`PPMS does not know user [${entry.User}], skipping its booking`);
        return;
      }
      if (this.#ambiguousFullnames.has(entry.User)) {
        this.#logger.warn(`Full name '${entry.User}' belongs to several logins; booking assigned to '${username}'`);
      }
      const ids = matchSystemIds(systemList, Number(facility), entry.Object, localisation);
      if (ids.length !== 1) {
        if (ids.length > 1) this.#logger.error(`Several systems named '${entry.Object}' found, skipping booking`);
        else if (localisation !== "") this.#logger.debug(`System '${entry.Object}' is not at '${localisation}'`);
        else this.#logger.error(`Unable to find system '${entry.Object}', skipping booking`);
        return;
      }
      bookings.push(
        this.#parse(res, () => PpmsBooking.fromRunningsheet(row, ids[0] as number, username, date), `record ${index + 2}`),
      );
    });
    return bookings;
  }

  /**
   * Booked and used hours per user and system (pyppms' `get_user_experience`), optionally for
   * one login and/or one system.
   *
   * @param options - `login`, `systemId`
   * @returns one record per user and system (`n/a` when never reserved or trained)
   * @example
   * ```ts
   * const exp = await ppms.getUserExperience({ login: "jdoe", systemId: 31 });
   * exp[0]?.booked_hours; // 120.5
   * ```
   */
  async getUserExperience(options: { login?: string; systemId?: number | string } = {}): Promise<UserExperience[]> {
    const params: PumapiParams = {};
    if (options.login !== undefined) params.login = requireText("login", options.login);
    if (options.systemId !== undefined) params.id = requireId("systemId", options.systemId);
    const res = await this.request("getuserexp", params);
    this.#throwOnErrorAnswer(res);
    return this.#parseRows(res, userExperienceSchema);
  }

  // ---------------------------------------------------------------- more of PUMAPI

  /**
   * All projects (`getprojects`).
   *
   * @returns the projects
   * @example
   * ```ts
   * const projects = await ppms.getProjects();
   * ```
   */
  async getProjects(): Promise<PpmsProject[]> {
    const res = await this.request("getprojects");
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () =>
      parseMultilineResponse(res.text, this.#parseOptions()).map((row, index) => {
        try {
          return projectFromRecord(row);
        } catch (error) {
          throw error instanceof ResponseFormatError ? prefixField(error, index + 2) : error;
        }
      }),
    );
  }

  /**
   * Logins of a project's members (`getprojectusers`).
   *
   * @param projectId - the project id
   * @returns the logins
   * @example
   * ```ts
   * await ppms.getProjectUsers(7); // ["bkovac", "cnguyen"]
   * ```
   */
  async getProjectUsers(projectId: number | string): Promise<string[]> {
    return this.#lines("getprojectusers", { projectid: requireId("projectId", projectId) });
  }

  /**
   * Group ids of a project (`getprojectgroups`).
   *
   * @param projectId - the project id
   * @returns the group ids
   * @example
   * ```ts
   * await ppms.getProjectGroups(7); // ["cell_lab"]
   * ```
   */
  async getProjectGroups(projectId: number | string): Promise<string[]> {
    return this.#lines("getprojectgroups", { projectid: requireId("projectId", projectId) });
  }

  /**
   * Ids of a user's projects (`getuserprojects`).
   *
   * @param login - the login
   * @returns the project ids
   * @example
   * ```ts
   * await ppms.getUserProjects("bkovac"); // [7]
   * ```
   */
  async getUserProjects(login: string): Promise<number[]> {
    const res = await this.request("getuserprojects", { login: requireText("login", login) });
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () =>
      parseLineList(res.text).map((line, index) => {
        if (!/^\d+$/.test(line)) throw new ResponseFormatError(`line ${index + 1}: '${line}' is not a project id`, { field: `${index + 1}.projectId` });
        return Number(line);
      }),
    );
  }

  /**
   * All billing codes (`getbcodes`).
   *
   * @returns the billing codes
   * @example
   * ```ts
   * const bcodes = await ppms.getBcodes();
   * ```
   */
  async getBcodes(): Promise<PpmsBcode[]> {
    const res = await this.request("getbcodes");
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () =>
      parseMultilineResponse(res.text, this.#parseOptions()).map((row, index) => {
        try {
          return bcodeFromRecord(row);
        } catch (error) {
          throw error instanceof ResponseFormatError ? prefixField(error, index + 2) : error;
        }
      }),
    );
  }

  /**
   * The note of a booking session (`getsessionnote`).
   *
   * @param sessionId - the session id (as in {@link PpmsBooking.session})
   * @returns the note (empty when none)
   * @example
   * ```ts
   * await ppms.getSessionNote(12345);
   * ```
   */
  async getSessionNote(sessionId: number | string): Promise<string> {
    const res = await this.request("getsessionnote", { resid: requireId("sessionId", sessionId) });
    this.#throwOnErrorAnswer(res);
    return res.text.replace(/(\r\n|\n|\r)+$/, "");
  }

  /**
   * Sets the note of a booking session (`setsessionnote`). Never retried.
   *
   * @param sessionId - the session id
   * @param note - the note
   * @example
   * ```ts
   * await ppms.setSessionNote(12345, "Checked");
   * ```
   */
  async setSessionNote(sessionId: number | string, note: string): Promise<void> {
    if (typeof note !== "string") throw new PpmsInvalidArgumentError("note", "must be a string");
    await this.#write("setsessionnote", { resid: requireId("sessionId", sessionId), note });
  }

  /**
   * Incidents of a system (`getinc`), as parsed CSV records.
   *
   * @param systemId - the system id
   * @returns one record per incident
   * @example
   * ```ts
   * const incidents = await ppms.getIncidents(31);
   * ```
   */
  async getIncidents(systemId: number | string): Promise<ResponseRecord[]> {
    const res = await this.request("getinc", { id: requireId("systemId", systemId) });
    this.#throwOnErrorAnswer(res);
    return this.#parse(res, () => parseMultilineResponse(res.text, this.#parseOptions()));
  }

  /**
   * Reports an incident on a system (`createinc`). Never retried.
   *
   * @param systemId - the system id
   * @param severity - 1 (low) to 3 (high)
   * @param description - what happened
   * @example
   * ```ts
   * await ppms.createIncident(31, 2, "Stage-drift");
   * ```
   */
  async createIncident(systemId: number | string, severity: IncidentSeverity, description: string): Promise<void> {
    const id = requireId("systemId", systemId);
    if (severity !== 1 && severity !== 2 && severity !== 3) {
      throw new PpmsInvalidArgumentError("severity", `must be 1, 2 or 3; got ${JSON.stringify(severity)}`);
    }
    await this.#write("createinc", { id, severity, descr: requireText("description", description) });
  }

  // ---------------------------------------------------------------- helpers

  #parseOptions(): ParseResponseOptions {
    return { graceful: !this.#strict, logger: this.#logger };
  }

  async #lines(action: string, params: PumapiParams): Promise<string[]> {
    const res = await this.request(action, params);
    this.#throwOnErrorAnswer(res);
    return parseLineList(res.text);
  }

  async #write(action: string, params: PumapiParams): Promise<void> {
    const res = await this.request(action, params);
    const text = res.text.toLowerCase();
    if (text.includes("error") || text.includes("not authorized")) {
      throw new PumapiActionError(action, this.#redactor.redactText(answerExcerpt(res.text)));
    }
  }

  #throwOnErrorAnswer(res: PumapiResponse): void {
    if (isErrorAnswer(res.text)) throw new PumapiActionError(res.action, this.#redactor.redactText(answerExcerpt(res.text)));
  }

  #parseRows<S extends z.ZodType>(res: PumapiResponse, schema: S): z.output<S>[] {
    return this.#parse(res, () =>
      parseMultilineResponse(res.text, this.#parseOptions()).map((row, index) => checkShape(schema, row, `record ${index + 2}`)),
    );
  }

  /** Runs a parser; its format errors become validation errors naming the action and field. */
  #parse<T>(res: PumapiResponse, parse: () => T, where?: string): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ResponseFormatError) throw this.#validationError(res.action, res, error, error, where);
      throw error;
    }
  }

  #validationError(
    action: string,
    res: PumapiResponse,
    error: ResponseFormatError,
    cause: unknown,
    where?: string,
  ): PumapiValidationError {
    const field = error.field ?? "(answer)";
    const message = where === undefined ? error.message : `${where}: ${error.message}`;
    return new PumapiValidationError({
      action,
      field,
      issues: [{ field, message: this.#redactor.redactText(message) }],
      url: this.#redactor.redactUrl(this.url),
      bodyExcerpt: this.#redactor.redactText(answerExcerpt(res.text)),
      cause,
    });
  }

  /** Checks bulk options up front, so a bad value fails before any request. */
  #checkBulk(options: BulkOptions): void {
    if (options.concurrency !== undefined) requirePositiveInteger("concurrency", options.concurrency);
    if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
      throw new PpmsInvalidArgumentError("onProgress", "must be a function");
    }
  }

  async #usersByLogin(logins: readonly string[], options: BulkOptions): Promise<PpmsUser[]> {
    return this.#bulk(logins, (login, signal) => this.getUser(login, { signal }), options);
  }

  async #bulk<T, R>(items: readonly T[], fn: (item: T, signal: AbortSignal) => Promise<R>, options: BulkOptions): Promise<R[]> {
    const concurrency = requirePositiveInteger("concurrency", options.concurrency ?? this.#concurrency);
    const opts: MapConcurrentOptions & { stopOnError: true } = { concurrency, stopOnError: true };
    if (options.onProgress !== undefined) opts.onProgress = options.onProgress;
    if (options.signal !== undefined) opts.signal = options.signal;
    return mapConcurrent([...items], (item: T, _index: number, signal: AbortSignal) => fn(item, signal), opts);
  }
}

function groupParams(fields: GroupFields): PumapiParams {
  return {
    unitname: fields.unitname,
    headname: fields.headname,
    heademail: fields.heademail,
    unitbcode: fields.unitbcode,
    department: fields.department,
    institution: fields.institution,
    address: fields.address,
    ext: fields.ext,
    affiliation: fields.affiliation,
    active: fields.active,
  };
}

function prefixField(error: ResponseFormatError, record: number): ResponseFormatError {
  return new ResponseFormatError(`record ${record}: ${error.message}`, { field: error.field ?? "(answer)", line: record });
}
