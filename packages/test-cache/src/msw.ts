/**
 * The msw bridge, on a subpath of its own so that msw (an optional peer dependency) stays out of
 * the main entry's types: `import { createMswDispatcher } from "@facility-sdk/test-cache/msw"`
 * (ESM) or `require("@facility-sdk/test-cache/msw")` (CommonJS). Install `msw` (2.x) next to it.
 *
 * msw intercepts `fetch` and Node's `http`, but not the npm `undici` package the SDKs send with;
 * {@link createMswDispatcher} turns msw request handlers into an undici `Dispatcher` that you pass
 * as the SDK's `dispatcher` option.
 *
 * @module msw
 */
import { Dispatcher } from "undici";
import type { RequestHandler } from "msw";

/** Options of {@link createMswDispatcher}. */
export interface MswDispatcherOptions {
  /** What to do with a request no handler answers: `error` (default) fails it; a function may answer it. */
  onUnhandled?: "error" | ((request: Request) => Response | Promise<Response>);
}

type AnyHandler = Dispatcher.DispatchHandler & {
  onConnect?: (abort: (err?: Error) => void) => void;
  onHeaders?: (status: number, headers: Buffer[], resume: () => void, statusText: string) => boolean;
  onData?: (chunk: Buffer) => boolean;
  onComplete?: (trailers: string[] | null) => void;
  onError?: (err: Error) => void;
};

/**
 * An undici `Dispatcher` that answers from msw request handlers. msw does not see requests made
 * with the npm `undici` package; pass this as the SDK's `dispatcher` to use msw handlers anyway.
 * Import it from the subpath `@facility-sdk/test-cache/msw`.
 *
 * @param handlers - msw request handlers (`http.get(…)`, `http.post(…)`), tried in order
 * @param options - what to do with a request no handler answers (default: fail it)
 * @returns the dispatcher, for the SDK's (or http-core's) `dispatcher` option
 * @example
 * ```ts
 * import { http, HttpResponse } from "msw";
 * import { createMswDispatcher } from "@facility-sdk/test-cache/msw";
 * const dispatcher = createMswDispatcher([http.post("https://ppms.example/pumapi/", () => HttpResponse.text("jdoe\r\n"))]);
 * const client = new HttpClient({ baseUrl: "https://ppms.example/pumapi/", dispatcher });
 * ```
 */
export function createMswDispatcher(handlers: readonly RequestHandler[], options: MswDispatcherOptions = {}): Dispatcher {
  return new MswDispatcher(handlers, options);
}

/** Unhandled request in the msw bridge. */
export class MswUnhandledRequestError extends Error {
  /** Builds the error for `method url`. */
  constructor(method: string, url: string) {
    super(`msw bridge: no handler for ${method} ${url}`);
    this.name = "MswUnhandledRequestError";
  }
}

class MswDispatcher extends Dispatcher {
  constructor(
    private readonly handlers: readonly RequestHandler[],
    private readonly options: MswDispatcherOptions,
  ) {
    super();
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    void this.answer(opts, handler as AnyHandler);
    return true;
  }

  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}

  private async answer(opts: Dispatcher.DispatchOptions, handler: AnyHandler): Promise<void> {
    let aborted = false;
    const controller = {
      abort: () => {
        aborted = true;
      },
      pause: () => {},
      resume: () => {},
      paused: false,
      aborted: false,
      reason: null,
    };
    try {
      handler.onConnect?.(() => {
        aborted = true;
      });
      handler.onRequestStart?.(controller as never, {});
      const request = toFetchRequest(opts);
      const { getResponse } = await import("msw");
      let response = await getResponse([...this.handlers], request);
      if (response === undefined) {
        if (typeof this.options.onUnhandled === "function") response = await this.options.onUnhandled(request);
        else throw new MswUnhandledRequestError(request.method, request.url);
      }
      const body = Buffer.from(await response.arrayBuffer());
      if (aborted) return;
      if (handler.onHeaders) {
        const raw: Buffer[] = [];
        response.headers.forEach((v, k) => raw.push(Buffer.from(k), Buffer.from(v)));
        handler.onHeaders(response.status, raw, () => {}, response.statusText);
        if (body.length > 0) handler.onData?.(body);
        handler.onComplete?.([]);
      } else {
        const headers: Record<string, string> = {};
        response.headers.forEach((v, k) => (headers[k] = v));
        handler.onResponseStart?.(controller as never, response.status, headers, response.statusText);
        if (body.length > 0) handler.onResponseData?.(controller as never, body);
        handler.onResponseEnd?.(controller as never, {});
      }
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (handler.onError) handler.onError(err);
      else handler.onResponseError?.(controller as never, err);
    }
  }
}

function toFetchRequest(opts: Dispatcher.DispatchOptions): Request {
  const url = new URL(opts.path, String(opts.origin));
  const headers = new Headers();
  const h = opts.headers;
  if (Array.isArray(h)) {
    for (let i = 0; i + 1 < h.length; i += 2) headers.append(String(h[i]), String(h[i + 1]));
  } else if (h && typeof h === "object") {
    for (const [k, v] of Object.entries(h as Record<string, string | string[] | undefined>)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    }
  }
  const body = opts.body;
  const init: RequestInit = { method: opts.method, headers };
  if (body !== undefined && body !== null && opts.method !== "GET" && opts.method !== "HEAD") {
    init.body = typeof body === "string" || body instanceof Uint8Array ? body : String(body);
  }
  return new Request(url, init);
}
