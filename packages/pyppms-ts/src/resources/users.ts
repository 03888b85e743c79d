import type { PumapiAnswer } from "../client/answer.js";
import { confirmWrite } from "../client/answer-checks.js";
import { bulk, checkBulk } from "../client/bulk.js";
import { callAction } from "../client/call.js";
import { declareAction, emptyList } from "../client/declaration.js";
import { anyText, flag, optional, secret, text } from "../client/param-rules.js";
import { rememberUser, stateOf } from "../client/state.js";
import { PpmsUserNotFoundError, PumapiActionError } from "../errors/answer.js";
import { PpmsInvalidArgumentError, PpmsUserExistsError } from "../errors/argument.js";
import { requireFields, requireKnownFields, requireLogins, requireText, requireUpdateFields } from "../internal/inputs.js";
import { userRecord } from "../models/records.js";
import { PpmsUser } from "../models/user.js";
import { parseLoginList } from "../wire/line-list.js";
import { checkRecord } from "../models/validators.js";
import type { BulkOptions, CallOptions, GetUserOptions, SkipCacheOptions, GetUsersEmailsOptions, GetUsersOptions, NewUserFields, NewUserOptions, UpdateUserFields, UpdateUsersOptions } from "../types.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { fetchUser, GETUSER } from "./user-fetch.js";

const lineList = (answer: PumapiAnswer): string[] => parseLoginList(answer.text);

/** The user actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const USER_ACTIONS = {
  getuser: GETUSER,
  getusers: declareAction({ action: "getusers", kind: "read", params: { active: optional(flag) }, empty: emptyList<string>(), recorded: "always", parse: lineList }),
  getadmins: declareAction({ action: "getadmins", kind: "read", params: {}, empty: emptyList<string>(), recorded: "always", parse: lineList }),
  newuser: declareAction({
    action: "newuser",
    kind: "write",
    params: { login: text, lname: text, fname: text, email: text, unitlogin: text, phone: optional(anyText), pwd: optional(secret) },
    empty: "error",
    recorded: "always",
    parse: (answer) => {
      if (!answer.text.includes("OK newuser")) throw new PumapiActionError("newuser", answer.context);
    },
  }),
  upduser: declareAction({
    action: "upduser",
    kind: "write",
    params: {
      login: text,
      ...Object.fromEntries(["lname", "fname", "email", "phone", "bcode", "affiliation", "unitlogin"].map((name) => [name, optional(anyText)])),
      active: optional(flag),
      mustchpwd: optional(flag),
      mustchbcode: optional(flag),
      pwd: optional(secret),
    },
    empty: "error",
    recorded: "always",
    parse: confirmWrite,
  }),
};

// updateUser's fields and the upduser parameter each is sent as.
const UPDATE_USER_PARAMS: Readonly<Record<keyof UpdateUserFields, string>> = {
  lname: "lname",
  fname: "fname",
  email: "email",
  phone: "phone",
  bcode: "bcode",
  affiliation: "affiliation",
  ppmsGroup: "unitlogin",
  active: "active",
  password: "pwd",
  mustChangePassword: "mustchpwd",
  mustChangeBcode: "mustchbcode",
};

/** Fetches users by login with bounded concurrency (through the in-memory cache). */
export function usersByLogin(connection: PpmsUsersApi, logins: readonly string[], options: BulkOptions): Promise<PpmsUser[]> {
  return bulk(stateOf(connection), "PUMAPI getuser", logins, (login, signal) => connection.getUser(login, { signal }), options);
}

/**
 * The user methods of {@link PpmsConnection} (PUMAPI `getuser`, `getusers`, `getadmins`,
 * `newuser`, `upduser`). Holds no fields: the connection's state is reached through its registry.
 *
 * @example
 * ```ts
 * const ppms = await PpmsConnection.connect({ baseUrl, apiKey });
 * const user = await ppms.getUser("jdoe");
 * ```
 */
