import { describe, expect, it } from "vitest";
// Source import: test-cache depends on http-core, so a dev dependency back would be a cycle.
import { refusedUrl, startFaultyServer, type FaultSpec } from "../../test-cache/src/faulty-server.js";
import {
  HttpClient, HttpConnectionError, HttpServerError, HttpTimeoutError, ResponseDecodeError, ResponseTooLargeError, type HttpClientOptions,
} from "../src/index.js";
import { fastRetry, useCleanup } from "./helpers.js";

const defer = useCleanup();

async function against(fault: FaultSpec, options: HttpClientOptions = {}) {
  const server = await startFaultyServer({ fault });
  const client = new HttpClient({ baseUrl: server.url, retry: fastRetry, ...options });
  defer(server.close, () => client.close());
  return { server, client };
}

describe("the transport keeps its promises", () => {
  it("enforces the total deadline while a body trickles in", async () => {
    const { client } = await against({ kind: "trickle", body: "x".repeat(60), intervalMs: 100 }, { timeout: { attemptMs: 10_000, totalMs: 600 } });
    const t0 = performance.now();
    const err = await client.request({ method: "GET", url: "" }).catch((e: unknown) => e);
    const took = performance.now() - t0;
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect((err as Error).message).toContain("total timeout of 600 ms");
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(1_500);
  });

  it("enforces the attempt limit on a stalled body and retries a safe call", async () => {
    const { client, server } = await against({ kind: "stall-body", body: "abcdef", afterBytes: 2 }, { timeout: { attemptMs: 150, totalMs: 5_000 } });
    const err = await client.request({ method: "GET", url: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect((err as HttpTimeoutError).attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("ends an oversized answer with a typed error, early, whether or not it announces its length", async () => {
    for (const contentLength of [true, false]) {
      const { client, server } = await against({ kind: "huge", bytes: 80 * 1024 * 1024, contentLength }, { maxResponseBytes: 1024 * 1024 });
      const rss = process.memoryUsage().rss;
      const t0 = performance.now();
      const err = await client.request({ method: "GET", url: "" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResponseTooLargeError);
      expect(server.requests).toHaveLength(1); // never retried
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it("refuses invalid UTF-8 with a typed error instead of replacement characters", async () => {
    const { client } = await against({ kind: "invalid-utf8" });
    const err = await client.request({ method: "GET", url: "", operation: "demo read" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseDecodeError);
    expect((err as Error).message).toMatch(/^demo read: the answer is not valid UTF-8/);
  });

  it("decodes per the response's charset, and latin1 only when asked for it", async () => {
    const latin = await against({ kind: "latin1", text: "Müller" });
    expect((await latin.client.request({ method: "GET", url: "" })).body).toBe("Müller");
    const lenient = await against({ kind: "invalid-utf8" }, { fallbackCharset: "latin1" });
    expect((await lenient.client.request({ method: "GET", url: "" })).body).toBe("Müller");
  });

  it("reports a refused connection and a reset as connection errors", async () => {
    const refused = new HttpClient({ baseUrl: await refusedUrl(), retry: { limit: 0 } });
    defer(() => refused.close());
    await expect(refused.request({ method: "GET", url: "" })).rejects.toBeInstanceOf(HttpConnectionError);
    const { client } = await against({ kind: "reset", afterBytes: 10 }, { retry: { limit: 0 } });
    await expect(client.request({ method: "GET", url: "" })).rejects.toBeInstanceOf(HttpConnectionError);
  });

  it("never retries a POST that is not marked idempotent, and says so", async () => {
    const { client, server } = await against({ kind: "status", status: 503, body: "busy" });
    const err = await client.request({ method: "POST", url: "", form: { action: "setright" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpServerError);
    expect((err as Error).message).toContain("not retried: this POST is not marked idempotent (a repeat could apply it twice)");
    expect(server.requests).toHaveLength(1);
  });
});
