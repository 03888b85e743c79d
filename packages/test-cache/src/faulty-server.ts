import type { ServerResponse } from "node:http";
import { startLoopbackServer, type LoopbackRequest, type LoopbackServer } from "./loopback.js";

// Like loopback.ts, this module imports nothing but node: and ./loopback.js: http-core's tests load it
// from source, and a package dependency from http-core back to test-cache would be a cycle.

/** A response body: text (sent as UTF-8) or exact bytes. */
export type FaultBody = string | Uint8Array;

/** The parts of a plain answer that several faults share. */
export interface FaultReply {
  /** Status code (default 200). */
  status?: number;
  /** Extra response headers; they win over the defaults, except `content-length`. */
  headers?: Record<string, string>;
  /** The body (default `""`, or `"ok"` for the `ok` fault). */
  body?: FaultBody;
  /** The content type (default `text/plain; charset=utf-8`). */
  contentType?: string;
}

/** Answers normally, with a `content-length`. */
export interface OkFault extends FaultReply {
  /** Selects this fault. */
  kind: "ok";
}

/**
 * The port refuses connections (ECONNREFUSED). Given as the server's `fault`, the server is closed
 * before anything can connect, so its `url` refuses from the start. Returned for request n, that
 * request's connection is cut unanswered and the server stops: every later connection is refused.
 * For just a refusing URL, see {@link refusedUrl}.
 */
export interface RefuseFault {
  /** Selects this fault. */
  kind: "refuse";
}

/** Reads the request and never answers (until the server is closed). */
export interface HangFault {
  /** Selects this fault. */
  kind: "hang";
}

/** Answers like `ok`, but only after `ms` milliseconds: nothing, not even headers, comes before. */
export interface StallHeadersFault extends FaultReply {
  /** Selects this fault. */
  kind: "stall-headers";
  /** Delay before the status line and headers. */
  ms: number;
}

/**
 * Sends the headers (with the full `content-length`) and the first `afterBytes` bytes of `body`, then
 * waits `ms` before the rest, or forever when `ms` is omitted.
 */
export interface StallBodyFault {
  /** Selects this fault. */
  kind: "stall-body";
  /** The whole body (default 1 KiB of `x`). */
  body?: FaultBody;
  /** Bytes sent before the stall (default half the body). */
  afterBytes?: number;
  /** The stall; omit it to never send the rest. */
  ms?: number;
  /** The content type (default `text/plain; charset=utf-8`). */
  contentType?: string;
}

/** Sends the headers at once, then the body one byte every `intervalMs` (with a `content-length`). */
export interface TrickleFault {
  /** Selects this fault. */
  kind: "trickle";
  /** The body (default `"trickle"`). */
  body?: FaultBody;
  /** Pause before each byte. */
  intervalMs: number;
  /** The content type (default `text/plain; charset=utf-8`). */
  contentType?: string;
}

/**
 * Announces the full `content-length`, sends `afterBytes` bytes of the body, then resets the TCP
 * connection (RST): the client reads those bytes, then fails with ECONNRESET mid-body.
 */
export interface ResetFault {
  /** Selects this fault. */
  kind: "reset";
  /** The announced body (default 1 KiB of `x`). */
  body?: FaultBody;
  /** Bytes sent before the reset (default half the body). */
  afterBytes?: number;
}

/**
 * Announces the full `content-length`, sends `afterBytes` bytes of the body, then closes the
 * connection cleanly (FIN): the client gets fewer bytes than announced.
 */
export interface TruncateFault {
  /** Selects this fault. */
  kind: "truncate";
  /** The announced body (default 1 KiB of `x`). */
  body?: FaultBody;
  /** Bytes sent before the close (default half the body). */
  afterBytes?: number;
}

/** An error status (429, 500, 502, 503, ...), with or without `Retry-After`, and any body. */
export interface StatusFault extends Omit<FaultReply, "status"> {
  /** Selects this fault. */
  kind: "status";
  /** The status code. */
  status: number;
  /** `Retry-After` value: seconds, or an HTTP date as text; omitted means no header. */
  retryAfter?: number | string;
}

/** An HTML error page, the way a proxy or a maintenance page answers, with status 200 by default. */
export interface HtmlFault {
  /** Selects this fault. */
  kind: "html";
  /** Status code (default 200). */
  status?: number;
  /** The page (default a short "Service unavailable" page). */
  body?: string;
}

/** 200 (or `status`) with an empty body and `content-length: 0`. */
export interface EmptyFault {
  /** Selects this fault. */
  kind: "empty";
  /** Status code (default 200). */
  status?: number;
  /** The content type (default `text/plain; charset=utf-8`). */
  contentType?: string;
}