export abstract class PpmsUsersApi {
  /**
   * A user by login (pyppms' `get_user`), from the in-memory cache unless `skipCache`. With
   * `withUserId`, PUMAPI is asked for the numeric user id too (`withuserid=true`); a cached user
   * without it is not served to such a call. Honours the connection's `format` (CSV or JSON).
   *
   * @param login - the login
   * @param options - `skipCache` to fetch it again (and refresh the caches); `withUserId`; `signal`
   * @returns the user
   * @throws {@link PpmsUserNotFoundError} when PPMS does not know the login (its message names action and login)
   * @example
   * ```ts
   * const user = await ppms.getUser("jdoe");
   * user.fullname; // "Doe Jane"
   * (await ppms.getUser("jdoe", { withUserId: true })).userId; // 1
   * ```
   */
  async getUser(login: string, options: GetUserOptions = {}): Promise<PpmsUser> {
    const s = stateOf(this);
    requireText("login", login);
    if (options.skipCache !== true) {
      const known = s.users.get(login);
      if (known !== undefined && (options.withUserId !== true || known.userId !== undefined)) return known;
    }
    const user = await fetchUser(s, login, (record) => PpmsUser.fromRecord(record), options);
    rememberUser(s, user);
    return user;
  }

  /**
   * The raw `getuser` record of a login (pyppms' `get_user_dict`): every column, with booleans
   * converted (`userid` too, with `withUserId`).
   *
   * @param login - the login
   * @param options - `skipCache` to ask the server again; `withUserId`; `signal`
   * @returns column → value
   * @throws {@link PpmsUserNotFoundError} when PPMS does not know the login
   * @example
   * ```ts
   * const dict = await ppms.getUserDict("jdoe");
   * dict.unitlogin; // "imaging_group"
   * ```
   */
  async getUserDict(login: string, options: GetUserOptions = {}): Promise<ResponseRecord> {
    requireText("login", login);
    return fetchUser(stateOf(this), login, (record) => (checkRecord(userRecord, record), record), options);
  }

  /**
   * Whether PPMS knows a login.
   *
   * @param login - the login
   * @param options - `signal`
   * @returns true when `getuser` finds it
   * @example
   * ```ts
   * await ppms.userExists("nobody"); // false
   * ```
   */
  async userExists(login: string, options: SkipCacheOptions = {}): Promise<boolean> {
    try {
      await this.getUser(login, options);
      return true;
    } catch (error) {
      if (error instanceof PpmsUserNotFoundError) return false;
      throw error;
    }
  }

  /**
   * The logins PPMS knows (pyppms' `get_user_ids`), optionally only active ones.
   *
   * @param options - `active` for active users only; `signal`
   * @returns the logins
   * @example
   * ```ts
   * const logins = await ppms.getUserIds({ active: true });
   * ```
   */
  async getUserIds(options: CallOptions & { active?: boolean | undefined } = {}): Promise<string[]> {
    const s = stateOf(this);
    // `active: false` means "all users" (no filter), as in pyppms; anything but a boolean is refused.
    const ids = await callAction(s, USER_ACTIONS.getusers, { active: options.active === false ? undefined : options.active }, options);
    s.logger.info(`${ids.length} ${options.active === true ? "active " : ""}users in PPMS`);
    return ids;
  }

  /**
   * All users (pyppms' `get_users`): the in-memory cache when filled, else every user fetched
   * with bounded concurrency (see {@link PpmsUsersApi.cacheUpdateUsers}).
   *
   * @param options - `forceRefresh`; `activeOnly` (default true); bulk settings and `signal`
   * @returns login → user
   * @example
   * ```ts
   * const users = await ppms.getUsers({ onProgress: ({ done, total }) => console.log(`${done}/${total}`) });
   * ```
   */
  async getUsers(options: GetUsersOptions = {}): Promise<ReadonlyMap<string, PpmsUser>> {
    const s = stateOf(this);
    checkBulk(options);
    if (s.users.size > 0 && options.forceRefresh !== true) {
      s.logger.debug(`Using cached details for ${s.users.size} users`);
      return s.users;
    }
    await this.cacheUpdateUsers(options);
    return s.users;
  }

