import { type LoopbackRequest, startLoopbackServer } from "../loopback.js";
import { type FakeAdminCredentials, FakeTimeSync, createFakeTimeSync } from "./fake-timesync.js";
import type { FakeTimeSyncStore } from "./store.js";
import type { FakeRequestLogEntry, FakeTimeSyncOptions } from "./types.js";

/** A running fake TimeSync server on 127.0.0.1 (see {@link startFakeTimeSync}). */
export interface RunningFakeTimeSync {
  /** Base URL including the version segment, e.g. `http://127.0.0.1:41234/v0`. */
  url: string;
  /** The fake's in-memory data. */
  state: FakeTimeSyncStore;
  /** The transport-free core (same object the HTTP server calls). */
  fake: FakeTimeSync;
  /** The seeded administrator's credentials. */
  admin: FakeAdminCredentials;
  /** Requests received so far (token masked). */
  requests: FakeRequestLogEntry[];
  /** Drops every token, like a restart of the reference server (data is kept). */
  restart(): void;
  /** Issues a token for an existing user without a login request. */
  issueToken(username: string): string;
  /** Stops the server, cutting any request it is deliberately hanging on. */
  close(): Promise<void>;
}

function flatHeaders(req: LoopbackRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/**
 * Starts a stateful fake TimeSync server over real HTTP on 127.0.0.1 (random port, built on
 * {@link startLoopbackServer}). By default it answers on the wire as the reference server does: tokens
 * and their expiry, permissions, soft delete, revisions, error names and texts, and the quirks a client
 * must survive (JSON labelled `text/html`, HTML 404s, a hanging query, ...). `strict: true` answers as
 * the spec says instead (see {@link FakeTimeSyncOptions.strict}).
 *
 * @example
 * ```ts
 * const server = await startFakeTimeSync({
 *   users: [{ username: "pat", password: "correct horse" }],
 *   activities: [{ name: "Docs", slug: "docs" }],
 *   projects: [{ name: "Website", slugs: ["web"], users: { pat: { member: true } } }],
 * });
 * // ... point a TimeSync client at server.url and log in as pat or as server.admin
 * await server.close();
 * ```
 */
export async function startFakeTimeSync(options: FakeTimeSyncOptions = {}): Promise<RunningFakeTimeSync> {
  const fake = await createFakeTimeSync(options);
  const loopback = await startLoopbackServer(async (req, res) => {
    const answer = await fake.handle({ method: req.method, url: req.url, headers: flatHeaders(req), body: req.body });
    if (answer === "hang") return; // never answer; close() cuts the connection
    res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
    res.end(answer.body);
  });
  return {
    // Not loopback.url: a base path of "" must not gain a trailing "/".
    url: `${loopback.origin}${fake.basePath}`,
    state: fake.store,
    fake,
    admin: fake.admin,
    requests: fake.requests,
    restart: () => fake.restart(),
    issueToken: (username) => fake.issueToken(username),
    close: () => loopback.close(),
  };
}
