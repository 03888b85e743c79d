import { afterAll, beforeAll } from "vitest";
import { type FakeTimeSyncOptions, type RunningFakeTimeSync, startFakeTimeSync } from "../src/fake-timesync/index.js";

// Shared by the quirk suites: a plain-fetch client for the fake and a seed started twice, once as the
// reference server (default) and once with `strict: true`.

/** The content types the reference server (Express) sends. */
export const JSON_TYPE = "application/json; charset=utf-8";
/** JSON bodies the reference server labels as HTML. */
export const HTML_TYPE = "text/html; charset=utf-8";

/** One answer as the tests look at it. */
export interface WireAnswer {
  status: number;
  type: string | null;
  text: string;
  body: any; // test bodies are read freely
}

/** Options of one call: the token, the POSTed object, a login `auth` instead of a token, a query string. */
export interface CallOptions {
  token?: string;
  object?: unknown;
  auth?: unknown;
  query?: string;
}

/** A fetch-based client for one running fake. */
export interface Wire {
  server: RunningFakeTimeSync;
  call(method: string, path: string, options?: CallOptions): Promise<WireAnswer>;
  login(username: string, password: string, type?: string): Promise<WireAnswer>;
  token(username: string): string;
}

/** A {@link Wire} to the fake `current()` returns when a call is made (it may start later). */
export function wire(current: () => RunningFakeTimeSync): Wire {
  async function call(method: string, path: string, options: CallOptions = {}): Promise<WireAnswer> {
    const server = current();
    const query = new URLSearchParams(options.query ?? "");
    if (method !== "POST" && options.token !== undefined) query.set("token", options.token);
    const qs = query.toString();
    const init: RequestInit = { method };
    if (method === "POST") {
      init.headers = { "content-type": "application/json" };
      init.body = JSON.stringify({ auth: options.auth ?? { type: "token", token: options.token }, object: options.object });
    }
    const res = await fetch(`${server.url}${path}${qs ? `?${qs}` : ""}`, init);
    const text = await res.text();
    return { status: res.status, type: res.headers.get("content-type"), text, body: text === "" ? "" : JSON.parse(text) };
  }
  return {
    get server() {
      return current();
    },
    call,
    login: (username, password, type = "password") => call("POST", "/login", { auth: { type, username, password } }),
    token: (username) => current().issueToken(username),
  };
}

/** Invented seed shared by the quirk suites; each test uses its own objects so tests do not interfere. */
export const QUIRK_SEED: FakeTimeSyncOptions = {
  users: [
    { username: "pat", password: "pat-pass" },
    { username: "spec", password: "spec-pass" },
    { username: "viv", password: "viv-pass" },
    { username: "gone", password: "gone-pass" },
  ],
  activities: [
    { name: "Development", slug: "dev" },
    { name: "Documentation", slug: "docs" },
    { name: "Old Work", slug: "old" },
  ],
  projects: [
    { name: "Website", slugs: ["web", "site"], default_activity: "dev", users: { pat: { member: true, manager: true }, spec: { spectator: true } } },
    { name: "Retired", slugs: ["retired"] },
    { name: "Revised", slugs: ["revised"], default_activity: "dev", users: { pat: { manager: true } } },
    { name: "Defaulted", slugs: ["defaulted"], default_activity: "docs" },
  ],
};

/**
 * Starts the seed as the reference server and in strict mode before the file's tests, and stops
 * both after them; the two wires it returns are for use inside the tests.
 */
export function useBoth(seed: FakeTimeSyncOptions = QUIRK_SEED): { ref: Wire; strict: Wire } {
  let servers: { ref: RunningFakeTimeSync; strict: RunningFakeTimeSync } | undefined;
  const started = (): { ref: RunningFakeTimeSync; strict: RunningFakeTimeSync } => {
    if (servers === undefined) throw new Error("the fakes start in beforeAll: use the wires inside a test");
    return servers;
  };
  beforeAll(async () => {
    servers = { ref: await startFakeTimeSync(seed), strict: await startFakeTimeSync({ ...seed, strict: true }) };
  });
  afterAll(async () => {
    if (servers !== undefined) await Promise.all([servers.ref.close(), servers.strict.close()]);
  });
  return { ref: wire(() => started().ref), strict: wire(() => started().strict) };
}