  /**
   * Fetches users again into the in-memory cache (pyppms 4.0's `cache_update_users`, 3.x's
   * `update_users`): the given logins, or every (active) login, `concurrency` at a time (default
   * 8; pyppms fetched one at a time). Logins PPMS no longer knows are skipped with a warning. The
   * in-memory caches are updated in input order.
   *
   * @param options - `userIds` (default: all), `activeOnly` (default true), bulk settings and `signal`
   * @returns the fetched users, in input order
   * @example
   * ```ts
   * await ppms.cacheUpdateUsers({ userIds: ["jdoe", "amueller"] });
   * ```
   */
  async cacheUpdateUsers(options: UpdateUsersOptions = {}): Promise<PpmsUser[]> {
    const s = stateOf(this);
    checkBulk(options);
    const given = options.userIds === undefined ? undefined : requireLogins("userIds", options.userIds);
    const ids =
      given !== undefined && given.length > 0
        ? given
        : await this.getUserIds({ active: options.activeOnly ?? true, signal: options.signal });
    s.logger.debug(`Updating details on ${ids.length} users`);
    const fetched = await bulk(
      s,
      "PUMAPI getuser",
      ids,
      async (login, signal) => {
        try {
          return await fetchUser(s, login, (record) => PpmsUser.fromRecord(record), { skipCache: true, signal });
        } catch (error) {
          if (!(error instanceof PpmsUserNotFoundError)) throw error;
          s.logger.warn(`User [${login}] is listed but unknown to PPMS, skipping`);
          return undefined;
        }
      },
      options,
    );
    const users = fetched.filter((user): user is PpmsUser => user !== undefined);
    for (const user of users) rememberUser(s, user);
    s.logger.debug(`Collected details on ${s.users.size} users`);
    return users;
  }

  /**
   * Fetches users again into the in-memory cache (pyppms 3.x's `update_users`).
   *
   * @deprecated Use {@link PpmsUsersApi.cacheUpdateUsers} (pyppms 4.0's `cache_update_users`); this alias calls it.
   * @param options - `userIds` (default: all), `activeOnly` (default true), bulk settings and `signal`
   * @returns the fetched users, in input order
   * @example
   * ```ts
   * await ppms.updateUsers({ userIds: ["jdoe"] }); // same as ppms.cacheUpdateUsers(...)
   * ```
   */
  async updateUsers(options: UpdateUsersOptions = {}): Promise<PpmsUser[]> {
    return this.cacheUpdateUsers(options);
  }

  /**
   * E-mail addresses of users (pyppms' `get_users_emails`): of the given logins, or of all
   * (active) users. Users without an address are skipped with a warning.
   *
   * @param options - `users` (default: all), `active` (default false), bulk settings and `signal`
   * @returns the addresses, in user order
   * @example
   * ```ts
   * // "emails of all active users"
   * const emails = await ppms.getUsersEmails({ active: true });
   * ```
   */
  async getUsersEmails(options: GetUsersEmailsOptions = {}): Promise<string[]> {
    const s = stateOf(this);
    checkBulk(options);
    const ids = options.users !== undefined ? requireLogins("users", options.users) : (await this.getUserIds({ active: options.active === true, signal: options.signal }));
    const emails: string[] = [];
    for (const user of await usersByLogin(this, ids, options)) {
      if (user.email === "") s.logger.warn(`No email for user [${user.username}]`);
      else emails.push(user.email);
    }
    return emails;
  }

  /**
   * The PPMS administrators (pyppms' `get_admins`).
   *
   * @param options - bulk settings and `signal`
   * @returns the admin users
   * @example
   * ```ts
   * const admins = await ppms.getAdmins();
   * ```
   */
  async getAdmins(options: BulkOptions = {}): Promise<PpmsUser[]> {
    checkBulk(options);
    const logins = await callAction(stateOf(this), USER_ACTIONS.getadmins, {}, options);
    return usersByLogin(this, logins, options);
  }

