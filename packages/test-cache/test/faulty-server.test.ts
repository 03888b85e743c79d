import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl, startFaultyServer, type FaultyServer, type FaultyServerOptions } from "../src/index.js";

let servers: FaultyServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});
async function serve(options: FaultyServerOptions): Promise<FaultyServer> {
  const server = await startFaultyServer(options);
  servers.push(server);
  return server;
}

/** Reads a body chunk by chunk, keeping what arrived even when the stream fails. */
async function drain(body: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; chunks: number; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of body) parts.push(chunk);
    return { bytes: Buffer.concat(parts), chunks: parts.length };
  } catch (error) {
    return { bytes: Buffer.concat(parts), chunks: parts.length, error };
  }
}

/** The error code of an undici or socket error (undici sometimes keeps it on `cause`). */
function codeOf(error: unknown): unknown {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return e?.code ?? e?.cause?.code;
}

describe("startFaultyServer: plain answers", () => {
  it("answers ok with status, headers, body and content type, and records requests", async () => {
    const s = await serve({ fault: { kind: "ok", status: 201, headers: { "x-id": "7" }, body: "created", contentType: "application/json" }, path: "/v0" });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v0$/);
    const res = await request(`${s.url}/things?q=1`, { method: "POST", body: "a=1" });
    expect(res.statusCode).toBe(201);
    expect(res.headers["x-id"]).toBe("7");
    expect(res.headers["content-type"]).toBe("application/json");
    expect(await res.body.text()).toBe("created");
    expect(s.requests.map((r) => [r.method, r.url, r.body])).toEqual([["POST", "/v0/things?q=1", "a=1"]]);
  });

  it("picks a fault per request: 503 twice (with and without Retry-After), then OK", async () => {
    const seen: number[] = [];
    const s = await serve({
      fault: (_req, n) => {
        seen.push(n);
        if (n === 1) return { kind: "status", status: 503, retryAfter: 2, body: "busy" };
        if (n === 2) return { kind: "status", status: 503 };
        return { kind: "ok", body: "OK" };
      },
    });
    const first = await request(s.url);
    expect([first.statusCode, first.headers["retry-after"], await first.body.text()]).toEqual([503, "2", "busy"]);
    const second = await request(s.url);
    expect([second.statusCode, second.headers["retry-after"], await second.body.text()]).toEqual([503, undefined, ""]);
    const third = await request(s.url);
    expect([third.statusCode, await third.body.text()]).toEqual([200, "OK"]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("answers 429 with a Retry-After date and any body", async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    const s = await serve({ fault: { kind: "status", status: 429, retryAfter: date, body: '{"error":"slow down"}', contentType: "application/json" } });
    const res = await request(s.url);
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toBe(date);
    expect(await res.body.json()).toEqual({ error: "slow down" });
  });

  it("answers an HTML error page with 200, and an empty 200", async () => {
    const html = await serve({ fault: { kind: "html" } });
    const page = await request(html.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(await page.body.text()).toMatch(/^<!DOCTYPE html>[\s\S]*Service unavailable/);

    const empty = await serve({ fault: { kind: "empty" } });
    const res = await request(empty.url);
    expect([res.statusCode, res.headers["content-length"], await res.body.text()]).toEqual([200, "0", ""]);
  });

  it("echoes the request body and content type, with the status asked for", async () => {
    const s = await serve({ fault: { kind: "echo", status: 202 } });
    const sent = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d]);
    const res = await request(s.url, { method: "PUT", body: sent, headers: { "content-type": "application/x-odd" } });
    expect(res.statusCode).toBe(202);
    expect(res.headers["content-type"]).toBe("application/x-odd");
    expect(Buffer.from(await res.body.arrayBuffer())).toEqual(sent);
  });
});

