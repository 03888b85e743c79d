import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CacheIoError, FacilitySdkError, HttpClient, RecordReplayCache, ResponseDecodeError, formFieldKey } from "../src/index.js";
import { memoryLogger, useCleanup } from "./helpers.js";

const defer = useCleanup();
const tmp = () => mkdtemp(join(tmpdir(), "http-core-layout-"));
const key = formFieldKey({ folderField: "action", secretFields: ["apikey"] });
const read = { method: "POST" as const, url: "", safe: true, idempotent: true };

describe("one entry, one file", () => {
  it("writes a 200 as the bare body and any other status as a first line of the same file; both read back as written", async () => {
    const dir = await tmp();
    const cache = new RecordReplayCache({ dir, mode: "record-all", key, recordFaults: true });
    cache.record({ folder: "getuser", name: "login--a" }, 200, "a,b\r\n");
    cache.record({ folder: "getuser", name: "login--b" }, 502, "<html>Bad Gateway</html>");
    // A 200 body that looks like a status line is kept apart from one.
    cache.record({ folder: "getuser", name: "login--c" }, 200, "#facility-sdk status=500\nnot a status");
    expect((await readdir(join(dir, "getuser"))).sort()).toEqual(["login--a.txt", "login--b.txt", "login--c.txt"]);
    expect(await readFile(join(dir, "getuser", "login--a.txt"), "utf8")).toBe("a,b\r\n");
    const replay = new RecordReplayCache({ dir, mode: "replay", key });
    expect(replay.read({ folder: "getuser", name: "login--a" })).toMatchObject({ status: 200, body: "a,b\r\n" });
    expect(replay.read({ folder: "getuser", name: "login--b" })).toMatchObject({ status: 502, body: "<html>Bad Gateway</html>" });
    expect(replay.read({ folder: "getuser", name: "login--c" })).toMatchObject({ status: 200, body: "#facility-sdk status=500\nnot a status" });
  });

  it("replaces a pyppms pair (body + status side file) by one file and removes the side file", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getsystems"));
    await writeFile(join(dir, "getsystems", "response.txt"), "oops");
    await writeFile(join(dir, "getsystems", "response_status-code.txt"), "500");
    const reader = new RecordReplayCache({ dir, mode: "replay", key });
    expect(reader.read({ folder: "getsystems", name: "response" })).toMatchObject({ status: 500, body: "oops" });
    new RecordReplayCache({ dir, mode: "record-all", key }).record({ folder: "getsystems", name: "response" }, 200, "Core,1\r\n");
    expect(await readdir(join(dir, "getsystems"))).toEqual(["response.txt"]);
    // The reader listed the side file before it went: the new file's own status line wins.
    expect(reader.read({ folder: "getsystems", name: "response" })).toMatchObject({ status: 200, body: "Core,1\r\n" });
    expect(new RecordReplayCache({ dir, mode: "replay", key }).read({ folder: "getsystems", name: "response" })).toMatchObject({ status: 200, body: "Core,1\r\n" });
  });

  it("refuses a recording that is not valid UTF-8, and keeps a valid U+FFFD", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser"));
    await writeFile(join(dir, "getuser", "login--bad.txt"), Buffer.from([0x6a, 0xff, 0x6f]));
    await writeFile(join(dir, "getuser", "login--ok.txt"), "a \ufffd b");
    const replay = new RecordReplayCache({ dir, mode: "replay", key });
    expect(() => replay.read({ folder: "getuser", name: "login--bad" })).toThrow(ResponseDecodeError);
    expect(replay.read({ folder: "getuser", name: "login--ok" })?.body).toBe("a \ufffd b");
  });

  it("reads a file that starts with the status marker alike on every path: as text, as bytes (a U+FFFD), and beside a pyppms side file", async () => {
    const dir = await tmp();
    const folder = join(dir, "getuser");
    await mkdir(folder);
    // Only the marker, no status and no newline: unreadable, whichever way the file is read.
    await writeFile(join(folder, "login--bare.txt"), "#facility-sdk status=");
    await writeFile(join(folder, "login--fffd.txt"), "#facility-sdk status=\ufffd");
    await writeFile(join(folder, "login--pair.txt"), "#facility-sdk status=");
    await writeFile(join(folder, "login--pair_status-code.txt"), "500");
    // A readable status line wins over the side file; a valid U+FFFD in the body is kept.
    await writeFile(join(folder, "login--own.txt"), "#facility-sdk status=404\nnot \ufffd here");
    await writeFile(join(folder, "login--own_status-code.txt"), "500");
    const replay = new RecordReplayCache({ dir, mode: "replay", key });
    for (const name of ["login--bare", "login--fffd", "login--pair"]) {
      expect(() => replay.read({ folder: "getuser", name }), name).toThrow(/status line is unreadable/);
      expect(() => replay.read({ folder: "getuser", name }), name).toThrow(ResponseDecodeError);
    }
    expect(replay.read({ folder: "getuser", name: "login--own" })).toMatchObject({ status: 404, body: "not \ufffd here" });
  });

  it("reads large recordings whole", async () => {
    const dir = await tmp();
    const body = "x".repeat(300_000) + "é";
    new RecordReplayCache({ dir, mode: "record-all", key }).record({ folder: "getusers", name: "response" }, 200, body);
    const replay = new RecordReplayCache({ dir, mode: "replay", key });
    expect(replay.read({ folder: "getusers", name: "response" })?.body).toBe(body);
    expect(replay.read({ folder: "getusers", name: "response" })?.body).toBe(body);
  });
});

