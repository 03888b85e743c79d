import { RecordReplayCache, type CacheableRequest, type CacheKeyFunction } from "@facility-sdk/http-core";
import { startLoopbackServer, type LoopbackRequest } from "./loopback.js";

/** A request the replay server received (secrets are whatever the client sent: use fake keys in tests). */
export interface RecordedRequest {
  /** HTTP method. */
  method: string;
  /** Path and query. */
  url: string;
  /** Parsed form body, for form POSTs. */
  form?: Record<string, string>;
  /** The cache file that answered, or undefined on a miss. */
  file?: string;
}

/** Options of {@link startReplayServer}. */
export interface ReplayServerOptions {
  /** Stage directories, newest first (see {@link stageDirs}). */
  dirs: readonly string[];
  /** The same key function the SDK's cache uses. */
  key: CacheKeyFunction;
  /** Delay added before each answer, to simulate a remote server. */
  latencyMs?: number;
}

/** A running replay server. */
export interface ReplayServer {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Requests received so far. */
  requests: RecordedRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (random port, built on {@link startLoopbackServer}) that answers from
 * recorded fixtures, so SDKs can be tested end to end over real sockets. A request with no fixture
 * gets a 404 whose text names the expected file.
 *
 * @example
 * ```ts
 * import { PpmsConnection, pumapiFormKey } from "pyppms-ts";
 *
 * const server = await startReplayServer({ dirs: stageDirs("pumapi", 0), key: pumapiFormKey() });
 * const ppms = await PpmsConnection.connect({ baseUrl: server.url, apiKey: "test-key" });
 * await server.close();
 * ```
 */
export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  const [dir, ...fallbackDirs] = options.dirs;
  if (dir === undefined) throw new TypeError("startReplayServer: dirs must name at least one directory");
  const cache = new RecordReplayCache({ dir, fallbackDirs, mode: "replay", key: options.key });
  const requests: RecordedRequest[] = [];
  const server = await startLoopbackServer(async (req, res) => {
    let reply: { status: number; body: string };
    try {
      reply = await answer(req);
    } catch (error: unknown) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`replay server error: ${String(error)}`);
      return;
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    res.writeHead(reply.status, { "content-type": "text/plain; charset=utf-8" });
    res.end(reply.body);
  });

  async function answer(req: LoopbackRequest): Promise<{ status: number; body: string }> {
    const raw = req.body; // the loopback server has read it already
    const url = new URL(req.url, "http://127.0.0.1");
    const cacheable: CacheableRequest = { method: req.method, url: `http://127.0.0.1${url.pathname}` };
    const recorded: RecordedRequest = { method: cacheable.method, url: req.url };
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    if (Object.keys(query).length > 0) cacheable.query = query;
    if ((req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      cacheable.form = Object.fromEntries(new URLSearchParams(raw));
      recorded.form = cacheable.form;
    } else if (raw !== "") {
      try {
        cacheable.json = JSON.parse(raw) as unknown;
      } catch {
        // not JSON: keyed without a body
      }
    }
    requests.push(recorded);
    const key = cache.keyFor(cacheable);
    if (key === undefined) return { status: 404, body: "replay server: request has no cache key" };
    const hit = cache.read(key);
    if (!hit) return { status: 404, body: `replay server: no fixture ${key.folder}/${key.name}.txt` };
    recorded.file = hit.file;
    return { status: hit.status, body: hit.body };
  }

  return { url: server.url, requests, close: server.close };
}
