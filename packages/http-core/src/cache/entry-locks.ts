import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { EntryStoreError } from "./entry-format.js";

/*
 * Writers of one cache directory, across processes: temp files named after their writer's pid, and
 * `<name>.lock` files (born with the pid in them) held while an entry is renamed into place (what
 * pyppms-layout readers of a body with a status side file wait for). Whatever a writer that died
 * left behind is removed by the next writer.
 */

/** How long a writer waits for a lock, and a legacy reader for a writer. */
export const LOCK_WAIT_MS = 5_000;
const STALE_MS = 10 * 60_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (the store is synchronous). */
export const sleepSync = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

function ageMs(file: string): number {
  const st = statSync(file, { throwIfNoEntry: false });
  return st === undefined ? Number.POSITIVE_INFINITY : Date.now() - st.mtimeMs;
}

/** A lock or temp file whose writer is gone (dead pid, or very old). */
export function isStale(file: string, pid: number): boolean {
  const age = ageMs(file);
  if (age === Number.POSITIVE_INFINITY) return false;
  if (Number.isNaN(pid)) return age > 1_000; // a lock whose pid is not written yet: give it a moment
  return !isAlive(pid) || age > STALE_MS;
}

/** The pid written in a lock, NaN when unreadable. */
export const lockPid = (lock: string): number => {
  try {
    return Number.parseInt(readFileSync(lock, "utf8"), 10);
  } catch {
    return Number.NaN;
  }
};
const tmpPid = (name: string): number => Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);

/** A temp file name beside `file`, carrying this process's pid (so a dead writer's can be told apart). */
export const tempName = (file: string): string => `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;

/** Creates `file` (it must not exist) with `text`, flushed to disk before it is closed. */
export function writeDurable(file: string, text: string): void {
  const fd = openSync(file, "wx", 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Takes `lock`, born with the writer's pid in it (linked from a temp file: no empty lock is ever seen). */
export function takeLock(lock: string): string {
  const until = Date.now() + LOCK_WAIT_MS;
  const tmp = tempName(lock);
  writeDurable(tmp, String(process.pid));
  try {
    for (;;) {
      try {
        linkSync(tmp, lock);
        return lock;
      } catch (error) {
        if ((error as { code?: string }).code !== "EEXIST") throw error;
      }
      if (isStale(lock, lockPid(lock))) rmSync(lock, { force: true });
      else if (Date.now() > until) throw new EntryStoreError(`could not lock ${lock} within ${LOCK_WAIT_MS} ms`);
      else sleepSync(2);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Removes temp files and locks left by writers that died. A stale lock takes its entry along: its
 * writer died while replacing a body that had a status side file, so the pair may be mixed.
 */
export function removeStale(dir: string, statusSuffix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const path = join(dir, n);
    if (n.endsWith(".tmp") && isStale(path, tmpPid(n))) rmSync(path, { force: true });
    if (n.endsWith(".lock") && isStale(path, lockPid(path))) {
      const base = n.slice(0, -".lock".length);
      rmSync(join(dir, `${base}.txt`), { force: true });
      rmSync(join(dir, `${base}${statusSuffix}`), { force: true });
      rmSync(path, { force: true });
    }
  }
}
