import { randomBytes } from "node:crypto";
import {
  closeSync, existsSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync,
} from "node:fs";
import { join, sep } from "node:path";
import { BodyDecodeFailure, decodeBody } from "../transport/decode.js";

/*
 * One directory of recordings in pyppms' layout: `<folder>/<name>.txt` is the body, and
 * `<folder>/<name>_status-code.txt` the status when it is not 200. A body and its status are one
 * unit, across processes:
 * - a writer writes both to temp files first (no secret is in them: callers redact before), then,
 *   holding `<name>.lock` (created exclusively), renames the status into place and the body last;
 * - a reader that may race a writer opens the body, reads it and then the status, and accepts the
 *   pair only when no lock is held and the body's inode did not change; else it reads again. A
 *   writer that changed the status after the body was opened has either renamed its body since
 *   (the inode differs) or still holds its lock, so a mixed pair is never accepted;
 * - hits take a fast path: each folder's listing is kept in memory with the folder's mtime, and one
 *   `stat` of the folder after reading the body proves nothing was created, renamed or removed
 *   meanwhile (a folder changed less than RACY_MS before it was listed is not trusted, since file
 *   system clocks are coarse). No failed `open` of a status file on a hit.
 * Temp files and locks of writers that died are removed by the next writer.
 */

const STATUS_SUFFIX = "_status-code.txt";
const RACY_MS = 50;
const LOCK_WAIT_MS = 5_000;
const STALE_MS = 10 * 60_000;

/** One entry read from disk. */
export interface StoredEntry {
  /** HTTP status (200 unless a status file says otherwise). */
  status: number;
  /** The body text. */
  body: string;
  /** The body file. */
  file: string;
}

/** A stored body is not valid UTF-8, or a lock could not be taken. */
export class EntryStoreError extends Error {}

interface FolderIndex {
  /** The folder, or the root while the folder does not exist. */
  watched: string;
  mtimeMs: number;
  ino: number;
  trusted: boolean;
  bodies: Set<string>;
  statuses: Set<string>;
  locked: boolean;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

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
function isStale(file: string, pid: number): boolean {
  const age = ageMs(file);
  if (age === Number.POSITIVE_INFINITY) return false;
  if (Number.isNaN(pid)) return age > 1_000; // a lock whose pid is not written yet: give it a moment
  return !isAlive(pid) || age > STALE_MS;
}

const lockPid = (lock: string): number => {
  try {
    return Number.parseInt(readFileSync(lock, "utf8"), 10);
  } catch {
    return Number.NaN;
  }
};
const tmpPid = (name: string): number => Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);

