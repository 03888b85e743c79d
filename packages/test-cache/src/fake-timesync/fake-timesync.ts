import { randomBytes } from "node:crypto";
import { compare, genSalt, hash } from "bcryptjs";
import { json, type RouteContext, type RouteResult } from "./context.js";
import { CreateRace, claimedKeys } from "./create-race.js";
import * as activities from "./routes-activities.js";
import * as projects from "./routes-projects.js";
import * as times from "./routes-times.js";
import * as users from "./routes-users.js";
import { FakeTimeSyncStore } from "./store.js";
import { FakeTokenIssuer } from "./token.js";
import type { FakeRequestLogEntry, FakeTimeSyncOptions, FakeUserSeed } from "./types.js";
import { type FakeResponse, FakeTimeSyncFailure, fail, htmlNotFound } from "./wire-errors.js";

/** A request as the fake sees it, independent of the transport (node:http, fetch, msw). */
export interface FakeRequest {
  /** HTTP method. */
  method: string;
  /** Path and query, e.g. `/v0/times?token=...`. An absolute URL is accepted too. */
  url: string;
  /** Request headers (lower-case names). */
  headers: Record<string, string | undefined>;
  /** Raw body text ("" when none). */
  body: string;
}

/** Username and plain password of the fake's seeded administrator (site_admin and site_manager). */
export interface FakeAdminCredentials {
  /** Always `admin` unless a seed user named `admin` replaced it. */
  username: string;
  /** Random per start unless seeded. */
  password: string;
}

/**
 * A bcrypt hash with the `$2a$` prefix, the form TimeSync clients send.
 *
 * @example
 * ```ts
 * const hash = await bcryptHash2a("correct horse", 10);
 * hash.startsWith("$2a$10$"); // true
 * ```
 */
export async function bcryptHash2a(password: string, cost: number): Promise<string> {
  const salt = (await genSalt(cost)).replace(/^\$2b\$/, "$2a$");
  return hash(password, salt);
}

type Handler = (ctx: RouteContext, id: string) => RouteResult;
type Routes = Record<string, { list: Handler; get: Handler; create: Handler; update: Handler; remove: Handler }>;

const ROUTES: Routes = {
  times: { list: times.listTimes, get: times.getTime, create: times.createTime, update: times.updateTime, remove: times.deleteTime },
  projects: { list: projects.listProjects, get: projects.getProject, create: projects.createProject, update: projects.updateProject, remove: projects.deleteProject },
  activities: { list: activities.listActivities, get: activities.getActivity, create: activities.createActivity, update: activities.updateActivity, remove: activities.deleteActivity },
  users: { list: users.listUsers, get: users.getUser, create: users.createUser, update: users.updateUser, remove: users.deleteUser },
};

const DEFAULT_TOKEN_LIFETIME_MS = 30 * 60 * 1000;
/** The reference server's JSON body limit (body-parser's default, 100 kB). */
const REFERENCE_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * A stateful, in-memory TimeSync server core that follows the reference server (timesync-node),
 * quirks included (or the spec, with `strict: true`). Transport-free: {@link startFakeTimeSync} serves
 * it over HTTP on 127.0.0.1, and {@link FakeTimeSync.fetch} answers a Fetch API `Request` (for msw handlers).
 *
 * @example
 * ```ts
 * const fake = await createFakeTimeSync({ users: [{ username: "pat", password: "pw" }] });
 * const res = await fake.fetch(
 *   new Request("http://fake/v0/login", {
 *     method: "POST",
 *     headers: { "content-type": "application/json" },
 *     body: JSON.stringify({ auth: { type: "password", username: "pat", password: "pw" } }),
 *   }),
 * );
 * const { token } = (await res.json()) as { token: string };
 * ```
 */
export class FakeTimeSync {
  /** The in-memory data (read it in tests to check what was stored). */
  readonly store: FakeTimeSyncStore;
  /** Requests received so far (method and URL with the token masked). */
  readonly requests: FakeRequestLogEntry[] = [];
  /** The administrator's credentials (random password unless seeded). */
  readonly admin: FakeAdminCredentials;
  /** Path prefix the API is mounted under. */
  readonly basePath: string;
  /** True when built with `strict: true`: spec-following answers instead of the reference server's quirks. */
  readonly strict: boolean;
  private readonly tokens: FakeTokenIssuer;
  private readonly hangOnRevisionlessTime: boolean;
  private readonly createRace: CreateRace;

  private constructor(options: FakeTimeSyncOptions, admin: FakeAdminCredentials) {
    const now = options.now ?? Date.now;
    this.store = new FakeTimeSyncStore(now);
    this.tokens = new FakeTokenIssuer(options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS, now);
    this.basePath = (options.basePath ?? "/v0").replace(/\/+$/, "");
    this.hangOnRevisionlessTime = options.hangOnRevisionlessTime ?? true;
    this.strict = options.strict ?? false;
    this.createRace = new CreateRace(this.strict ? 0 : (options.createRaceWindowMs ?? 0));
    this.admin = admin;
  }

