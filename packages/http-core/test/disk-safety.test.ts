import { fork, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "../../test-cache/src/loopback.js";
import { RecordReplayCache, formFieldKey } from "../src/index.js";
import { useCleanup } from "./helpers.js";

// These tests race real processes; the children load the built package (turbo builds it before
// `test`; run `pnpm --filter @facility-sdk/http-core build` first when running them by hand).
const children = new URL("./children/", import.meta.url).pathname;
beforeAll(() => {
  if (!existsSync(new URL("../dist/index.js", import.meta.url))) throw new Error("build http-core first: the child processes load dist/");
});
const defer = useCleanup();
const key = formFieldKey({ folderField: "action", secretFields: [] });

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(children, script), ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("one entry is one atomic unit", () => {
  it("two processes writing one key (200 and 500) never let a reader see a body with the other's status", async () => {
    const dir = await mkdtemp(join(tmpdir(), "race-"));
    const [, , reader] = await Promise.all([
      run("record-writer.mjs", [dir, "200", "A", "300"]),
      run("record-writer.mjs", [dir, "500", "B", "300"]),
      run("record-reader.mjs", [dir, "1500"]),
    ]);
    const { reads, mismatches } = JSON.parse(reader) as { reads: number; mismatches: number };
    expect(reads).toBeGreaterThan(0);
    expect(mismatches).toBe(0);
    const final = new RecordReplayCache({ dir, mode: "replay", key }).read({ folder: "race", name: "response" });
    expect(final?.status).toBe(final?.body.startsWith("A") ? 200 : 500);
    expect((await allFiles(dir)).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"))).toEqual([]);
  }, 30_000);
});

describe("a pyppms pair (body + status side file) raced by writers", () => {
  it("a reader that listed the side file never pairs a body with the wrong status while writers replace the entry", async () => {
    const dir = await mkdtemp(join(tmpdir(), "race-pair-"));
    await mkdir(join(dir, "race"));
    await writeFile(join(dir, "race", "response.txt"), "B".repeat(64 * 1024));
    await writeFile(join(dir, "race", "response_status-code.txt"), "500");
    const [, , reader] = await Promise.all([
      run("record-writer.mjs", [dir, "200", "A", "300"]),
      run("record-writer.mjs", [dir, "500", "B", "300"]),
      run("record-reader.mjs", [dir, "1500"]),
    ]);
    const { reads, mismatches } = JSON.parse(reader) as { reads: number; mismatches: number };
    expect(reads).toBeGreaterThan(0);
    expect(mismatches).toBe(0);
    expect((await readdir(join(dir, "race"))).sort()).toEqual(["response.txt"]);
  }, 30_000);
});

describe("a killed writer leaves no secret on disk", () => {
  it("kill -9 at any moment of recording never leaves a live token in any file, temp files included", async () => {
    const token = `LIVE-${Math.random().toString(36).slice(2)}-TOKEN-SECRET`;
    const server = await startLoopbackServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ token, user: "pat", padding: "p".repeat(20_000) }));
    });
    defer(server.close);
    const dir = await mkdtemp(join(tmpdir(), "kill-"));
    let recorded = 0;
    for (let round = 0; round < 30; round++) {
      const child = fork(join(children, "record-forever.mjs"), [dir, server.url], { stdio: "ignore" });
      await new Promise<void>((resolve) => child.once("message", () => resolve()));
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      for (const file of await allFiles(dir)) {
        const text = await readFile(file, "utf8");
        expect(text, file).not.toContain(token);
        if (file.endsWith(".txt")) recorded++;
      }
    }
    expect(recorded).toBeGreaterThan(30);
    // The next writer removes what the killed ones left half-written.
    new RecordReplayCache({ dir, mode: "record-all", key }).record({ folder: "GET_session", name: "n--0" }, 200, "{}");
    expect((await allFiles(dir)).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"))).toEqual([]);
  }, 60_000);
});

describe("stale temp files of dead writers", () => {
  it("are removed by the next writer; a live writer's temp file is kept", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stale-"));
    const folder = join(dir, "getuser");
    await mkdir(folder);
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    await writeFile(join(folder, `login--a.txt.${deadPid}.0123456789ab.tmp`), "half");
    await writeFile(join(folder, `login--b.txt.${process.pid}.0123456789ab.tmp`), "a live writer's");
    const cache = new RecordReplayCache({ dir, mode: "record-all", key });
    expect(cache.record({ folder: "getuser", name: "login--d" }, 200, "d")).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(["login--b.txt." + process.pid + ".0123456789ab.tmp", "login--d.txt"]);
  });

  it("are looked for once per folder and cache, not on every write", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stale-once-"));
    const folder = join(dir, "getuser");
    const cache = new RecordReplayCache({ dir, mode: "record-all", key });
    expect(cache.record({ folder: "getuser", name: "login--a" }, 200, "a")).toBe(true);
    const deadPid = 2 ** 22 + 12345;
    const stale = `login--x.txt.${deadPid}.0123456789ab.tmp`;
    await writeFile(join(folder, stale), "half");
    expect(cache.record({ folder: "getuser", name: "login--b" }, 200, "b")).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(["login--a.txt", "login--b.txt", stale]);
    // Another cache (another process, a later run) sweeps the folder on its first write there.
    expect(new RecordReplayCache({ dir, mode: "record-all", key }).record({ folder: "getuser", name: "login--c" }, 200, "c")).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(["login--a.txt", "login--b.txt", "login--c.txt"]);
  });
});

describe("a .lock file left by an older writer that died", () => {
  it("is ignored: the entry (a pyppms pair) still reads and is never deleted", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stale-lock-"));
    const folder = join(dir, "getuser");
    await mkdir(folder);
    const deadPid = 2 ** 22 + 12345;
    await writeFile(join(folder, "login--c.txt"), "whole");
    await writeFile(join(folder, "login--c_status-code.txt"), "500");
    await writeFile(join(folder, "login--c.lock"), String(deadPid));
    await writeFile(join(folder, "login--e.txt"), "#facility-sdk status=404\nnot here");
    await writeFile(join(folder, "login--e.lock"), String(deadPid));
    const old = new Date(Date.now() - 60_000);
    await utimes(join(folder, "login--c.lock"), old, old);
    await utimes(join(folder, "login--e.lock"), old, old);
    const cache = new RecordReplayCache({ dir, mode: "record-all", key });
    expect(cache.read({ folder: "getuser", name: "login--c" })).toMatchObject({ status: 500, body: "whole" });
    expect(cache.record({ folder: "getuser", name: "login--d" }, 200, "d")).toBe(true);
    expect(cache.read({ folder: "getuser", name: "login--c" })).toMatchObject({ status: 500, body: "whole" });
    expect(cache.read({ folder: "getuser", name: "login--e" })).toMatchObject({ status: 404, body: "not here" });
    expect((await readdir(folder)).sort()).toEqual(["login--c.lock", "login--c.txt", "login--c_status-code.txt", "login--d.txt", "login--e.lock", "login--e.txt"]);
    // Recording over the pair ignores its lock too: one file with its status line, the side file gone.
    expect(cache.record({ folder: "getuser", name: "login--c" }, 200, "new")).toBe(true);
    expect(new RecordReplayCache({ dir, mode: "replay", key }).read({ folder: "getuser", name: "login--c" })).toMatchObject({ status: 200, body: "new" });
    expect(await readFile(join(folder, "login--c.txt"), "utf8")).toBe("#facility-sdk status=200\nnew");
  });
});
