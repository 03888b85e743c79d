import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClientClosedError, HttpClient, InvalidArgumentError } from "../src/index.js";
import { startServer, useCleanup } from "./helpers.js";

const defer = useCleanup();
const PROXY_ENV = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];
const saved = Object.fromEntries(PROXY_ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of PROXY_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
function setProxyEnv(env: Record<string, string>): void {
  for (const k of PROXY_ENV) delete process.env[k];
  Object.assign(process.env, env);
}

/** A plain HTTP forward proxy on 127.0.0.1: it relays absolute-form requests and notes each one. */
async function startForwardProxy() {
  const proxy = await startServer((req, res) => {
    const target = new URL(req.url);
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
    delete headers["proxy-connection"];
    const out = httpRequest(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, via: "1.1 test-proxy" });
      answer.pipe(res);
    });
    out.on("error", () => res.writeHead(502).end());
    out.end(req.raw);
  });
  defer(proxy.close);
  return proxy;
}

async function startTarget() {
  const target = await startServer((_q, res) => res.end("hello"));
  defer(target.close);
  return target;
}

function client(opts: ConstructorParameters<typeof HttpClient>[0]) {
  const c = new HttpClient(opts);
  defer(() => c.close());
  return c;
}

describe("HTTP_PROXY / NO_PROXY", () => {
  it("sends through the proxy HTTP_PROXY names", async () => {
    const [proxy, target] = [await startForwardProxy(), await startTarget()];
    setProxyEnv({ HTTP_PROXY: proxy.url });
    const res = await client({ baseUrl: target.url }).request({ method: "GET", url: "hello?x=1" });
    expect(res.body).toBe("hello");
    expect(res.headers["via"]).toBe("1.1 test-proxy");
    expect(proxy.seen.map((r) => r.url)).toEqual([`${target.url}hello?x=1`]);
    expect(target.seen).toHaveLength(1);
  });

  it("goes direct to a host NO_PROXY lists, and when proxyFromEnv is false", async () => {
    const [proxy, target] = [await startForwardProxy(), await startTarget()];
    setProxyEnv({ http_proxy: proxy.url, NO_PROXY: "127.0.0.1" });
    expect((await client({ baseUrl: target.url }).request({ method: "GET", url: "a" })).body).toBe("hello");
    setProxyEnv({ HTTP_PROXY: proxy.url });
    expect((await client({ baseUrl: target.url, proxyFromEnv: false }).request({ method: "GET", url: "b" })).body).toBe("hello");
    expect(proxy.seen).toHaveLength(0);
    expect(target.seen.map((r) => r.url)).toEqual(["/a", "/b"]);
    expect(() => new HttpClient({ proxyFromEnv: "no" as never })).toThrow(InvalidArgumentError);
  });

  it("still loads undici only on the first request, proxy or not", () => {
    const dist = join(import.meta.dirname, "..", "dist", "index.cjs");
    const probe = `
      const { HttpClient } = require(${JSON.stringify(dist)});
      new HttpClient({ baseUrl: "http://127.0.0.1:9/" });
      console.log(Object.keys(require.cache).some((k) => k.includes("undici")));`;
    const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", env: { ...process.env, HTTP_PROXY: "http://127.0.0.1:9" } });
    expect(run.stdout.trim()).toBe("false");
  });
});

describe("a closed client", () => {
  it("says so with a typed error before any attempt", async () => {
    const target = await startTarget();
    const c = new HttpClient({ baseUrl: target.url });
    await c.request({ method: "GET", url: "first" });
    await c.close();
    const err = await c.request({ method: "GET", url: "second", operation: "demo" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientClosedError);
    expect((err as ClientClosedError).message).toBe("demo: the client was closed; create a new one (GET " + target.url + "second)");
    expect((err as ClientClosedError).attempts).toBe(0);
    expect(target.seen).toHaveLength(1);
  });
});