describe("startFaultyServer: encodings", () => {
  it("sends invalid UTF-8 bytes, exactly, labelled charset=utf-8", async () => {
    const s = await serve({ fault: { kind: "invalid-utf8" } });
    const res = await request(s.url);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const bytes = Buffer.from(await res.body.arrayBuffer());
    expect([...bytes]).toEqual([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(TypeError);
  });

  it("sends latin1 text labelled charset=iso-8859-1", async () => {
    const s = await serve({ fault: { kind: "latin1", text: "Müller, Zoë" } });
    const res = await request(s.url);
    expect(res.headers["content-type"]).toBe("text/plain; charset=iso-8859-1");
    const bytes = Buffer.from(await res.body.arrayBuffer());
    expect(bytes.length).toBe("Müller, Zoë".length);
    expect(bytes[1]).toBe(0xfc);
    expect(new TextDecoder("latin1").decode(bytes)).toBe("Müller, Zoë");
  });
});

describe("startFaultyServer: connection faults", () => {
  it("refuses connections when the fault is refuse, and refusedUrl gives such a URL", async () => {
    const s = await serve({ fault: { kind: "refuse" } });
    expect(codeOf(await request(s.url).catch((e: unknown) => e))).toBe("ECONNREFUSED");
    expect(s.requests).toHaveLength(0);
    const url = await refusedUrl("/pumapi/");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pumapi\/$/);
    expect(codeOf(await request(url).catch((e: unknown) => e))).toBe("ECONNREFUSED");
  });

  it("stops the server when a picked fault is refuse: that request fails, later ones are refused", async () => {
    const s = await serve({ fault: (_req, n) => (n === 1 ? { kind: "ok" } : { kind: "refuse" }) });
    expect(await (await request(s.url)).body.text()).toBe("ok");
    await expect(request(s.url)).rejects.toThrow();
    expect(codeOf(await request(s.url).catch((e: unknown) => e))).toBe("ECONNREFUSED");
    expect(s.requests).toHaveLength(2);
  });

  it("hangs until the client gives up, and close() cuts the hanging request", async () => {
    const s = await serve({ fault: { kind: "hang" } });
    const err = await request(s.url, { headersTimeout: 150 }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("UND_ERR_HEADERS_TIMEOUT");
    const pending = request(s.url).catch((e: unknown) => e);
    await waitFor(() => s.requests.length === 2);
    await s.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it("stalls the headers for ms, then answers", async () => {
    const s = await serve({ fault: { kind: "stall-headers", ms: 200, body: "late" } });
    const t0 = Date.now();
    const res = await request(s.url);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
    expect(await res.body.text()).toBe("late");
  });

  it("stalls the body after the first bytes, for ms or forever", async () => {
    const s = await serve({ fault: { kind: "stall-body", body: "0123456789", afterBytes: 4, ms: 250 } });
    const t0 = Date.now();
    const res = await request(s.url);
    expect(Date.now() - t0).toBeLessThan(200);
    expect(res.headers["content-length"]).toBe("10");
    expect(await res.body.text()).toBe("0123456789");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(230);

    const forever = await serve({ fault: { kind: "stall-body", body: "0123456789", afterBytes: 4 } });
    const stuck = await request(forever.url, { bodyTimeout: 200 });
    const got = await drain(stuck.body);
    expect(got.bytes.toString()).toBe("0123");
    expect(codeOf(got.error)).toBe("UND_ERR_BODY_TIMEOUT");
  });

  it("trickles the body one byte at a time", async () => {
    const s = await serve({ fault: { kind: "trickle", body: "abcde", intervalMs: 40 } });
    const t0 = Date.now();
    const res = await request(s.url);
    const headersAfter = Date.now() - t0;
    const got = await drain(res.body);
    expect(headersAfter).toBeLessThan(150);
    expect(got.bytes.toString()).toBe("abcde");
    expect(got.chunks).toBeGreaterThanOrEqual(4); // bytes arrive apart, not in one piece
    expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
  });

  it("resets the connection mid-body: the client gets a socket error", async () => {
    const s = await serve({ fault: { kind: "reset", body: "x".repeat(1000), afterBytes: 100 } });
    const res = await request(s.url);
    expect(res.headers["content-length"]).toBe("1000");
    const got = await drain(res.body);
    expect(got.bytes.toString()).toBe("x".repeat(100));
    expect(codeOf(got.error)).toBe("ECONNRESET"); // an RST, unlike truncate's clean close
  });

  it("truncates: fewer bytes than the announced content-length, then the connection closes", async () => {
    const s = await serve({ fault: { kind: "truncate", body: "y".repeat(1000), afterBytes: 300 } });
    const res = await request(s.url);
    expect(res.headers["content-length"]).toBe("1000");
    const got = await drain(res.body);
    expect(got.bytes.toString()).toBe("y".repeat(300));
    expect(codeOf(got.error)).toBe("UND_ERR_SOCKET");
  });

  it("streams a huge body of exactly N bytes, with or without content-length", async () => {
    const bytes = 8 * 1024 * 1024 + 3;
    const sized = await serve({ fault: { kind: "huge", bytes, chunkBytes: 100_000 } });
    const res = await request(sized.url);
    expect(res.headers["content-length"]).toBe(String(bytes));
    let total = 0;
    let chunks = 0;
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      chunks++;
    }
    expect(total).toBe(bytes);
    expect(chunks).toBeGreaterThan(1);

    const chunked = await serve({ fault: { kind: "huge", bytes: 300_000, contentLength: false, fill: "z" } });
    const res2 = await request(chunked.url);
    expect(res2.headers["content-length"]).toBeUndefined();
    expect(res2.headers["transfer-encoding"]).toBe("chunked");
    const body = Buffer.from(await res2.body.arrayBuffer());
    expect(body.length).toBe(300_000);
    expect(body.every((b) => b === 0x7a)).toBe(true);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}
