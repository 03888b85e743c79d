import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CACHE_MODE_ENV, CacheMissError, HttpClient, InvalidArgumentError, RecordReplayCache, Redactor, formFieldKey, resolveCache, resolveCacheMode, restKey,
  safeFileSegment,
} from "../src/index.js";
import { memoryLogger, startServer, useCleanup } from "./helpers.js";

const defer = useCleanup();
const tmp = () => mkdtemp(join(tmpdir(), "http-core-cache-"));
const key = formFieldKey({ folderField: "action", secretFields: ["apikey"] });
const url = "http://rpc.invalid/api/";
const read = { method: "POST" as const, url: "", safe: true, idempotent: true };

async function rpcServer(status = 200) {
  const s = await startServer((_q, res, body) => {
    const form = Object.fromEntries(new URLSearchParams(body));
    res.statusCode = status;
    res.end(`answer to ${form["action"]}\r\n`);
  });
  defer(s.close);
  return s;
}
function client(opts: ConstructorParameters<typeof HttpClient>[0]) {
  const c = new HttpClient(opts);
  defer(() => c.close());
  return c;
}

describe("pyppms-compatible layout", () => {
  it("names files <folder field>/<sorted k--v joined by __>.txt without the folder field or secrets", () => {
    expect(key({ method: "POST", url, form: { action: "getuser", apikey: "K", login: "jdoe" } })).toEqual({ folder: "getuser", name: "login--jdoe" });
    expect(key({ method: "POST", url, form: { apikey: "K", action: "getrunningsheet", plateformid: "4", day: "2030-03-14" } }))
      .toEqual({ folder: "getrunningsheet", name: "day--2030-03-14__plateformid--4" });
    expect(key({ method: "POST", url, form: { action: "getusers", apikey: "K" } })).toEqual({ folder: "getusers", name: "response" });
    expect(key({ method: "POST", url, form: { login: "x" } })).toBeUndefined();
  });

  it("records a read in record-missing mode (a non-200 2xx as a status line of the same file), then serves it from disk", async () => {
    const s = await rpcServer(201);
    const dir = await tmp();
    const c = client({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-missing", key }) });
    const form = { action: "getuser", apikey: "SECRET-KEY-1", login: "jdoe" };
    const first = await c.request({ ...read, form });
    expect(first.fromCache).toBe(false);
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("#facility-sdk status=201\nanswer to getuser\r\n");
    expect(await readdir(join(dir, "getuser"))).toEqual(["login--jdoe.txt"]);
    const second = await c.request({ ...read, form });
    expect(second.fromCache).toBe(true);
    expect(second.status).toBe(201);
    expect(s.seen).toHaveLength(1);
    expect(JSON.stringify(await readdir(dir, { recursive: true }))).not.toContain("SECRET-KEY-1");
  });

  it("reads pyppms' own layout: a body with a status side file, and a body without one", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getsystems"));
    await writeFile(join(dir, "getsystems", "response.txt"), "oops");
    await writeFile(join(dir, "getsystems", "response_status-code.txt"), "500\n");
    await mkdir(join(dir, "getusers"));
    await writeFile(join(dir, "getusers", "response.txt"), "jdoe\r\n");
    const cache = new RecordReplayCache({ dir, mode: "replay", key });
    expect(cache.read({ folder: "getsystems", name: "response" })).toMatchObject({ status: 500, body: "oops" });
    expect(cache.read({ folder: "getusers", name: "response" })).toMatchObject({ status: 200, body: "jdoe\r\n" });
  });

  it("record-all always fetches and overwrites", async () => {
    const s = await rpcServer();
    const dir = await tmp();
    await mkdir(join(dir, "getusers"), { recursive: true });
    await writeFile(join(dir, "getusers", "response.txt"), "stale");
    const c = client({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-all", key }) });
    const res = await c.request({ ...read, form: { action: "getusers" } });
    expect(res.fromCache).toBe(false);
    expect(await readFile(join(dir, "getusers", "response.txt"), "utf8")).toBe("answer to getusers\r\n");
  });

  it("passthrough neither reads nor writes", async () => {
    const s = await rpcServer();
    const dir = await tmp();
    const c = client({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "passthrough", key }) });
    await c.request({ ...read, form: { action: "getusers" } });
    expect(await readdir(dir)).toEqual([]);
  });

  it("replay never touches the network and a miss names the file and the nearest recording", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser"));
    await writeFile(join(dir, "getuser", "login--jdoe.txt"), "x");
    const c = client({ baseUrl: "http://127.0.0.1:9/", cache: new RecordReplayCache({ dir, mode: "replay", key }), retry: { limit: 0 } });
    const hit = await c.request({ ...read, form: { action: "getuser", login: "jdoe" } });
    expect(hit.body).toBe("x");
    const err = await c.request({ ...read, operation: "RPC getuser", form: { action: "getuser", login: "jdo", apikey: "SECRET-KEY-2" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheMissError);
    const miss = err as CacheMissError;
    expect(miss.expectedFile).toBe(join(dir, "getuser", "login--jdo.txt"));
    expect(miss.nearest?.file).toBe(join(dir, "getuser", "login--jdoe.txt"));
    expect(miss.message).toContain("login: jdo ≠ jdoe");
    expect(miss.message.startsWith("RPC getuser: ")).toBe(true);
    expect(miss.message + JSON.stringify(miss.request)).not.toContain("SECRET-KEY-2");
  });

  it("reads fallback dirs in order (stages)", async () => {
    const [s0, s1] = [await tmp(), await tmp()];
    for (const [d, v] of [[s0, "old"], [s1, "new"]] as const) {
      await mkdir(join(d, "getsysrights"));
      await writeFile(join(d, "getsysrights", "id--31.txt"), v);
    }
    await mkdir(join(s0, "getusers"));
    await writeFile(join(s0, "getusers", "response.txt"), "base");
    const cache = new RecordReplayCache({ dir: s1, fallbackDirs: [s0], mode: "replay", key });
    expect(cache.read({ folder: "getsysrights", name: "id--31" })?.body).toBe("new");
    expect(cache.read({ folder: "getusers", name: "response" })?.body).toBe("base");
    expect(cache.filesRead).toEqual([join(s1, "getsysrights", "id--31.txt"), join(s0, "getusers", "response.txt")]);
  });

  it("sees a recording added after the folder was first read (a hit depends on no listing)", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser"));
    await writeFile(join(dir, "getuser", "login--a.txt"), "a");
    const cache = new RecordReplayCache({ dir, mode: "replay", key });
    await new Promise((r) => setTimeout(r, 80)); // past any "changed just now" window a listing might trust
    expect(cache.read({ folder: "getuser", name: "login--a" })?.body).toBe("a");
    expect(cache.read({ folder: "getuser", name: "login--b" })).toBeUndefined();
    await writeFile(join(dir, "getuser", "login--b.txt"), "b");
    expect(cache.read({ folder: "getuser", name: "login--b" })?.body).toBe("b");
    await mkdir(join(dir, "getgroup"));
    await writeFile(join(dir, "getgroup", "response.txt"), "g");
    expect(cache.read({ folder: "getgroup", name: "response" })?.body).toBe("g");
  });

  it("caches only the selected folders and flushes all but kept ones", async () => {
    const s = await rpcServer();
    const dir = await tmp();
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key, onlyFolders: ["getuser"] });
    const c = client({ baseUrl: s.url, cache });
    await c.request({ ...read, form: { action: "getuser", login: "a" } });
    await c.request({ ...read, form: { action: "getusers" } });
    expect(await readdir(dir)).toEqual(["getuser"]);
    await mkdir(join(dir, "getsystems"));
    cache.flush({ keep: ["getuser"] });
    expect(await readdir(dir)).toEqual(["getuser"]);
    cache.flush();
    await expect(readdir(dir)).rejects.toThrow();
  });

  it("masks a registered secret that appears in a body before writing", async () => {
    const s = await startServer((_q, res) => res.end("your key is SECRET-KEY-3"));
    defer(s.close);
    const dir = await tmp();
    const redactor = new Redactor().addSecretValue("SECRET-KEY-3");
    const c = client({ baseUrl: s.url, redactor, cache: new RecordReplayCache({ dir, mode: "record-missing", key, redactor }) });
    await c.request({ ...read, form: { action: "auth", apikey: "SECRET-KEY-3" } });
    expect(await readFile(join(dir, "auth", "response.txt"), "utf8")).toBe("your key is ***");
  });

  it("logs (never throws) when a recording cannot be written", async () => {
    const s = await rpcServer();
    const dir = await tmp();
    await writeFile(join(dir, "getusers"), "a file where a folder should be");
    const mem = memoryLogger();
    const c = client({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-missing", key, logger: mem.logger }) });
    const res = await c.request({ ...read, form: { action: "getusers" } });
    expect(res.body).toBe("answer to getusers\r\n");
    expect(mem.lines.join()).toContain("could not record");
  });

  it("builds the cache from a directory and the SDK's key, the same way for every SDK", async () => {
    const dir = await tmp();
    expect(() => new HttpClient({ cache: dir })).toThrow(InvalidArgumentError);
    const c = client({ cache: { dir, mode: "replay" }, cacheKey: key });
    expect(c.cache?.mode).toBe("replay");
    expect(c.cache?.dir).toBe(dir);
  });
});

describe("modes are checked", () => {
  it("an unknown mode from the option or the environment throws, listing the valid ones", () => {
    const dir = "/tmp/never-written";
    for (const bad of ["Replay", "replya", "record"]) {
      const err = (() => {
        try {
          return new RecordReplayCache({ dir, key, mode: bad as never });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as Error).message).toContain("replay, record-missing, record-all, passthrough");
    }
    const saved = process.env[CACHE_MODE_ENV];
    try {
      process.env[CACHE_MODE_ENV] = "Replay";
      expect(() => resolveCacheMode()).toThrow(/FACILITY_SDK_CACHE_MODE.*unknown cache mode "Replay"/);
      process.env[CACHE_MODE_ENV] = "record-all";
      expect(resolveCacheMode()).toBe("record-all");
      expect(resolveCacheMode("passthrough")).toBe("passthrough");
    } finally {
      if (saved === undefined) delete process.env[CACHE_MODE_ENV];
      else process.env[CACHE_MODE_ENV] = saved;
    }
  });
});

describe("replay without a cache", () => {
  it("FACILITY_SDK_CACHE_MODE=replay and no cache directory is an InvalidArgumentError, not a silent network call", () => {
    const saved = process.env[CACHE_MODE_ENV];
    try {
      process.env[CACHE_MODE_ENV] = "replay";
      const err = (() => {
        try {
          resolveCache(undefined, { key, field: "options.cache" });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).field).toBe("options.cache");
      expect((err as Error).message).toContain("FACILITY_SDK_CACHE_MODE=replay");
      expect(() => resolveCache(undefined, { key })).toThrow(/^Invalid cache: FACILITY_SDK_CACHE_MODE=replay/);
      expect(resolveCache("/tmp/never-written", { key })?.mode).toBe("replay");
      // The variable is read as the cache reads it: a typo is named, not taken for "no replay".
      process.env[CACHE_MODE_ENV] = "Replay";
      expect(() => resolveCache(undefined, { key })).toThrow(/FACILITY_SDK_CACHE_MODE.*unknown cache mode "Replay"/);
      process.env[CACHE_MODE_ENV] = "record-missing";
      expect(resolveCache(undefined, { key })).toBeUndefined();
      delete process.env[CACHE_MODE_ENV];
      expect(resolveCache(undefined, { key })).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env[CACHE_MODE_ENV];
      else process.env[CACHE_MODE_ENV] = saved;
    }
  });
});

describe("safe file names and REST keys", () => {
  it("leaves ordinary values alone and neutralises escapes", async () => {
    expect(safeFileSegment("jane.doe@lab.example")).toBe("jane.doe@lab.example");
    for (const evil of ["../../etc/passwd", "..", "a/b", "a\\b", "nul\0byte", "x".repeat(500)]) {
      const s = safeFileSegment(evil);
      expect(s).not.toMatch(/[/\\\0]/);
      expect(s).not.toBe("..");
      expect(Buffer.byteLength(s)).toBeLessThan(200);
      expect(safeFileSegment(evil)).toBe(s);
    }
    expect(safeFileSegment("x".repeat(500))).not.toBe(safeFileSegment("x".repeat(501)));
    const dir = await tmp();
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key });
    const k = cache.keyFor({ method: "POST", url, form: { action: "../../../tmp/evil", login: "../../x" } });
    expect(k).toBeDefined();
    expect(cache.filePathFor(k!).startsWith(dir)).toBe(true);
    expect(() => cache.filePathFor({ folder: "..", name: "x" })).toThrow(/escapes/);
  });

  it("restKey uses method + path + sorted query without secrets, and can digest a JSON body", () => {
    const k = restKey({ secretQuery: ["token"] })({ method: "GET", url: "http://h/v0/times", query: { user: ["b", "a"], token: ["T"], end: ["2030-01-02"] } });
    expect(k).toEqual({ folder: "GET_v0_times", name: "end--2030-01-02__user--a,b" });
    const digest = restKey({ secretQuery: ["token"], bodyDigest: { at: "object", omitFields: ["password"] } });
    const a = digest({ method: "POST", url: "http://h/v0/users", json: { auth: { token: "A" }, object: { username: "u", password: "p1" } } });
    const b = digest({ method: "POST", url: "http://h/v0/users", json: { auth: { token: "B" }, object: { password: "p2", username: "u" } } });
    const c = digest({ method: "POST", url: "http://h/v0/users", json: { object: { username: "v" } } });
    expect(a?.name).toMatch(/^body--[0-9a-f]{16}$/);
    expect(a).toEqual(b);
    expect(c?.name).not.toBe(a?.name);
  });
});
