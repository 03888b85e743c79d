import { describe, expect, it } from "vitest";
import {
  HttpAbortError, HttpClient, HttpClientError, HttpConnectionError, HttpNotFoundError, HttpServerError,
  HttpRateLimitError, HttpTimeoutError, Redactor, mapConcurrent, parseRetryAfter,
} from "../src/index.js";
import { fastRetry, memoryLogger, startServer, useCleanup } from "./helpers.js";

const defer = useCleanup();
async function server(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler);
  defer(s.close);
  return s;
}
function client(opts: ConstructorParameters<typeof HttpClient>[0]) {
  const c = new HttpClient(opts);
  defer(() => c.close());
  return c;
}

describe("HttpClient", () => {
  it("sends form bodies, repeated query keys and returns status, headers and body", async () => {
    const s = await server((_q, res) => { res.setHeader("x-thing", "1"); res.end("a,b\r\n1,2\r\n"); });
    const c = client({ baseUrl: `${s.url}v0` });
    const res = await c.request({ method: "POST", url: "times", query: { user: ["a", "b"], flag: true, none: undefined }, form: { action: "x", n: 3 } });
    expect(res.status).toBe(200);
    expect(res.body).toBe("a,b\r\n1,2\r\n");
    expect(res.headers["x-thing"]).toBe("1");
    expect(s.seen[0]?.url).toBe("/v0/times?user=a&user=b&flag=true");
    expect(s.seen[0]?.body).toBe("action=x&n=3");
    expect(s.seen[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(res.fromCache).toBe(false);
  });

  it("maps statuses to error classes, with redacted url and body excerpt", async () => {
    const s = await server((req, res) => { res.statusCode = req.url?.includes("missing") ? 404 : 400; res.end("bad token=s3cr3t-value"); });
    const redactor = new Redactor({ queryParams: ["token"] }).addSecretValue("s3cr3t-value");
    const c = client({ baseUrl: s.url, redactor });
    const e1 = await c.request({ method: "GET", url: "missing", query: { token: "s3cr3t-value" } }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(HttpNotFoundError);
    const err = e1 as HttpNotFoundError;
    expect(err.status).toBe(404);
    expect(err.url).toContain("token=***");
    expect(JSON.stringify({ m: err.message, u: err.url, b: err.bodyExcerpt })).not.toContain("s3cr3t-value");
    const e2 = await c.request({ method: "GET", url: "other" }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(HttpClientError);
    const res = await c.request({ method: "GET", url: "other", throwHttpErrors: false });
    expect(res.status).toBe(400);
  });

  it("retries safe calls on 503 and honours Retry-After", async () => {
    let n = 0;
    const s = await server((_q, res) => {
      n++;
      if (n < 3) { res.statusCode = 503; res.setHeader("retry-after", "0"); res.end("busy"); } else res.end("ok");
    });
    const c = client({ baseUrl: s.url, retry: fastRetry });
    const res = await c.request({ method: "GET", url: "" });
    expect(res.body).toBe("ok");
    expect(res.attempts).toBe(3);
  });

  it("never retries a POST unless marked idempotent", async () => {
    const s = await server((_q, res) => { res.statusCode = 503; res.end("busy"); });
    const c = client({ baseUrl: s.url, retry: fastRetry });
    const err = await c.request({ method: "POST", url: "", form: { action: "setright" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpServerError);
    expect((err as HttpServerError).attempts).toBe(1);
    expect(s.seen).toHaveLength(1);
    const err2 = await c.request({ method: "POST", url: "", form: { action: "getuser" }, idempotent: true }).catch((e: unknown) => e);
    expect((err2 as HttpServerError).attempts).toBe(3);
    expect(s.seen).toHaveLength(4);
  });

  it("retries a DELETE (idempotent per RFC 9110) unless the call says it is not", async () => {
    let n = 0;
    const s = await server((_q, res) => {
      n++;
      if (n === 1) { res.statusCode = 503; res.end("busy"); } else res.end("");
    });
    const c = client({ baseUrl: s.url, retry: fastRetry });
    expect((await c.request({ method: "DELETE", url: "times/1" })).attempts).toBe(2);
    n = 0;
    const err = await c.request({ method: "DELETE", url: "times/2", idempotent: false }).catch((e: unknown) => e);
    expect((err as HttpServerError).attempts).toBe(1);
  });

  it("does not wait for a Retry-After above the cap", async () => {
    const s = await server((_q, res) => { res.statusCode = 429; res.setHeader("retry-after", "3600"); res.end("slow down"); });
    const c = client({ baseUrl: s.url, retry: { ...fastRetry, maxRetryAfterMs: 1000 } });
    const err = await c.request({ method: "GET", url: "", operation: "demo list" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpRateLimitError);
    expect((err as HttpRateLimitError).status).toBe(429);
    expect((err as HttpRateLimitError).retryAfterMs).toBe(3_600_000);
    expect((err as Error).message).toMatch(/^demo list: GET .* answered HTTP 429 \(not retried: Retry-After 3600 s is more than the 1 s the retry policy waits\)$/);
    expect(s.seen).toHaveLength(1);
  });

  it("parses Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("times out an attempt, retries it, and reports a timeout", async () => {
    const s = await server(() => { /* never answers */ });
    const c = client({ baseUrl: s.url, timeout: { attemptMs: 100, totalMs: 5000 }, retry: fastRetry });
    const err = await c.request({ method: "GET", url: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect((err as HttpTimeoutError).attempts).toBe(3);
  });

  it("enforces the total timeout across retries", async () => {
    const s = await server(() => {});
    const c = client({ baseUrl: s.url, timeout: { attemptMs: 10_000, totalMs: 150 } });
    const t0 = Date.now();
    const err = await c.request({ method: "GET", url: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("aborts on the caller's signal without retrying", async () => {
    const ac = new AbortController();
    // Abort once the server holds the request, so the test never races the connection.
    const s = await server(() => ac.abort());
    const c = client({ baseUrl: s.url, retry: fastRetry });
    const err = await c.request({ method: "GET", url: "", signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpAbortError);
    expect(s.seen).toHaveLength(1);
    const again = await c.request({ method: "GET", url: "", signal: ac.signal }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HttpAbortError);
    expect(s.seen).toHaveLength(1);
  });

  it("reports a refused connection as a connection error, with the key masked", async () => {
    const s = await startServer(() => {});
    await s.close();
    const redactor = new Redactor({ formFields: ["apikey"] });
    const c = client({ baseUrl: s.url, redactor, retry: { limit: 0 } });
    const err = await c.request({ method: "POST", url: "", form: { action: "auth", apikey: "KEY-123456" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpConnectionError);
    expect((err as HttpConnectionError).request?.form?.["apikey"]).toBe("***");
    expect(JSON.stringify(err) + String(err)).not.toContain("KEY-123456");
  });

  it("logs each request with redacted URL, status, attempt and cache state, and formats nothing when off", async () => {
    const s = await server((_q, res) => res.end("ok"));
    const mem = memoryLogger();
    const c = client({ baseUrl: s.url, logger: mem.logger, logLevel: "debug", redactor: new Redactor({ queryParams: ["token"] }) });
    await c.request({ method: "GET", url: "x", query: { token: "tok-abcdef" }, operation: "demo op" });
    expect(mem.lines.join("\n")).toContain('"status":200');
    expect(mem.lines.join("\n")).toContain('"operation":"demo op"');
    expect(mem.lines.join("\n")).toContain('"cache":"off"');
    expect(mem.lines.join("\n")).not.toContain("tok-abcdef");

    let touched = 0;
    const spy = { get debug() { touched++; return () => {}; }, info() {}, warn() {}, error() {} };
    const quiet = client({ baseUrl: s.url, logger: spy, logLevel: "warn" });
    await quiet.request({ method: "GET", url: "x" });
    expect(touched).toBe(0);
  });

  it("rejects a relative URL without baseUrl and a bad baseUrl", () => {
    expect(() => new HttpClient({ baseUrl: "not a url" })).toThrow(/baseUrl/);
  });
});

describe("mapConcurrent", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await mapConcurrent(
      Array.from({ length: 20 }, (_, i) => i),
      async (i) => { inFlight++; peak = Math.max(peak, inFlight); await new Promise((r) => setTimeout(r, (20 - i) % 5)); inFlight--; return i * 2; },
      { concurrency: 3, onProgress: (p) => progress.push(p.done) },
    );
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(peak).toBe(3);
    expect(progress.at(-1)).toBe(20);
  });

  it("stops on the first error, or collects errors", async () => {
    const started: number[] = [];
    const work = async (i: number) => { started.push(i); if (i === 2) throw new Error("boom"); await new Promise((r) => setTimeout(r, 5)); return i; };
    await expect(mapConcurrent([0, 1, 2, 3, 4, 5, 6, 7], work, { concurrency: 2 })).rejects.toThrow("boom");
    expect(started.length).toBeLessThan(8);
    const settled = await mapConcurrent([1, 2, 3], work, { concurrency: 2, stopOnError: false });
    expect(settled.map((s) => s.ok)).toEqual([true, false, true]);
  });

  it("rejects a bad concurrency", async () => {
    await expect(mapConcurrent([1], async (x) => x, { concurrency: 0 })).rejects.toThrow(/concurrency/);
  });
});

describe("options are checked", () => {
  it("rejects unknown retry keys and bad values, naming them", () => {
    expect(() => new HttpClient({ retry: { retries: 3 } as never })).toThrow(/Invalid retry\.retries: unknown option \(known options: limit, methods/);
    expect(() => new HttpClient({ retry: { limt: 3 } as never })).toThrow(/Invalid retry\.limt: unknown option; did you mean "limit"\?/);
    expect(() => new HttpClient({ retry: { backoff: { initial: 1 } } as never })).toThrow(/retry\.backoff\.initial/);
    expect(() => new HttpClient({ retry: { backoff: { initalMs: 1 } } as never })).toThrow(/Invalid retry\.backoff\.initalMs: unknown option; did you mean "initialMs"\?/);
    expect(() => new HttpClient({ retry: { backoff: null } as never })).toThrow(/Invalid retry\.backoff: must be an object, got null/);
    expect(() => new HttpClient({ retry: { limit: -1 } })).toThrow(/retry\.limit/);
    expect(() => new HttpClient({ timeout: { totalMs: 0 } })).toThrow(/timeout\.totalMs/);
    expect(() => new HttpClient({ maxResponseBytes: 1.5 })).toThrow(/maxResponseBytes/);
    expect(() => new HttpClient({ logLevel: "verbose" as never })).toThrow(/unknown log level "verbose".*debug, info, warn, error, silent/);
  });

  it("logs warnings and errors when a logger is given without a level, nothing without a logger", async () => {
    const saved = process.env["FACILITY_SDK_LOG"];
    delete process.env["FACILITY_SDK_LOG"];
    try {
      const mem = memoryLogger();
      const c = new HttpClient({ logger: mem.logger });
      expect(c.log.level).toBe("warn");
      expect(new HttpClient().log.level).toBe("silent");
    } finally {
      if (saved !== undefined) process.env["FACILITY_SDK_LOG"] = saved;
    }
  });
});

describe("aborted calls", () => {
  it("never answer, not even from the cache, and a bulk run rejects with a typed error", async () => {
    const ac = new AbortController();
    ac.abort(new Error("stop"));
    const c = client({ baseUrl: "http://127.0.0.1:9/" });
    await expect(c.request({ method: "GET", url: "", signal: ac.signal })).rejects.toBeInstanceOf(HttpAbortError);
    await expect(mapConcurrent([1, 2], async (x) => x, { signal: ac.signal })).rejects.toBeInstanceOf(HttpAbortError);
  });
});
