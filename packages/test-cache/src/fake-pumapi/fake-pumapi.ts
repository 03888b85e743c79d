import { readClock } from "../clock.js";
import { handleApi2 } from "./api2.js";
import { handleApi2More } from "./api2-more.js";
import { type ActionContext, type ActionHandler, ActionFailure } from "./context.js";
import { errorAnswer, notAuthorized } from "./render.js";
import * as billing from "./routes-billing.js";
import * as bookings from "./routes-bookings.js";
import * as members from "./routes-members.js";
import * as orders from "./routes-orders.js";
import * as projects from "./routes-projects.js";
import * as systems from "./routes-systems.js";
import * as users from "./routes-users.js";
import { defaultPumapiSeed } from "./seed.js";
import { FakePumapiState } from "./store.js";
import type { FakePumapiOptions, PumapiFakeRequest, PumapiFakeResponse, PumapiRequestLogEntry } from "./options.js";

/** The default PUMAPI key of the fake (a fixed, non-secret test value). */
export const DEFAULT_FAKE_PUMAPI_KEY = "fake-pumapi-key";

const ACTIONS: Record<string, ActionHandler> = {
  ...users,
  ...systems,
  ...bookings,
  ...projects,
  ...orders,
  ...billing,
  ...members,
};

/** Actions that also accept system authentication (`id` + `code`) instead of the key. */
const SYSTEM_AUTH_ACTIONS = new Set(["getbooking", "nextbooking"]);
const SECRET_FIELDS = new Set(["apikey", "pwd", "code", "psapwd"]);

function mask(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? "***" : v]));
}

/** `pumapi` or `api2` for the two endpoints (trailing slash optional, API2 any case), else undefined. */
function endpointOf(path: string): "pumapi" | "api2" | undefined {
  const p = (path.split("?")[0] ?? "").replace(/\/+$/, "");
  if (p.endsWith("/pumapi")) return "pumapi";
  if (p.toLowerCase().endsWith("/api2")) return "api2";
  return undefined;
}

/**
 * A stateful, in-memory PUMAPI (Stratocore PPMS) server core, quirks included: HTTP 200 with
 * `request not authorized` for a bad key, CRLF lines, the four answer shapes, empty bodies for
 * unknown logins, `error: ...` texts, JSON with HTML entities, and API2 `GetPPMSAccounts`.
 * Transport-free: {@link startFakePumapi} serves it over HTTP on 127.0.0.1.
 *
 * @example
 * ```ts
 * const fake = new FakePumapi();
 * const res = fake.handle({ path: "/pumapi/", form: { action: "getsysrights", apikey: "fake-pumapi-key", id: "31" } });
 * res.body; // "A:jdoe\r\nN:amueller\r\nA:amueller\r\nS:facility.admin\r\nD:cnguyen\r\n"
 * ```
 */
export class FakePumapi {
  /** The in-memory data; tests may read and change it. */
  readonly state: FakePumapiState;
  /** Every request handled so far, secrets masked. */
  readonly requests: PumapiRequestLogEntry[] = [];
  /** The key PUMAPI calls must carry. */
  readonly apiKey: string;
  /** The key API2 calls must carry. */
  readonly api2Key: string;
  private readonly options: FakePumapiOptions;

  /** @param options - keys, clock, seed and quirks (see {@link FakePumapiOptions}) */
  constructor(options: FakePumapiOptions = {}) {
    this.options = options;
    this.apiKey = options.apiKey ?? DEFAULT_FAKE_PUMAPI_KEY;
    this.api2Key = options.api2Key ?? this.apiKey;
    this.state = new FakePumapiState(options.seed ?? defaultPumapiSeed());
  }

  /** The names of every PUMAPI action the fake answers. */
  static get actions(): string[] {
    return Object.keys(ACTIONS).sort();
  }

  /**
   * Answers one request. PUMAPI answers are HTTP 200 whatever happens (a bad key, a missing
   * parameter, an unknown action); only a path other than `/pumapi/` or `/API2/` gets a 404.
   *
   * @param request - the path and the form fields
   * @returns status, headers and body
   *
   * @example
   * ```ts
   * const fake = new FakePumapi();
   * const answer = fake.handle({ path: "/pumapi/", form: { action: "getusers", apikey: fake.apiKey } });
   * answer.body; // "jdoe\r\namueller\r\n…"
   * ```
   */
  handle(request: PumapiFakeRequest): PumapiFakeResponse {
    const endpoint = endpointOf(request.path);
    const form = request.form;
    this.requests.push({ endpoint: endpoint ?? request.path, action: form.action ?? "", form: mask(form) });
    if (endpoint === undefined) {
      return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: "<html><body><h1>Not Found</h1></body></html>" };
    }
    if (endpoint === "api2") return form.apikey === this.api2Key ? (handleApi2More(this.state, form) ?? handleApi2(this.state, form)) : notAuthorized();
    const action = form.action ?? "";
    if (!this.authorized(action, form)) return notAuthorized();
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler) return errorAnswer(`invalid action ${action}`);
    const ctx: ActionContext = {
      state: this.state,
      form,
      now: new Date(readClock(this.options.now)),
      horizonMinutes: this.options.nextBookingHorizonMinutes ?? 7 * 24 * 60,
      backToBackQuirk: this.options.backToBackQuirk ?? false,
    };
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof ActionFailure) return error.answer;
      throw error;
    }
  }

  private authorized(action: string, form: Record<string, string>): boolean {
    if (form.apikey !== undefined && form.apikey === this.apiKey) return true;
    if (!SYSTEM_AUTH_ACTIONS.has(action) || form.code === undefined || form.id === undefined) return false;
    const expected = this.options.systemCodes?.[Number(form.id)];
    return expected !== undefined && expected === form.code;
  }
}