  /**
   * Builds a fake and seeds it (passwords are bcrypt-hashed here, so this is async).
   *
   * @example
   * ```ts
   * const fake = await FakeTimeSync.create({ users: [{ username: "pat", password: "pw" }], strict: true });
   * ```
   */
  static async create(options: FakeTimeSyncOptions = {}): Promise<FakeTimeSync> {
    const seeds: FakeUserSeed[] = [...(options.users ?? [])];
    let admin = seeds.find((u) => u.username === "admin");
    if (admin === undefined) {
      admin = { username: "admin", password: randomBytes(12).toString("base64url"), site_admin: true, site_manager: true };
      seeds.unshift(admin);
    }
    const fake = new FakeTimeSync(options, { username: admin.username, password: admin.password });
    await fake.seed(options, seeds);
    return fake;
  }

  /**
   * Forgets every issued token, like a restart of the reference server (data is kept).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync();
   * server.fake.restart(); // every token issued so far now answers 401 "Bad API token"
   * ```
   */
  restart(): void {
    this.tokens.reset();
  }

  /**
   * Issues a token for an existing user without a login round trip (test convenience).
   *
   * @example
   * ```ts
   * const server = await startFakeTimeSync({ users: [{ username: "pat", password: "pw" }] });
   * const client = new TimeSync({ baseUrl: server.url, token: server.fake.issueToken("pat") });
   * ```
   */
  issueToken(username: string): string {
    if (!this.store.users.has(username)) throw new Error(`fake-timesync: no user named ${username}`);
    return this.tokens.issue(username);
  }

  /**
   * Answers one request; resolves to `"hang"` when the reference server would never answer.
   *
   * @example
   * ```ts
   * const fake = await createFakeTimeSync();
   * const answer = await fake.handle({ method: "GET", url: "/v0/times", headers: {}, body: "" });
   * if (answer !== "hang") answer.status; // 401: no token
   * ```
   */
  async handle(req: FakeRequest): Promise<FakeResponse | "hang"> {
    const url = new URL(req.url, "http://fake-timesync.invalid");
    const masked = new URL(url);
    if (masked.searchParams.has("token")) masked.searchParams.set("token", "***");
    this.requests.push({ method: req.method, url: `${masked.pathname}${masked.search}` });
    try {
      return await this.route(req, url);
    } catch (error) {
      if (error instanceof FakeTimeSyncFailure) return error.toResponse();
      return fail.serverError(error instanceof Error ? error.message : String(error)).toResponse();
    }
  }

