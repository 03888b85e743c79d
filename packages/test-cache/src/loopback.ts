import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// This module imports nothing but node: http-core's own tests load it from source (test-cache
// depends on http-core, so the other way round would be a package cycle).

/** A request as a {@link LoopbackHandler} sees it: the whole body is read before the handler runs. */
export interface LoopbackRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Request headers (lower-case names). */
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text (`""` when none). */
  body: string;
  /** The body as sent, byte for byte. */
  raw: Buffer;
}

/** Answers one request; it may write the response at once, later, piece by piece, or never. */
export type LoopbackHandler = (req: LoopbackRequest, res: ServerResponse) => void | Promise<void>;

/** Options of {@link startLoopbackServer}. */
export interface LoopbackServerOptions {
  /** Path appended to the origin in {@link LoopbackServer.url} (default `/`). */
  path?: string;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` plus the `path` option (default `/`). */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The port the server listens on. */
  port: number;
  /** Every request received so far, in arrival order. */
  requests: LoopbackRequest[];
  /** Requests being answered right now, and the most seen at once (for concurrency checks). */
  readonly inFlight: { now: number; max: number };
  /** Cuts every open connection (hanging requests included) and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a real `node:http` server on 127.0.0.1 (a random free port) that hands each request, with
 * its body already read, to `handler`. Every loopback server of test-cache (replay, fake PUMAPI,
 * fake TimeSync, faulty) and every test suite of the workspace is built on it.
 *
 * @param handler - answers each request (a thrown error or rejected promise becomes a plain 500)
 * @param options - the path of {@link LoopbackServer.url}
 * @returns the running server; call `close()` when done
 * @example
 * ```ts
 * const server = await startLoopbackServer((req, res) => {
 *   res.end(`you sent ${req.body}`);
 * }, { path: "/pumapi/" });
 * // server.url === "http://127.0.0.1:<port>/pumapi/"
 * await server.close();
 * ```
 */
export async function startLoopbackServer(handler: LoopbackHandler, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const request: LoopbackRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: raw.toString("utf8"), raw };
      requests.push(request);
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      let done = false;
      const finish = (): void => {
        if (!done) inFlight.now--;
        done = true;
      };
      res.on("finish", finish);
      res.on("close", finish);
      Promise.resolve()
        .then(() => handler(request, res))
        .catch((error: unknown) => {
          if (res.headersSent) {
            res.destroy();
            return;
          }
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end(`loopback handler failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const path = options.path ?? "/";
  return {
    url: `${origin}${path.startsWith("/") ? path : `/${path}`}`,
    origin,
    port,
    requests,
    inFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
