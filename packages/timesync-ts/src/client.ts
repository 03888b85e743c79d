import { HttpClient, Redactor } from "@facility-sdk/http-core";
import { TimeSyncNotAuthenticatedError, TimeSyncValidationError } from "./errors.js";
import {
  ActivityCreateInputSchema,
  type ActivityCreateInput,
  type ActivityUpdateInput,
  ActivityUpdateInputSchema,
  type GetOneOptions,
  GetOneOptionsSchema,
  type GetTimeOptions,
  GetTimeOptionsSchema,
  type ListOptions,
  ListOptionsSchema,
  type ProjectCreateInput,
  ProjectCreateInputSchema,
  type ProjectFilter,
  ProjectFilterSchema,
  type ProjectUpdateInput,
  ProjectUpdateInputSchema,
  type TimeCreateInput,
  TimeCreateInputSchema,
  type TimeFilter,
  TimeFilterSchema,
  type TimeUpdateInput,
  TimeUpdateInputSchema,
  type UserCreateInput,
  UserCreateInputSchema,
  type UserUpdateInput,
  UserUpdateInputSchema,
} from "./inputs.js";
import { slugPath, usernamePath, uuidPath } from "./internal/ids.js";
import { parseList, parseOne } from "./internal/parse.js";
import { maskToken } from "./internal/mask-token.js";
import { hashPassword } from "./internal/password.js";
import * as wire from "./internal/to-wire.js";
import { TimeSyncTransport } from "./internal/transport.js";
import { validate } from "./internal/validate.js";
import {
  type Activity,
  ActivitySchema,
  type Project,
  type ProjectRoles,
  ProjectSchema,
  type Time,
  TimeSchema,
  type User,
  UserSchema,
} from "./models.js";
import type { TimeSyncCredentials, TimeSyncOptions } from "./options.js";
import { decodeTimeSyncToken } from "./token.js";

/** A role name, as listed by {@link TimeSync.projectUsers}. */
export type ProjectRole = keyof ProjectRoles;

const DEFAULT_TIMEOUT = { attemptMs: 30_000, totalMs: 120_000 };

/**
 * Client for the TimeSync time-tracking API: every feature of pymesync, with typed inputs and outputs,
 * local validation, typed errors and a timeout on every request.
 *
 * @example
 * ```ts
 * const ts = new TimeSync({ baseUrl: "https://timesync.example.org/v0" });
 * await ts.authenticate({ username: "pat", password: process.env.TS_PASSWORD! });
 * await ts.createTime({ duration: "3h30m", project: "web", dateWorked: "2024-05-02", activities: ["docs"] });
 * const times = await ts.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
 * ```
 */
export class TimeSync {
  /** Base URL without a trailing `/`. */
  readonly baseUrl: string;
  readonly #http: HttpClient;
  readonly #redactor: Redactor;
  readonly #transport: TimeSyncTransport;
  readonly #reauthenticate: boolean;
  #token: string | undefined;
  #username: string | undefined;
  #credentials: TimeSyncCredentials | undefined;
  #renewing: Promise<boolean> | undefined;