  /**
   * Creates a user (pyppms' `new_user`). PUMAPI's `newuser` overwrites a login that exists, so
   * `newUser` asks `getuser` first (as pyppms checks `user_exists`) and refuses an existing login
   * with a {@link PpmsUserExistsError}, unless `{ overwrite: true }`. Never retried.
   *
   * @param fields - login, names, e-mail, group, optional phone and password (a secret: masked, never recorded)
   * @param options - `overwrite` to allow overwriting an existing login; `signal`
   * @throws {@link PpmsInvalidArgumentError} for a missing or wrong field (before any request);
   *   {@link PpmsUserExistsError} when the login exists; {@link PumapiActionError} when the answer is not `OK newuser`
   * @example
   * ```ts
   * await ppms.newUser({ login: "nuser", lname: "User", fname: "New", email: "new.user@lab.example", ppmsGroup: "imaging_group" });
   * ```
   */
  async newUser(fields: NewUserFields, options: NewUserOptions = {}): Promise<void> {
    const s = stateOf(this);
    const f = requireFields("fields", fields);
    const login = requireText("login", f.login);
    if (typeof f.email !== "string" || !f.email.includes("@")) throw new PpmsInvalidArgumentError("email", "must be an e-mail address");
    if (options.overwrite !== undefined && typeof options.overwrite !== "boolean") throw new PpmsInvalidArgumentError("options.overwrite", "must be true or false");
    if (f.phone !== undefined && typeof f.phone !== "string") throw new PpmsInvalidArgumentError("phone", "must be a string");
    if (f.password !== undefined && typeof f.password !== "string") throw new PpmsInvalidArgumentError("password", "must be a string");
    // Everything is checked before anything is sent, the getuser below included.
    const params = {
      login,
      lname: requireText("lname", f.lname),
      fname: requireText("fname", f.fname),
      email: f.email,
      unitlogin: requireText("ppmsGroup", f.ppmsGroup),
      phone: f.phone === "" ? undefined : f.phone,
      pwd: f.password === "" ? undefined : f.password,
    };
    if (options.overwrite !== true && (await this.userExists(login, { signal: options.signal, skipCache: true }))) throw new PpmsUserExistsError(login);
    try {
      await callAction(s, USER_ACTIONS.newuser, params, options);
    } catch (error) {
      if (error instanceof PumapiActionError) s.logger.error(error.message);
      throw error;
    }
    s.users.delete(login);
    s.logger.debug(`Created user [${login}] in PPMS`);
  }

  /**
   * Updates a user (`upduser`; PUMAPI creates it when unknown). Never retried. Drops the user
   * from the in-memory cache so the next `getUser` fetches the new state.
   *
   * @param login - the login
   * @param fields - the fields to change (at least one; unknown names are refused; an empty `password` is not sent and counts as no field)
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} for an unknown field, no field or a wrong value (before any request);
   *   {@link PumapiActionError} when the answer is an error
   * @example
   * ```ts
   * await ppms.updateUser("cnguyen", { active: false });
   * ```
   */
  async updateUser(login: string, fields: UpdateUserFields, options: CallOptions = {}): Promise<void> {
    const s = stateOf(this);
    requireText("login", login);
    // An empty password is not sent (it would blank the password): it is dropped before the
    // "at least one field" check, so `{ password: "" }` alone is nothing to update, refused here
    // rather than sent as an `upduser` with only the login (which PUMAPI may take as a new user).
    const known = requireKnownFields("fields", fields, Object.keys(UPDATE_USER_PARAMS));
    const given = requireUpdateFields("fields", Object.fromEntries(Object.entries(known).filter(([name, value]) => !(name === "password" && value === ""))), Object.keys(UPDATE_USER_PARAMS));
    const params: Record<string, unknown> = { login };
    for (const [name, value] of Object.entries(given)) params[UPDATE_USER_PARAMS[name as keyof UpdateUserFields]] = value;
    await callAction(s, USER_ACTIONS.upduser, params as Record<string, string | boolean | undefined>, options);
    s.users.delete(login);
  }
}
