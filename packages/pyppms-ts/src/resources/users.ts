import type { PumapiAnswer } from "../client/answer.js";
import { bulk, checkBulk } from "../client/bulk.js";
import { rememberUser, stateOf } from "../client/state.js";
import { PpmsUserNotFoundError, PumapiActionError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireText } from "../internal/inputs.js";
import { userRecord } from "../models/records.js";
import { PpmsUser } from "../models/user.js";
import { parseLoginList } from "../wire/line-list.js";
import { checkRecord } from "../models/validators.js";
import type { BulkOptions, CallOptions, NewUserFields, PumapiParams, SkipCacheOptions, UpdateUserFields } from "../types.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { fetchUser } from "./user-fetch.js";

/** Options of {@link PpmsUsersApi.getUser} and {@link PpmsUsersApi.getUserDict}. */
export interface GetUserOptions extends SkipCacheOptions {
  /**
   * Ask for PPMS' numeric user id too (`withuserid=true`), as {@link PpmsUser.userId} (or the
   * record's `userid`). A user in the in-memory cache without it is fetched again.
   */
  withUserId?: boolean | undefined;
}

/** Options of {@link PpmsUsersApi.getUsers}. */
export interface GetUsersOptions extends BulkOptions {
  /** Fetch again even when the in-memory cache is filled. */
  forceRefresh?: boolean | undefined;
  /** Only active users (default true). */
  activeOnly?: boolean | undefined;
}

/** Options of {@link PpmsUsersApi.cacheUpdateUsers} (and its deprecated alias `updateUsers`). */
export interface UpdateUsersOptions extends BulkOptions {
  /** The logins to fetch (default: every login, see `activeOnly`). */
  userIds?: string[] | undefined;
  /** Only active users when `userIds` is left out (default true). */
  activeOnly?: boolean | undefined;
}

/** Options of {@link PpmsUsersApi.getUsersEmails}. */
export interface GetUsersEmailsOptions extends BulkOptions {
  /** The logins (default: all users, see `active`). */
  users?: string[] | undefined;
  /** Only active users when `users` is left out (default false). */
  active?: boolean | undefined;
}

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
  async userExists(login: string, options: CallOptions = {}): Promise<boolean> {
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
    const ids = await s.client.read("getusers", options.active === true ? { active: "true" } : {}, (answer) => parseLoginList(answer.text), options);
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
    const ids =
      options.userIds !== undefined && options.userIds.length > 0
        ? options.userIds
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
    const ids = options.users ?? (await this.getUserIds({ active: options.active === true, signal: options.signal }));
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
    const logins = await stateOf(this).client.lines("getadmins", {}, options);
    return usersByLogin(this, logins, options);
  }

  /**
   * Creates a user (pyppms' `new_user`; PUMAPI updates an existing login instead). Never retried.
   *
   * @param fields - login, names, e-mail, group, optional phone and password
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} for a missing field (before any request);
   *   {@link PumapiActionError} when the answer is not `OK newuser`
   * @example
   * ```ts
   * await ppms.newUser({ login: "nuser", lname: "User", fname: "New", email: "new.user@lab.example", ppmsGroup: "imaging_group" });
   * ```
   */
  async newUser(fields: NewUserFields, options: CallOptions = {}): Promise<void> {
    const s = stateOf(this);
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
      s.client.redactor.addSecretValue(fields.password);
      params.pwd = fields.password;
    }
    const confirm = (answer: PumapiAnswer): void => {
      if (answer.text.includes("OK newuser")) return;
      const error = new PumapiActionError("newuser", answer.context);
      s.logger.error(error.message);
      throw error;
    };
    await s.client.write("newuser", params, confirm, options);
    s.users.delete(fields.login);
    s.logger.debug(`Created user [${fields.login}] in PPMS`);
  }

  /**
   * Updates a user (`upduser`; PUMAPI creates it when unknown). Never retried. Drops the user
   * from the in-memory cache so the next `getUser` fetches the new state.
   *
   * @param login - the login
   * @param fields - the fields to change
   * @param options - `signal`
   * @throws {@link PumapiActionError} when the answer is an error
   * @example
   * ```ts
   * await ppms.updateUser("cnguyen", { active: false });
   * ```
   */
  async updateUser(login: string, fields: UpdateUserFields, options: CallOptions = {}): Promise<void> {
    const s = stateOf(this);
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
      s.client.redactor.addSecretValue(fields.password);
      params.pwd = fields.password;
    }
    await s.client.write("upduser", params, undefined, options);
    s.users.delete(login);
  }
}