/** A body of `bytes` bytes, streamed in chunks with back-pressure (never held in memory whole). */
export interface HugeFault {
  /** Selects this fault. */
  kind: "huge";
  /** Total body size in bytes. */
  bytes: number;
  /** Chunk size (default 64 KiB). */
  chunkBytes?: number;
  /** Send a `content-length` (default true); false streams it chunked. */
  contentLength?: boolean;
  /** The byte the body is made of, as a one-character string (default `x`). */
  fill?: string;
  /** The content type (default `text/plain; charset=utf-8`). */
  contentType?: string;
}

/** Bytes that are not valid UTF-8 (default `M\xfcller`, i.e. latin1 "Müller") labelled `charset=utf-8`. */
export interface InvalidUtf8Fault {
  /** Selects this fault. */
  kind: "invalid-utf8";
  /** The exact bytes sent (default `4d fc 6c 6c 65 72`). */
  bytes?: Uint8Array;
}

/** Text encoded as latin1 and labelled `text/plain; charset=iso-8859-1`. */
export interface Latin1Fault {
  /** Selects this fault. */
  kind: "latin1";
  /** The text to encode (default `"Müller"`); characters above U+00FF do not survive latin1. */
  text?: string;
}

/** Answers the request body back, byte for byte, with the request's content type. */
export interface EchoFault {
  /** Selects this fault. */
  kind: "echo";
  /** Status code (default 200). */
  status?: number;
}

/**
 * One way of (mis)answering a request; `kind` picks it.
 *
 * @example
 * ```ts
 * const busy: FaultSpec = { kind: "status", status: 503, retryAfter: 1, body: "busy" };
 * const slow: FaultSpec = { kind: "trickle", body: "OK\r\n", intervalMs: 50 };
 * ```
 */
export type FaultSpec =
  | OkFault | RefuseFault | HangFault
  | StallHeadersFault | StallBodyFault | TrickleFault
  | ResetFault | TruncateFault
  | StatusFault | HtmlFault | EmptyFault | HugeFault
  | InvalidUtf8Fault | Latin1Fault | EchoFault;

/** Picks the fault of each request; `n` counts requests from 1. */
export type FaultPicker = (req: LoopbackRequest, n: number) => FaultSpec;

/** Options of {@link startFaultyServer}. */
export interface FaultyServerOptions {
  /** The fault of every request, or a function choosing one per request (default `{ kind: "ok" }`). */
  fault?: FaultSpec | FaultPicker;
  /** Path appended to the origin in {@link FaultyServer.url} (default `/`). */
  path?: string;
}

/** A running faulty server. */
export interface FaultyServer {
  /** `http://127.0.0.1:<port>` plus the `path` option. */
  url: string;
  /** Every request received so far, in arrival order. */
  requests: LoopbackRequest[];
  /** Cuts every open connection (hanging and stalled ones included) and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a misbehaving HTTP server on 127.0.0.1 (built on {@link startLoopbackServer}) to test how a
 * client survives faults: refused connections, hangs, stalls, trickles, resets, truncated or huge
 * bodies, error statuses, HTML pages, bad encodings.
 *
 * @param options - the fault (fixed or chosen per request) and the URL path
 * @returns the running server; call `close()` when done
 * @example
 * ```ts
 * // 503 twice, then OK
 * const server = await startFaultyServer({
 *   fault: (_req, n) => (n <= 2 ? { kind: "status", status: 503, retryAfter: 0 } : { kind: "ok", body: "OK" }),
 * });
 * const res = await client.request({ method: "GET", url: server.url });
 * expect(server.requests).toHaveLength(3);
 * await server.close();
 * ```
 */
export async function startFaultyServer(options: FaultyServerOptions = {}): Promise<FaultyServer> {
  const fixed = options.fault ?? { kind: "ok" };
  const pick: FaultPicker = typeof fixed === "function" ? fixed : () => fixed;
  let count = 0;
  let closing: Promise<void> | undefined;
  const loopback: LoopbackServer = await startLoopbackServer(
    async (req, res) => {
      const fault = pick(req, ++count);
      // refuse needs the server itself: stop it, which also cuts this request's connection
      if (fault.kind === "refuse") return void stop();
      await answer(fault, req, res);
    },
    options.path === undefined ? {} : { path: options.path },
  );
  // Closing twice would make node:http report "server not running": close once, share the promise.
  const stop = (): Promise<void> => (closing ??= loopback.close());
  if (typeof fixed !== "function" && fixed.kind === "refuse") await stop();
  return { url: loopback.url, requests: loopback.requests, close: stop };
}

/**
 * A URL on 127.0.0.1 whose port refuses connections: a loopback server is started and closed at once,
 * so the port was free a moment ago and nothing listens on it (another process could take it, which
 * is unlikely within a test).
 *
 * @param path - path appended to the origin (default `/`)
 * @example
 * ```ts
 * const url = await refusedUrl("/pumapi/");
 * await expect(fetch(url)).rejects.toThrow(); // ECONNREFUSED
 * ```
 */
export async function refusedUrl(path = "/"): Promise<string> {
  const server = await startFaultyServer({ fault: { kind: "refuse" }, path });
  return server.url;
}

const TEXT = "text/plain; charset=utf-8";
const BINARY = "application/octet-stream";
const HTML_PAGE =
  "<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head><body><h1>Service unavailable</h1></body></html>\n";
const toBytes = (body: FaultBody | undefined, fallback = ""): Buffer => Buffer.from(body ?? fallback);

/** Runs `fn` after `ms` unless the response is closed first (so closing the server leaves no timers). */
function later(res: ServerResponse, ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    res.off("close", cancel);
    if (!res.destroyed) fn();
  }, ms);
  const cancel = (): void => clearTimeout(timer);
  res.once("close", cancel);
}