function writeDurable(file: string, text: string): void {
  const fd = openSync(file, "wx", 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const parseStatus = (text: string | undefined): number => (text === undefined ? 200 : Number.parseInt(text.trim(), 10) || 200);

function decodeFile(bytes: Buffer, file: string): string {
  try {
    return decodeBody(bytes, "utf-8");
  } catch (error) {
    if (error instanceof BodyDecodeFailure) throw new EntryStoreError(`recording ${file}: ${error.message}`);
    throw error;
  }
}

/** Reads and writes the entries of one cache directory (see the comment at the top of this file). */
export class EntryStore {
  private readonly indexes = new Map<string, FolderIndex>();

  /** @param root - the directory */
  constructor(readonly root: string) {}

  /** The entry of `folder/name` (both safe file names), or undefined when there is none. */
  read(folder: string, name: string): StoredEntry | undefined {
    // Plain concatenation: path.join costs as much as the check it would be part of.
    const dir = `${this.root}${sep}${folder}`;
    const index = this.indexes.get(folder) ?? this.list(folder);
    if (index?.trusted && !index.locked) {
      if (!index.bodies.has(name)) {
        if (this.unchanged(index)) return undefined;
      } else {
        const file = `${dir}${sep}${name}.txt`;
        const bytes = readIfPresent(file);
        const status = index.statuses.has(name) ? readIfPresent(`${dir}${sep}${name}${STATUS_SUFFIX}`)?.toString("utf8") : undefined;
        if (bytes !== undefined && this.unchanged(index)) return { status: parseStatus(status), body: decodeFile(bytes, file), file };
      }
    }
    this.indexes.delete(folder);
    return this.readRacing(dir, name);
  }

  /** Names (without `.txt`) of the entries in `folder`. */
  names(folder: string): string[] {
    try {
      return readdirSync(join(this.root, folder))
        .filter((n) => n.endsWith(".txt") && !n.endsWith(STATUS_SUFFIX))
        .map((n) => n.slice(0, -4));
    } catch {
      return [];
    }
  }

  /**
   * Writes an entry as one unit. `body` must already be redacted: it is the only thing that ever
   * reaches the disk, temp files included.
   */
  write(folder: string, name: string, status: number, body: string): void {
    const dir = join(this.root, folder);
    mkdirSync(dir, { recursive: true });
    this.removeStale(dir);
    const file = join(dir, `${name}.txt`);
    const statusFile = join(dir, `${name}${STATUS_SUFFIX}`);
    const tmp = (): string => `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    const bodyTmp = tmp();
    const statusTmp = status === 200 ? undefined : tmp();
    try {
      writeDurable(bodyTmp, body);
      if (statusTmp !== undefined) writeDurable(statusTmp, String(status));
      const lock = this.lock(join(dir, `${name}.lock`));
      try {
        // Status first, body last: a reader reads the body first and checks it last (see the top).
        if (statusTmp !== undefined) renameSync(statusTmp, statusFile);
        else rmSync(statusFile, { force: true });
        renameSync(bodyTmp, file);
      } finally {
        unlinkSync(lock);
      }
    } finally {
      rmSync(bodyTmp, { force: true });
      if (statusTmp !== undefined) rmSync(statusTmp, { force: true });
      this.indexes.delete(folder);
    }
  }

  /** Forgets the in-memory listings (after the directory was changed behind the store's back). */
  forget(): void {
    this.indexes.clear();
  }

  /** Lists a folder (or notes that it is absent, watching the root) and keeps the listing when it can be trusted. */
  private list(folder: string): FolderIndex | undefined {
    const dir = join(this.root, folder);
    // Taken before anything is read: a change made after the listing within the same coarse clock
    // tick as the folder's mtime would go unseen, so the mtime must be older than RACY_MS *then*
    // (a clock read after the readdir would trust a listing the process was descheduled during).
    const listedAt = Date.now();
    const before = statSync(dir, { throwIfNoEntry: false });
    const watched = before === undefined ? this.root : dir;
    const watchedBefore = before ?? statSync(this.root, { throwIfNoEntry: false });
    if (watchedBefore === undefined) return undefined;
    let names: string[] = [];
    if (before !== undefined) {
      try {
        names = readdirSync(dir);
      } catch {
        return undefined;
      }
    }
    const after = statSync(watched, { throwIfNoEntry: false });
    const index: FolderIndex = {
      watched,
      mtimeMs: watchedBefore.mtimeMs,
      ino: watchedBefore.ino,
      trusted: after !== undefined && after.mtimeMs === watchedBefore.mtimeMs && listedAt - watchedBefore.mtimeMs > RACY_MS,
      bodies: new Set(),
      statuses: new Set(),
      locked: false,
    };
    for (const n of names) {
      if (n.endsWith(STATUS_SUFFIX)) index.statuses.add(n.slice(0, -STATUS_SUFFIX.length));
      else if (n.endsWith(".txt")) index.bodies.add(n.slice(0, -4));
      else if (n.endsWith(".lock")) index.locked = true;
    }
    if (index.trusted) this.indexes.set(folder, index);
    return index;
  }

  /** One `stat`: true when nothing was created, renamed or removed in the watched directory since it was listed. */
  private unchanged(index: FolderIndex): boolean {
    const st = statSync(index.watched, { throwIfNoEntry: false });
    return st !== undefined && st.mtimeMs === index.mtimeMs && st.ino === index.ino;
  }

  private readRacing(dir: string, name: string): StoredEntry | undefined {
    const file = join(dir, `${name}.txt`);
    const statusFile = join(dir, `${name}${STATUS_SUFFIX}`);
    const lock = join(dir, `${name}.lock`);
    const until = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      if (existsSync(lock)) {
        // A writer that died inside its two renames may have left a mixed pair: not an answer.
        if (isStale(lock, lockPid(lock))) return undefined;
        if (Date.now() > until) throw new EntryStoreError(`recording ${file} stayed locked for ${LOCK_WAIT_MS} ms`);
        sleepSync(2);
        continue;
      }
      let fd: number;
      try {
        fd = openSync(file, "r");
      } catch (error) {
        if (isAbsence(error)) return undefined;
        throw error;
      }
      try {
        const ino = fstatSync(fd).ino;
        const bytes = readFileSync(fd);
        const status = readIfPresent(statusFile)?.toString("utf8");
        if (!existsSync(lock) && statSync(file, { throwIfNoEntry: false })?.ino === ino) {
          return { status: parseStatus(status), body: decodeFile(bytes, file), file };
        }
      } finally {
        closeSync(fd);
      }
    }
  }

  /** Takes `<name>.lock`, born with the writer's pid in it (linked from a temp file: no empty lock is ever seen). */
  private lock(lock: string): string {
    const until = Date.now() + LOCK_WAIT_MS;
    const tmp = `${lock}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
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

  /** Removes temp files and locks left by writers that died (a stale lock takes its possibly mixed entry along). */
  private removeStale(dir: string): void {
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
        rmSync(join(dir, `${base}${STATUS_SUFFIX}`), { force: true });
        rmSync(path, { force: true });
      }
    }
  }
}

/** ENOENT, or ENOTDIR when a file stands where a folder should be: either way, no entry. */
const isAbsence = (error: unknown): boolean => ["ENOENT", "ENOTDIR"].includes((error as { code?: string }).code ?? "");

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (isAbsence(error)) return undefined;
    throw error;
  }
}