describe("file system errors are typed", () => {
  it("a directory where a recording should be is a CacheIoError naming the path and the operation", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser", "login--jdoe.txt"), { recursive: true });
    const c = new HttpClient({ baseUrl: "http://127.0.0.1:9/", cache: new RecordReplayCache({ dir, mode: "replay", key }), retry: { limit: 0 } });
    defer(() => c.close());
    const err = await c.request({ ...read, form: { action: "getuser", login: "jdoe", apikey: "SECRET-KEY-9" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheIoError);
    expect(err).toBeInstanceOf(FacilitySdkError);
    const io = err as CacheIoError;
    expect(io.fsOperation).toBe("read");
    expect(io.code).toBe("EISDIR");
    expect(io.path).toBe(join(dir, "getuser", "login--jdoe.txt"));
    expect(io.message).toContain("it is a directory");
    expect(io.message).not.toContain("SECRET-KEY-9");
  });

  it("a recording it may not read (EACCES) is a CacheIoError", async () => {
    const dir = await tmp();
    await mkdir(join(dir, "getuser"));
    await writeFile(join(dir, "getuser", "login--jdoe.txt"), "x");
    await chmod(join(dir, "getuser", "login--jdoe.txt"), 0o000);
    const probe = `
      const { RecordReplayCache, formFieldKey } = require(${JSON.stringify(join(import.meta.dirname, "..", "dist", "index.cjs"))});
      const cache = new RecordReplayCache({ dir: ${JSON.stringify(dir)}, mode: "replay", key: formFieldKey({ folderField: "action", secretFields: [] }) });
      try { cache.read({ folder: "getuser", name: "login--jdoe" }); console.log("read it"); }
      catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, op: e.fsOperation, path: e.path })); }`;
    // root reads anything: drop to an unprivileged user for the probe.
    if (process.getuid?.() === 0) await chmod(dir, 0o755);
    const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}) });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ name: "CacheIoError", code: "EACCES", op: "read", path: join(dir, "getuser", "login--jdoe.txt") });
  });

  it("a flush that may not remove the recordings is a CacheIoError", async () => {
    const parent = await tmp();
    const dir = join(parent, "recordings");
    await mkdir(join(dir, "getuser"), { recursive: true });
    await writeFile(join(dir, "getuser", "login--jdoe.txt"), "x");
    const probe = `
      const { RecordReplayCache, formFieldKey } = require(${JSON.stringify(join(import.meta.dirname, "..", "dist", "index.cjs"))});
      const cache = new RecordReplayCache({ dir: ${JSON.stringify(dir)}, mode: "record-all", key: formFieldKey({ folderField: "action", secretFields: [] }) });
      try { cache.flush(); console.log("flushed"); }
      catch (e) { console.log(JSON.stringify({ name: e.name, op: e.fsOperation, path: e.path })); }`;
    const asRoot = process.getuid?.() === 0;
    // The folders stay readable but not writable by whoever runs the probe.
    await chmod(parent, 0o555);
    await chmod(dir, 0o555);
    await chmod(join(dir, "getuser"), 0o555);
    defer(async () => {
      await chmod(parent, 0o755);
      await chmod(dir, 0o755);
      await chmod(join(dir, "getuser"), 0o755);
    });
    const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ name: "CacheIoError", op: "remove", path: dir });
  });

  it("never writes through a folder symlink that leaves the cache directory", async () => {
    const [dir, outside] = [await tmp(), await tmp()];
    await symlink(outside, join(dir, "getuser"));
    const mem = memoryLogger();
    const cache = new RecordReplayCache({ dir, mode: "record-all", key, logger: mem.logger });
    expect(cache.record({ folder: "getuser", name: "login--jdoe" }, 200, "x")).toBe(false);
    expect(await readdir(outside)).toEqual([]);
    expect(mem.lines.join()).toContain("leads out of the cache directory");
    // A symlink that stays inside the directory is an ordinary folder.
    await mkdir(join(dir, "real"));
    await symlink(join(dir, "real"), join(dir, "alias"));
    expect(cache.record({ folder: "alias", name: "response" }, 200, "y")).toBe(true);
    expect(await readFile(join(dir, "real", "response.txt"), "utf8")).toBe("y");
  });
});