/** Resolves once `res` can take more data, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** Writes a complete answer with a content-length. */
function reply(res: ServerResponse, r: FaultReply, fallbackBody = ""): void {
  const body = toBytes(r.body, fallbackBody);
  res.writeHead(r.status ?? 200, { "content-type": r.contentType ?? TEXT, ...r.headers, "content-length": String(body.length) });
  res.end(body);
}

/** Sends headers announcing `body` whole, then its first `afterBytes` bytes; resolves once they left. */
function sendPart(res: ServerResponse, body: Buffer, afterBytes: number, contentType = TEXT): Promise<void> {
  res.writeHead(200, { "content-type": contentType, "content-length": String(body.length) });
  const part = body.subarray(0, Math.max(0, Math.min(afterBytes, body.length)));
  return new Promise((resolve) => {
    if (part.length === 0) res.flushHeaders();
    res.write(part, () => resolve());
  });
}

async function answer(fault: FaultSpec, req: LoopbackRequest, res: ServerResponse): Promise<void> {
  switch (fault.kind) {
    case "ok":
      return reply(res, fault, "ok");
    case "refuse": // handled by startFaultyServer, which owns the server
    case "hang":
      return;
    case "stall-headers":
      return later(res, fault.ms, () => reply(res, fault));
    case "stall-body": {
      const body = toBytes(fault.body, "x".repeat(1024));
      const at = fault.afterBytes ?? Math.floor(body.length / 2);
      await sendPart(res, body, at, fault.contentType);
      if (fault.ms !== undefined) later(res, fault.ms, () => res.end(body.subarray(Math.max(0, at))));
      return;
    }
    case "trickle": {
      const body = toBytes(fault.body, "trickle");
      res.writeHead(200, { "content-type": fault.contentType ?? TEXT, "content-length": String(body.length) });
      res.flushHeaders();
      const step = (i: number): void => {
        if (i >= body.length) return void res.end();
        later(res, fault.intervalMs, () => {
          res.write(body.subarray(i, i + 1));
          step(i + 1);
        });
      };
      return step(0);
    }
    case "reset":
    case "truncate": {
      const body = toBytes(fault.body, "x".repeat(1024));
      await sendPart(res, body, fault.afterBytes ?? Math.floor(body.length / 2));
      // reset: RST, so the client reads ECONNRESET; truncate: a clean FIN before the announced length.
      // The RST waits a few ms: sent right after the write, the client saw a plain FIN (measured).
      if (fault.kind === "reset") later(res, 10, () => res.socket?.resetAndDestroy());
      else res.destroy();
      return;
    }
    case "status": {
      const retryAfter = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
      return reply(res, { ...fault, headers: { ...fault.headers, ...retryAfter } });
    }
    case "html":
      return reply(res, { status: fault.status ?? 200, contentType: "text/html; charset=utf-8", body: fault.body ?? HTML_PAGE });
    case "empty":
      return reply(res, { status: fault.status ?? 200, contentType: fault.contentType ?? TEXT, body: "" });
    case "huge":
      return streamHuge(res, fault);
    case "invalid-utf8":
      return reply(res, { body: fault.bytes ?? Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]) });
    case "latin1":
      return reply(res, { contentType: "text/plain; charset=iso-8859-1", body: Buffer.from(fault.text ?? "Müller", "latin1") });
    case "echo":
      return reply(res, { status: fault.status ?? 200, contentType: req.headers["content-type"] ?? BINARY, body: req.raw });
    default:
      throw new TypeError(`startFaultyServer: unknown fault kind ${JSON.stringify((fault as { kind?: unknown }).kind)}`);
  }
}

/** Streams `bytes` bytes by reusing one chunk, waiting for `drain` so memory stays flat. */
async function streamHuge(res: ServerResponse, fault: HugeFault): Promise<void> {
  const size = Math.max(1, Math.min(fault.chunkBytes ?? 64 * 1024, fault.bytes || 1));
  const chunk = Buffer.alloc(size, fault.fill ?? "x");
  const headers: Record<string, string> = { "content-type": fault.contentType ?? TEXT };
  if (fault.contentLength !== false) headers["content-length"] = String(fault.bytes);
  res.writeHead(200, headers);
  let left = fault.bytes;
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  if (!res.destroyed) res.end();
}
