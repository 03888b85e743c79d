import type { Dispatcher } from "undici";
import { BodyDecodeFailure, charsetOf, decodeBody } from "./decode.js";

type Undici = typeof import("undici");
let undici: Undici | undefined;

/** undici, loaded on the first request rather than when the package is imported (it is the heaviest import). */
export async function loadUndici(): Promise<Undici> {
  undici ??= await import("undici");
  return undici;
}

/** Why one attempt failed, before the retry layer turns it into a typed error with its context. */
export class AttemptFailure extends Error {
  /**
   * @param kind - what happened
   * @param message - a readable line (no secrets: it never quotes the request)
   * @param cause - the underlying error
   */
  constructor(
    readonly kind: "timeout" | "network" | "abort" | "too-large" | "decode",
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** What one attempt sends. */
export interface AttemptInput {
  /** Absolute URL with the query. */
  url: string;
  /** HTTP method. */
  method: string;
  /** Request headers. */
  headers: Record<string, string>;
  /** Request body text. */
  body: string | undefined;
  /** Where to send it. */
  dispatcher: Dispatcher;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** Time this attempt may take in all (headers and body), already capped by the total deadline. */
  limitMs: number;
  /** Largest body accepted. */
  maxBytes: number;
  /** Decode invalid bytes as latin1 instead of failing. */
  fallbackCharset: "latin1" | undefined;
}

/** What one attempt got back. */
export interface AttemptResult {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names, repeated ones joined by `, `. */
  headers: Record<string, string>;
  /** The decoded body. */
  body: string;
}

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

interface Controller {
  abort(reason: Error): void;
}

/**
 * Sends one attempt through the dispatcher with a handler of our own: one timer holds the limit
 * for the whole attempt (undici's own timers tick at about a second, and a trickling body resets
 * its idle timer), chunks are counted against the size limit as they come, and the body is decoded
 * once at the end. No stream and no AbortController per request.
 */
export async function sendAttempt(input: AttemptInput): Promise<AttemptResult> {
  if (undici === undefined) await loadUndici();
  const target = splitUrl(input.url);
  const { signal } = input;
  return new Promise<AttemptResult>((resolve, reject) => {
    let controller: Controller | undefined;
    let done = false;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (failure: AttemptFailure | undefined, result?: AttemptResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (failure !== undefined) reject(failure);
      else resolve(result as AttemptResult);
    };
    const stop = (failure: AttemptFailure): void => {
      if (done) return;
      settle(failure);
      controller?.abort(failure);
    };
    const timer = setTimeout(() => stop(new AttemptFailure("timeout", `no complete answer within ${input.limitMs} ms`)), input.limitMs);
    const onAbort = (): void => stop(new AttemptFailure("abort", "aborted by the caller", signal?.reason));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const handler = {
      onRequestStart(ctrl: Controller): void {
        controller = ctrl;
        if (done) ctrl.abort(new AttemptFailure("abort", "attempt already settled"));
      },
      onResponseStart(_ctrl: Controller, statusCode: number, raw: Record<string, string | string[] | undefined>): void {
        status = statusCode;
        headers = flattenHeaders(raw);
        const declared = Number(headers["content-length"]);
        if (declared > input.maxBytes) stop(new AttemptFailure("too-large", `the answer announces ${declared} bytes, more than the ${input.maxBytes} allowed`));
      },
      onResponseData(_ctrl: Controller, chunk: Buffer): void {
        size += chunk.length;
        if (size > input.maxBytes) stop(new AttemptFailure("too-large", `the answer is larger than the ${input.maxBytes} bytes allowed`));
        else chunks.push(chunk);
      },
      onResponseEnd(): void {
        if (done) return;
        const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
        try {
          settle(undefined, { status, headers, body: decodeBody(bytes, charsetOf(headers["content-type"]), input.fallbackCharset) });
        } catch (error) {
          settle(error instanceof BodyDecodeFailure ? new AttemptFailure("decode", error.message) : classify(error, signal));
        }
      },
      onResponseError(_ctrl: Controller, error: Error): void {
        settle(classify(error, signal));
      },
    };
    try {
      input.dispatcher.dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: input.method as Dispatcher.HttpMethod,
          headers: input.headers,
          body: input.body ?? null,
          // undici's own timers, as a safety net behind ours.
          headersTimeout: input.limitMs + 1_000,
          bodyTimeout: input.limitMs + 1_000,
        },
        handler as unknown as Dispatcher.DispatchHandler,
      );
    } catch (error) {
      settle(classify(error, signal));
    }
  });
}

// An SDK sends to a handful of URLs over and over: each is parsed once (URL parsing is a visible part
// of a request's own cost).
const splitUrls = new Map<string, { origin: string; path: string }>();
function splitUrl(url: string): { origin: string; path: string } {
  let split = splitUrls.get(url);
  if (split === undefined) {
    const parsed = new URL(url);
    split = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (splitUrls.size >= 500) splitUrls.clear();
    splitUrls.set(url, split);
  }
  return split;
}

/** The first string `code` on an error or its causes. */
export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e !== null && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function classify(error: unknown, signal: AbortSignal | undefined): AttemptFailure {
  if (error instanceof AttemptFailure) return error;
  if (signal?.aborted) return new AttemptFailure("abort", "aborted by the caller", signal.reason);
  const code = errorCode(error);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return new AttemptFailure("timeout", `timed out (${code})`, error);
  const message = error instanceof Error ? error.message : String(error);
  return new AttemptFailure("network", `connection failed${code ? ` (${code})` : ""}: ${message}`, error);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in headers) {
    const v = headers[k];
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