  /**
   * Answers a Fetch API `Request`, e.g. from an msw handler:
   * `http.all("http://timesync.test/v0/*", ({ request }) => fake.fetch(request))`.
   * A "hang" becomes a promise that settles only when the request's signal aborts.
   *
   * @example
   * ```ts
   * const fake = await createFakeTimeSync();
   * // In an msw handler: http.all("http://timesync.test/v0/*", ({ request }) => fake.fetch(request))
   * const res = await fake.fetch(new Request("http://timesync.test/v0/times"));
   * res.status; // 401: no token
   * ```
   */
  async fetch(request: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    const answer = await this.handle({ method: request.method, url: request.url, headers, body });
    if (answer === "hang") {
      return new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      });
    }
    return new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
  }

  private async route(req: FakeRequest, url: URL): Promise<FakeResponse | "hang"> {
    const method = req.method.toUpperCase();
    const notFound = () => htmlNotFound(method, url.pathname);
    if (!url.pathname.startsWith(`${this.basePath}/`)) return notFound();
    const parts = url.pathname.slice(this.basePath.length + 1).split("/").map(decodeURIComponent);
    if (parts.length > 2 || (parts.length === 2 && parts[1] === "")) return notFound();
    const [resource = "", id] = parts;

    if (resource === "login" && id === undefined && method === "POST") return this.login(req);
    const routes = ROUTES[resource];
    if (routes === undefined || !["GET", "POST", "DELETE"].includes(method)) return notFound();
    if (method === "DELETE" && id === undefined) return notFound();

    let object: unknown;
    let caller;
    if (method === "POST") {
      const body = this.parsePostBody(req);
      caller = this.authenticateToken(tokenFromAuth(body["auth"]));
      object = body["object"];
    } else {
      const token = url.searchParams.get("token");
      if (token === null || token === "") throw fail.authentication("Missing credentials");
      caller = this.authenticateToken(token);
    }
    const ctx: RouteContext = {
      store: this.store,
      caller,
      query: url.searchParams,
      object,
      hangOnRevisionlessTime: this.hangOnRevisionlessTime,
      strict: this.strict,
    };
    if (method === "GET") return id === undefined ? routes.list(ctx, "") : routes.get(ctx, id);
    if (method === "DELETE") return routes.remove(ctx, id ?? "");
    if (id !== undefined) return routes.update(ctx, id);
    return this.createRace.run(claimedKeys(resource, object), (overlapping) => routes.create({ ...ctx, overlappingCreate: overlapping }, ""));
  }

  private parsePostBody(req: FakeRequest): Record<string, unknown> {
    // Without a JSON content type the reference server's body parser sees nothing.
    if (!(req.headers["content-type"] ?? "").toLowerCase().includes("application/json")) {
      throw fail.authentication("Missing credentials");
    }
    // Its body parser drops a body over 100 kB (102,400 bytes) and the request goes on without one.
    if (!this.strict && Buffer.byteLength(req.body, "utf8") > REFERENCE_BODY_LIMIT_BYTES) throw fail.authentication("Missing credentials");
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body);
    } catch {
      throw fail.badObject("The request body is not valid JSON");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw fail.authentication("Missing credentials");
    return parsed as Record<string, unknown>;
  }

  private authenticateToken(token: string) {
    const username = this.tokens.verify(token);
    const user = username === undefined ? undefined : this.store.users.get(username);
    // The reference server keeps honouring the tokens of a deleted user.
    if (user === undefined || (this.strict && user.deleted_at !== null)) throw fail.authentication("Bad API token");
    return user;
  }

  private async login(req: FakeRequest): Promise<FakeResponse> {
    const body = this.parsePostBody(req);
    const auth = body["auth"];
    if (auth === null || typeof auth !== "object") throw fail.authentication("Missing credentials");
    const { type, username, password } = auth as Record<string, unknown>;
    if (type === undefined) throw fail.authentication("Authentication type required");
    // A password-only reference server treats `ldap` like any unknown type (401 Bad query value).
    if (type === "ldap" && this.strict) throw fail.authentication("LDAP authentication is not configured on this server");
    if (type !== "password") throw fail.badAuthType(type);
    if (typeof username !== "string" || typeof password !== "string") throw fail.authentication("Missing credentials");
    const user = this.store.users.get(username);
    // Inactive and soft-deleted users can still log in (reference behaviour; strict refuses deleted ones).
    const known = user !== undefined && !(this.strict && user.deleted_at !== null);
    const ok = known && (await compare(password, user.passwordHash).catch(() => false));
    if (!ok) throw fail.authentication("Incorrect username or password");
    return json(200, { token: this.tokens.issue(username) }, !this.strict);
  }

  private async seed(options: FakeTimeSyncOptions, userSeeds: FakeUserSeed[]): Promise<void> {
    const cost = options.seedHashCost ?? 4;
    const { store } = this;
    for (const u of userSeeds) {
      store.users.set(u.username, {
        username: u.username,
        display_name: u.display_name ?? null,
        email: u.email ?? null,
        site_admin: u.site_admin ?? false,
        site_manager: u.site_manager ?? false,
        site_spectator: u.site_spectator ?? false,
        active: u.active ?? true,
        meta: u.meta ?? null,
        passwordHash: await bcryptHash2a(u.password, cost),
        created_at: store.now(),
        updated_at: null,
        deleted_at: null,
      });
    }
    // Seeding goes through the same route code as real requests, acting as the administrator.
    const asAdmin = (object: unknown): RouteContext => ({
      store,
      caller: store.users.get(this.admin.username)!,
      query: new URLSearchParams(),
      object,
      hangOnRevisionlessTime: false,
      strict: this.strict,
    });
    const run = (fn: () => unknown, what: string) => {
      try {
        fn();
      } catch (error) {
        const text = error instanceof FakeTimeSyncFailure ? `${error.errorName}: ${error.text}` : String(error);
        throw new Error(`fake-timesync: bad seed ${what}: ${text}`);
      }
    };
    for (const a of options.activities ?? []) run(() => activities.createActivity(asAdmin(a)), `activity ${a.slug}`);
    for (const p of options.projects ?? []) run(() => projects.createProject(asAdmin(p)), `project ${p.name}`);
    for (const t of options.times ?? []) {
      const owner = store.users.get(t.user);
      if (owner === undefined) throw new Error(`fake-timesync: bad seed time: no user ${t.user}`);
      run(() => times.createTime({ ...asAdmin(t), caller: { ...owner, site_admin: true } }), `time of ${t.user}`);
    }
  }
}

function tokenFromAuth(auth: unknown): string {
  if (auth === null || typeof auth !== "object") throw fail.authentication("Missing credentials");
  const { type, token } = auth as Record<string, unknown>;
  if (type === undefined) throw fail.authentication("Authentication type required");
  if (type !== "token") throw fail.badAuthType(type);
  if (typeof token !== "string" || token === "") throw fail.authentication("Missing credentials");
  return token;
}

/**
 * Builds a seeded, transport-free fake TimeSync (see {@link FakeTimeSync}).
 *
 * @example
 * ```ts
 * const fake = await createFakeTimeSync({ activities: [{ name: "Docs", slug: "docs" }] });
 * fake.store.activities.size; // 1
 * ```
 */
export function createFakeTimeSync(options: FakeTimeSyncOptions = {}): Promise<FakeTimeSync> {
  return FakeTimeSync.create(options);
}