  constructor(options: TimeSyncOptions) {
    if (typeof options?.baseUrl !== "string" || !/^https?:\/\/\S+$/i.test(options.baseUrl)) {
      throw new TimeSyncValidationError("baseUrl", "expected an absolute http(s) URL such as https://timesync.example.org/v0");
    }
    this.baseUrl = options.baseUrl.replace(/\/$/, "");
    this.#redactor = new Redactor({
      queryParams: ["token"],
      jsonPaths: ["auth.token", "auth.password", "object.password"],
    });
    this.#http = new HttpClient({
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      redactor: this.#redactor,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
      ...(options.dispatcher !== undefined ? { dispatcher: options.dispatcher } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(options.headers !== undefined ? { headers: options.headers } : {}),
    });
    this.#reauthenticate = options.reauthenticate ?? false;
    if (options.token !== undefined) this.#setToken(options.token);
    this.#transport = new TimeSyncTransport({
      http: this.#http,
      redactor: this.#redactor,
      baseUrl: this.baseUrl,
      currentToken: () => this.#token,
      renewToken: () => this.#renewToken(),
    });
  }

  // ---------------------------------------------------------------- authentication

  /**
   * Logs in and stores the token on the client.
   *
   * @returns the token (a secret: do not log it)
   * @throws {@link TimeSyncAuthenticationError} for wrong credentials
   *
   * @example
   * ```ts
   * await ts.authenticate({ username: "pat", password: "…", authType: "password" });
   * ```
   */
  async authenticate(credentials: TimeSyncCredentials): Promise<string> {
    const { username, password, authType = "password" } = credentials ?? ({} as TimeSyncCredentials);
    if (typeof username !== "string" || username === "") throw new TimeSyncValidationError("username", "must be a non-empty string");
    if (typeof password !== "string" || password === "") throw new TimeSyncValidationError("password", "must be a non-empty string");
    if (authType !== "password" && authType !== "ldap") throw new TimeSyncValidationError("authType", 'expected "password" or "ldap"');
    this.#redactor.addSecretValue(password);
    const auth = { type: authType, username, password };
    const { body, response } = await this.#transport.login(auth);
    const token = (body as { token?: unknown } | undefined)?.token;
    if (typeof token !== "string" || token === "") {
      throw new TimeSyncValidationError("token", "the login answer carried no token");
    }
    this.#setToken(token);
    this.#username = username;
    if (this.#reauthenticate) this.#credentials = { username, password, authType };
    if (!response.fromCache) await this.#maskRecordedLogin(auth, response.status, token);
    return token;
  }

  /** The current token, if any (a secret: do not log it). */
  get token(): string | undefined {
    return this.#token;
  }

  /** True when the client holds a token that has not expired by the local clock. */
  get isAuthenticated(): boolean {
    if (this.#token === undefined) return false;
    try {
      return decodeTimeSyncToken(this.#token).exp > Date.now();
    } catch {
      return true; // not decodable (e.g. a masked token replayed from fixtures): the server decides
    }
  }

  /**
   * When the current token expires (decoded by hand: TimeSync tokens are not standard JWTs).
   *
   * @throws {@link TimeSyncNotAuthenticatedError} without a token
   */
  tokenExpirationTime(): Date {
    if (this.#token === undefined) throw new TimeSyncNotAuthenticatedError();
    return new Date(decodeTimeSyncToken(this.#token).exp);
  }

  // ---------------------------------------------------------------- times

  /**
   * Creates a time. `duration` may be seconds or `"3h30m"`; `user` defaults to the authenticated user.
   * The answer carries only the project slug sent (`project: [slug]`).
   *
   * @example
   * ```ts
   * const t = await ts.createTime({ duration: "3h30m", project: "web", dateWorked: new Date(), activities: ["dev"] });
   * ```
   */
  async createTime(input: TimeCreateInput): Promise<Time> {
    const valid = validate(TimeCreateInputSchema, input, "time") as TimeCreateInput;
    const object = wire.timeCreateToWire(valid, () => this.#currentUser());
    return parseOne(TimeSchema, await this.#transport.post("/times", object), this.#where("POST", "/times"));
  }

  /**
   * Updates a time with any subset of the create fields. The returned time is re-read from the server
   * when `activities` were not changed, because the update answer then lists none.
   */
  async updateTime(uuid: string, patch: TimeUpdateInput): Promise<Time> {
    const id = uuidPath(uuid);
    const valid = validate(TimeUpdateInputSchema, patch, "time") as TimeUpdateInput;
    const answer = await this.#transport.post(`/times/${id}`, wire.timeUpdateToWire(valid));
    const time = parseOne(TimeSchema, answer, this.#where("POST", `/times/${id}`));
    return valid.activities === undefined ? this.getTime(uuid) : time;
  }

  /**
   * Lists times visible to the caller. Values within one filter are ORed, filters are ANDed.
   *
   * @example
   * ```ts
   * await ts.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
   * ```
   */
  async getTimes(filter: TimeFilter = {}): Promise<Time[]> {
    const valid = validate(TimeFilterSchema, filter, "filter") as TimeFilter;
    const body = await this.#transport.get("/times", wire.timeFilterToQuery(valid));
    return parseList(TimeSchema, body, this.#where("GET", "/times"));
  }

  /**
   * Reads one time. With `includeRevisions`, a time still at revision 1 is answered with
   * `parents: []` without asking the server, which would never answer that query.
   */
  async getTime(uuid: string, options: GetTimeOptions = {}): Promise<Time> {
    const id = uuidPath(uuid);
    const valid = validate(GetTimeOptionsSchema, options, "options") as GetTimeOptions;
    const where = this.#where("GET", `/times/${id}`);
    const read = async (includeRevisions: boolean) =>
      parseOne(
        TimeSchema,
        await this.#transport.get(`/times/${id}`, { include_revisions: includeRevisions || undefined, include_deleted: valid.includeDeleted }),
        where,
      );
    if (valid.includeRevisions !== true) return read(false);
    const current = await read(false);
    return current.revision <= 1 ? { ...current, parents: [] } : read(true);
  }

  /** Soft-deletes a time (owner, site manager or site admin). */
  async deleteTime(uuid: string): Promise<void> {
    await this.#transport.delete(`/times/${uuidPath(uuid)}`);
  }

  // ---------------------------------------------------------------- projects

  /** Creates a project (site managers and admins). */
  async createProject(input: ProjectCreateInput): Promise<Project> {
    const valid = validate(ProjectCreateInputSchema, input, "project") as ProjectCreateInput;
    return parseOne(ProjectSchema, await this.#transport.post("/projects", wire.projectCreateToWire(valid)), this.#where("POST", "/projects"));
  }

  /**
   * Updates a project. `slugs` and `users` replace the stored ones. Leaving `defaultActivity` out keeps
   * the current one: the client reads it first and sends it again (the server would clear it).
   */
  async updateProject(slug: string, patch: ProjectUpdateInput): Promise<Project> {
    const id = slugPath(slug);
    const valid = validate(ProjectUpdateInputSchema, patch, "project") as ProjectUpdateInput;
    wire.projectUpdateToWire(valid, null); // validate before any request
    const current = valid.defaultActivity === undefined ? (await this.getProject(slug)).defaultActivity : null;
    const answer = await this.#transport.post(`/projects/${id}`, wire.projectUpdateToWire(valid, current));
    return parseOne(ProjectSchema, answer, this.#where("POST", `/projects/${id}`));
  }

  /** Lists projects, optionally only those where one of `user` has a role. */
  async getProjects(filter: ProjectFilter = {}): Promise<Project[]> {
    const valid = validate(ProjectFilterSchema, filter, "filter") as ProjectFilter;
    const query = {
      user: valid.user === undefined ? undefined : [...valid.user],
      include_revisions: valid.includeRevisions,
      include_deleted: valid.includeDeleted,
    };
    return parseList(ProjectSchema, await this.#transport.get("/projects", query), this.#where("GET", "/projects"));
  }

  /** Reads one project by any of its slugs (`includeDeleted` is not accepted with a slug, as in pymesync). */
  async getProject(slug: string, options: GetOneOptions = {}): Promise<Project> {
    const id = slugPath(slug);
    const valid = validate(GetOneOptionsSchema, options, "options") as GetOneOptions;
    const body = await this.#transport.get(`/projects/${id}`, { include_revisions: valid.includeRevisions });
    return parseOne(ProjectSchema, body, this.#where("GET", `/projects/${id}`));
  }

  /**
   * Soft-deletes a project.
   *
   * @throws {@link TimeSyncMethodNotAllowedError} while current times still reference it
   */
  async deleteProject(slug: string): Promise<void> {
    await this.#transport.delete(`/projects/${slugPath(slug)}`);
  }

  /**
   * The project's users and the roles they hold, as pymesync's `project_users`.
   *
   * @example
   * ```ts
   * await ts.projectUsers("web"); // { pat: ["member", "manager"], sam: ["spectator"] }
   * ```
   */
  async projectUsers(slug: string): Promise<Record<string, ProjectRole[]>> {
    const project = await this.getProject(slug);
    const out: Record<string, ProjectRole[]> = {};
    for (const [username, roles] of Object.entries(project.users)) {
      out[username] = (["member", "spectator", "manager"] as const).filter((r) => roles[r]);
    }
    return out;
  }

  // ---------------------------------------------------------------- activities

  /** Creates an activity (site managers and admins). */
  async createActivity(input: ActivityCreateInput): Promise<Activity> {
    const valid = validate(ActivityCreateInputSchema, input, "activity") as ActivityCreateInput;
    return parseOne(ActivitySchema, await this.#transport.post("/activities", wire.activityCreateToWire(valid)), this.#where("POST", "/activities"));
  }

  /** Updates an activity's name and/or slug. */
  async updateActivity(slug: string, patch: ActivityUpdateInput): Promise<Activity> {
    const id = slugPath(slug);
    const valid = validate(ActivityUpdateInputSchema, patch, "activity") as ActivityUpdateInput;
    const answer = await this.#transport.post(`/activities/${id}`, wire.activityUpdateToWire(valid));
    return parseOne(ActivitySchema, answer, this.#where("POST", `/activities/${id}`));
  }

  /** Lists activities. */
  async getActivities(options: ListOptions = {}): Promise<Activity[]> {
    const valid = validate(ListOptionsSchema, options, "options") as ListOptions;
    const body = await this.#transport.get("/activities", { include_revisions: valid.includeRevisions, include_deleted: valid.includeDeleted });
    return parseList(ActivitySchema, body, this.#where("GET", "/activities"));
  }

  /** Reads one activity (`includeDeleted` is not accepted with a slug, as in pymesync). */
  async getActivity(slug: string, options: GetOneOptions = {}): Promise<Activity> {
    const id = slugPath(slug);
    const valid = validate(GetOneOptionsSchema, options, "options") as GetOneOptions;
    const body = await this.#transport.get(`/activities/${id}`, { include_revisions: valid.includeRevisions });
    return parseOne(ActivitySchema, body, this.#where("GET", `/activities/${id}`));
  }

  /** Soft-deletes an activity. */
  async deleteActivity(slug: string): Promise<void> {
    await this.#transport.delete(`/activities/${slugPath(slug)}`);
  }

  // ---------------------------------------------------------------- users

  /** Creates a user; the password is bcrypt-hashed (cost 10, `$2a$`) before it leaves the machine. */
  async createUser(input: UserCreateInput): Promise<User> {
    const valid = validate(UserCreateInputSchema, input, "user") as UserCreateInput;
    const passwordHash = await this.#hashSecret(valid.password);
    const answer = await this.#transport.post("/users", wire.userCreateToWire(valid, passwordHash));
    return parseOne(UserSchema, answer, this.#where("POST", "/users"));
  }

  /** Updates a user (not the username); a new password is hashed client-side. */
  async updateUser(username: string, patch: UserUpdateInput): Promise<User> {
    const id = usernamePath(username);
    if (patch !== null && typeof patch === "object" && "username" in patch) {
      throw new TimeSyncValidationError("user.username", "the username cannot be updated");
    }
    const valid = validate(UserUpdateInputSchema, patch, "user") as UserUpdateInput;
    wire.userUpdateToWire(valid, undefined); // validate before hashing
    const passwordHash = valid.password === undefined ? undefined : await this.#hashSecret(valid.password);
    const answer = await this.#transport.post(`/users/${id}`, wire.userUpdateToWire(valid, passwordHash));
    return parseOne(UserSchema, answer, this.#where("POST", `/users/${id}`));
  }

  /** Lists users. */
  async getUsers(options: Pick<ListOptions, "includeDeleted"> = {}): Promise<User[]> {
    const valid = validate(ListOptionsSchema.pick({ includeDeleted: true }), options, "options");
    const body = await this.#transport.get("/users", { include_deleted: valid.includeDeleted });
    return parseList(UserSchema, body, this.#where("GET", "/users"));
  }

  /** Reads one user. */
  async getUser(username: string): Promise<User> {
    const id = usernamePath(username);
    return parseOne(UserSchema, await this.#transport.get(`/users/${id}`), this.#where("GET", `/users/${id}`));
  }

  /** Soft-deletes a user (site admins). */
  async deleteUser(username: string): Promise<void> {
    await this.#transport.delete(`/users/${usernamePath(username)}`);
  }

  /** Releases the HTTP connections. */
  async close(): Promise<void> {
    await this.#http.close();
  }

  // ---------------------------------------------------------------- private

  #setToken(token: string): void {
    if (typeof token !== "string" || token === "") throw new TimeSyncValidationError("token", "must be a non-empty string");
    this.#redactor.addSecretValue(token);
    this.#token = token;
  }

  /**
   * The recorder stored the login answer as received, before the token was known to be a secret:
   * overwrite that recording with a masked token, so fixtures never hold a usable token while a
   * replayed login still works.
   */
  async #maskRecordedLogin(auth: { type: string; username: string; password: string }, status: number, token: string): Promise<void> {
    const cache = this.#http.cache;
    if (cache === undefined || cache.mode === "passthrough" || cache.mode === "replay") return;
    const key = cache.keyFor({ method: "POST", url: `${this.baseUrl}/login`, json: { auth } });
    if (key !== undefined) await cache.write(key, status, JSON.stringify({ token: maskToken(token) }));
  }

  #currentUser(): string {
    if (this.#username !== undefined) return this.#username;
    if (this.#token !== undefined) {
      try {
        return decodeTimeSyncToken(this.#token).sub;
      } catch {
        // fall through: the caller must say who
      }
    }
    throw new TimeSyncValidationError("time.user", "is required when the client does not know the authenticated user");
  }

  #renewToken(): Promise<boolean> {
    const credentials = this.#credentials;
    if (!this.#reauthenticate || credentials === undefined) return Promise.resolve(false);
    // Concurrent requests that all hit `Bad API token` share one login.
    this.#renewing ??= this.authenticate(credentials)
      .then(() => true)
      .finally(() => {
        this.#renewing = undefined;
      });
    return this.#renewing;
  }

  async #hashSecret(password: string): Promise<string> {
    this.#redactor.addSecretValue(password);
    const hashed = await hashPassword(password);
    this.#redactor.addSecretValue(hashed);
    return hashed;
  }

  #where(method: string, path: string): { method: string; url: string } {
    return { method, url: `${this.baseUrl}${path}` };
  }
}
