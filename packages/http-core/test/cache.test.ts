import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CacheMissError, HttpClient, RecordReplayCache, Redactor, pumapiFormKey, restKey, safeFileSegment } from "../src/index.js";
import { memoryLogger, startServer } from "./helpers.js";

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});
const tmp = () => mkdtemp(join(tmpdir(), "http-core-cache-"));
const key = pumapiFormKey({ secretFields: ["apikey"] });
const url = "http://ppms.invalid/pumapi/";

async function pumapiServer(status = 200) {
  const s = await startServer((_q, res, body) => {
    const form = Object.fromEntries(new URLSearchParams(body));
    res.statusCode = status;
    res.end(`answer to ${form["action"]}\r\n`);
  });
  cleanup.push(s.close);
  return s;
}

describe("pyppms cache layout", () => {
  it("names files <action>/<sorted k--v joined by __>.txt without action or apikey", () => {
    expect(key({ method: "POST", url, form: { action: "getuser", apikey: "K", login: "jdoe" } })).toEqual({ folder: "getuser", name: "login--jdoe" });
    expect(key({ method: "POST", url, form: { apikey: "K", action: "getrunningsheet", plateformid: "4", day: "2030-03-14" } }))
      .toEqual({ folder: "getrunningsheet", name: "day--2030-03-14__plateformid--4" });
    expect(key({ method: "POST", url, form: { action: "getusers", apikey: "K" } })).toEqual({ folder: "getusers", name: "response" });
  });

  it("records in record-missing mode, with a status side file for non-200, then serves from disk", async () => {
    const s = await pumapiServer(201);
    const dir = await tmp();
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key });
    const c = new HttpClient({ baseUrl: s.url, cache });
    cleanup.push(() => c.close());
    const form = { action: "getuser", apikey: "SECRET-KEY-1", login: "jdoe" };
    const first = await c.request({ method: "POST", url: "", form });
    expect(first.fromCache).toBe(false);
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("answer to getuser\r\n");
    expect(await readFile(join(dir, "getuser", "login--jdoe_status-code.txt"), "utf8")).toBe("201");
    const second = await c.request({ method: "POST", url: "", form });
    expect(second.fromCache).toBe(true);
    expect(second.status).toBe(201);
    expect(c.lastServedFromCache).toBe(true);
    expect(cache.lastServedFromCache).toBe(true);
    expect(s.seen).toHaveLength(1);
    const all = JSON.stringify(await readdir(dir, { recursive: true }));
    expect(all).not.toContain("SECRET-KEY-1");
  });

  it("record-all always fetches and overwrites", async () => {
    const s = await pumapiServer();
    const dir = await tmp();
    await mkdir(join(dir, "getusers"), { recursive: true });
    await writeFile(join(dir, "getusers", "response.txt"), "stale");
    const c = new HttpClient({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-all", key }) });
    cleanup.push(() => c.close());
    const res = await c.request({ method: "POST", url: "", form: { action: "getusers" } });
    expect(res.fromCache).toBe(false);
    expect(await readFile(join(dir, "getusers", "response.txt"), "utf8")).toBe("answer to getusers\r\n");
  });

  it("passthrough neither reads nor writes", async () => {
    const s = await pumapiServer();
    const dir = await tmp();
    const c = new HttpClient({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "passthrough", key }) });
    cleanup.push(() => c.close());
    await c.request({ method: "POST", url: "", form: { action: "getusers" } });
    expect(await readdir(dir)).toEqual([]);
  });

  it("replay never touches the network and a miss names the file and the nearest recording", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser"));
    await writeFile(join(dir, "getuser", "login--jdoe.txt"), "x");
    const c = new HttpClient({ baseUrl: "http://127.0.0.1:9/", cache: new RecordReplayCache({ dir, mode: "replay", key }), retry: { limit: 0 } });
    const hit = await c.request({ method: "POST", url: "", form: { action: "getuser", login: "jdoe" } });
    expect(hit.body).toBe("x");
    const err = await c.request({ method: "POST", url: "", form: { action: "getuser", login: "jdo", apikey: "SECRET-KEY-2" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheMissError);
    const miss = err as CacheMissError;
    expect(miss.expectedFile).toBe(join(dir, "getuser", "login--jdo.txt"));
    expect(miss.nearest?.file).toBe(join(dir, "getuser", "login--jdoe.txt"));
    expect(miss.message).toContain("login: jdo ≠ jdoe");
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
    expect((await cache.read({ folder: "getsysrights", name: "id--31" }))?.body).toBe("new");
    expect((await cache.read({ folder: "getusers", name: "response" }))?.body).toBe("base");
  });

  it("caches only the selected folders and flushes all but kept ones", async () => {
    const s = await pumapiServer();
    const dir = await tmp();
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key, onlyFolders: ["getuser"] });
    const c = new HttpClient({ baseUrl: s.url, cache });
    cleanup.push(() => c.close());
    await c.request({ method: "POST", url: "", form: { action: "getuser", login: "a" } });
    await c.request({ method: "POST", url: "", form: { action: "getusers" } });
    expect(await readdir(dir)).toEqual(["getuser"]);
    await mkdir(join(dir, "getsystems"));
    await cache.flush({ keep: ["getuser"] });
    expect(await readdir(dir)).toEqual(["getuser"]);
    await cache.flush();
    await expect(readdir(dir)).rejects.toThrow();
  });

  it("masks a registered secret that appears in a body before writing, and logs a warning", async () => {
    const s = await startServer((_q, res) => res.end("your key is SECRET-KEY-3"));
    cleanup.push(s.close);
    const dir = await tmp();
    const mem = memoryLogger();
    const redactor = new Redactor().addSecretValue("SECRET-KEY-3");
    const c = new HttpClient({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-missing", key, redactor, logger: mem.logger }) });
    cleanup.push(() => c.close());
    await c.request({ method: "POST", url: "", form: { action: "auth", apikey: "SECRET-KEY-3" } });
    const body = await readFile(join(dir, "auth", "response.txt"), "utf8");
    expect(body).toBe("your key is ***");
    expect(mem.lines.join()).toContain("masked");
  });

  it("logs (never throws) when a recording cannot be written", async () => {
    const s = await pumapiServer();
    const dir = await tmp();
    await writeFile(join(dir, "getusers"), "a file where a folder should be");
    const mem = memoryLogger();
    const c = new HttpClient({ baseUrl: s.url, cache: new RecordReplayCache({ dir, mode: "record-missing", key, logger: mem.logger }) });
    cleanup.push(() => c.close());
    const res = await c.request({ method: "POST", url: "", form: { action: "getusers" } });
    expect(res.body).toBe("answer to getusers\r\n");
    expect(mem.lines.join()).toContain("could not write");
  });
});

describe("safe file names", () => {
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

  it("restKey uses method + path + sorted query without the token", () => {
    const k = restKey({ secretQuery: ["token"] })({ method: "GET", url: "http://h/v0/times", query: { user: ["b", "a"], token: ["T"], end: ["2030-01-02"] } });
    expect(k).toEqual({ folder: "GET_v0_times", name: "end--2030-01-02__user--a,b" });
  });
});

describe("atomic writes", () => {
  it("two concurrent writers never leave a torn or temp file", async () => {
    const dir = await tmp();
    const a = new RecordReplayCache({ dir, mode: "record-all", key });
    const b = new RecordReplayCache({ dir, mode: "record-all", key });
    const bodyA = "A".repeat(200_000);
    const bodyB = "B".repeat(300_000);
    const k = { folder: "getusers", name: "response" };
    for (let i = 0; i < 10; i++) {
      await Promise.all([a.write(k, 200, bodyA), b.write(k, 200, bodyB)]);
      const got = await readFile(join(dir, "getusers", "response.txt"), "utf8");
      expect([bodyA, bodyB]).toContain(got);
    }
    expect((await readdir(join(dir, "getusers"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
