import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";

/*
 * The temp files of one cache directory's writers, across processes. A writer writes an entry to a
 * temp file named after its pid, then renames it into place; a writer killed in between leaves the
 * temp file behind (secret-free: bodies are redacted before they are written). A store removes the
 * temp files of dead writers (or very old ones) once per folder; a live writer's are left alone.
 */

/** Age after which a temp file is stale even when its pid is alive (a reused pid). */
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

/** A temp file whose writer is gone (dead pid, or very old); false when the file is already gone. */
function isStale(file: string, pid: number): boolean {
  const st = statSync(file, { throwIfNoEntry: false });
  if (st === undefined) return false;
  return !isAlive(pid) || Date.now() - st.mtimeMs > STALE_MS;
}

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

/**
 * Removes the temp files that writers which died left in `dir`. Housekeeping only, so best effort:
 * a temp file that cannot be removed (or a folder that cannot be listed) is left as it is, and no
 * reader ever looks at one.
 */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.endsWith(".tmp")) continue;
    const path = join(dir, n);
    try {
      if (isStale(path, tmpPid(n))) rmSync(path, { force: true });
    } catch {
      // left for a later sweep
    }
  }
}
