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

/** Wraps a running fake in a {@link Wire}. */
export function wire(server: RunningFakeTimeSync): Wire {
  async function call(method: string, path: string, options: CallOptions = {}): Promise<WireAnswer> {
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
    server,
    call,
    login: (username, password, type = "password") => call("POST", "/login", { auth: { type, username, password } }),
    token: (username) => server.issueToken(username),
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

/** Starts the seed as the reference server and in strict mode. */
export async function startBoth(seed: FakeTimeSyncOptions = QUIRK_SEED): Promise<{ ref: Wire; strict: Wire; close(): Promise<void> }> {
  const ref = wire(await startFakeTimeSync(seed));
  const strict = wire(await startFakeTimeSync({ ...seed, strict: true }));
  return { ref, strict, close: async () => void (await Promise.all([ref.server.close(), strict.server.close()])) };
}
