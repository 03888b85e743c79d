import {
  closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync,
} from "node:fs";
import { join, sep } from "node:path";
import { cacheIoError, CacheIoError } from "../errors/cache.js";
import { decodeEntry, decodeEntryText, encodeEntry, EntryStoreError } from "./entry-format.js";
import { removeStaleTemps, sleepSync, tempName, writeDurable } from "./temp-files.js";

export { EntryStoreError } from "./entry-format.js";

/*
 * One directory of recordings: `<folder>/<name>.txt` is one entry, body and status in one file (see
 * entry-format.ts: a 200 is the bare body, as pyppms writes it; another status is a first line).
 * - A writer writes the whole file to a temp file (no secret is in it: callers redact before),
 *   flushes it to disk, then renames it into place. A reader opens one file, which a rename swaps
 *   whole, so it sees one write's status with that write's body, and a kill -9 leaves a temp file at
 *   worst. Each store removes the temp files of dead writers once per folder (temp-files.ts).
 * - A hit is one `readFileSync` of one file (one native call): no stat, no status file, no listing to check.
 * - pyppms' own status side files (`<name>_status-code.txt`, fixtures it wrote) are still read: each
 *   folder is listed once per store to find them, and only those entries take the slow path that
 *   pairs two files: open the body, read it and the side file, and accept the pair only when the
 *   body file is still the one opened (same inode), else read again. A body with its own status
 *   line wins over a side file. This store never writes a side file; it replaces an entry that has
 *   one by a file with a status line (even for a 200), then removes the side file, so a reader
 *   that still finds the old side file pairs nothing with it. Side files that a pyppms process adds
 *   while this store reads the folder are not seen (pyppms writes them without any atomicity of its own).
 * - A folder that is a symlink leading out of the directory is never written through.
 */

const STATUS_SUFFIX = "_status-code.txt";
/** How often a legacy pair is read again when its body file was replaced while being read. */
const PAIR_READ_ATTEMPTS = 100;

/** One entry read from disk. */
export interface StoredEntry {
  /** HTTP status (200 unless the file says otherwise). */
  status: number;
  /** The body text. */
  body: string;
  /** The body file. */
  file: string;
}

/** ENOENT, or ENOTDIR when a file stands where a folder should be: either way, no entry. */
const isAbsence = (error: unknown): boolean => ["ENOENT", "ENOTDIR"].includes((error as { code?: string }).code ?? "");

/**
 * The text of `file`, or undefined when there is none: one native call that opens, reads and
 * closes it. Node decodes it leniently (bad bytes become U+FFFD), so a text holding U+FFFD is read
 * again as bytes and decoded strictly (a rare slow path; a valid U+FFFD passes it too).
 */
// An options object made once: given the string "utf8", readFileSync copies an options object per call.
const AS_UTF8 = Object.freeze({ encoding: "utf8" as const });

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, AS_UTF8);
  } catch (error) {
    if (isAbsence(error)) return undefined;
    throw cacheIoError("read", file, error);
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (isAbsence(error)) return undefined;
    throw cacheIoError("read", file, error);
  }
}

/** Reads and writes the entries of one cache directory (see the comment at the top of this file). */
export class EntryStore {
  /** Per folder, the entries that have a pyppms status side file (listed once). */
  private readonly sideFiles = new Map<string, ReadonlySet<string>>();
  /** Folders (real paths) whose stale temp files were removed already. */
  private readonly swept = new Set<string>();

  /** @param root - the directory */
  constructor(readonly root: string) {}

  /** The entry of `folder/name` (both safe file names), or undefined when there is none. */
  read(folder: string, name: string): StoredEntry | undefined {
    // Plain concatenation: path.join costs as much as the check it would be part of.
    const dir = `${this.root}${sep}${folder}`;
    const file = `${dir}${sep}${name}.txt`;
    const withSideFile = this.sideFiles.get(folder) ?? this.listSideFiles(folder, dir);
    if (withSideFile.has(name)) return this.readPair(dir, name);
    const text = readText(file);
    if (text === undefined) return undefined;
    if (text.includes("\ufffd")) {
      const bytes = readIfPresent(file);
      return bytes === undefined ? undefined : decodeEntry(bytes, file);
    }
    return decodeEntryText(text, file);
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
   * Writes an entry as one file, renamed into place. `body` must already be redacted: it is the
   * only thing that ever reaches the disk, temp files included.
   *
   * @throws {@link CacheIoError} when the folder cannot be made or leaves the directory, a file cannot
   *   be written or renamed into place (`write`), or the pyppms side file it replaces cannot be removed (`remove`)
   */
  write(folder: string, name: string, status: number, body: string): void {
    const dir = this.folderToWrite(folder);
    if (!this.swept.has(dir)) {
      this.swept.add(dir);
      removeStaleTemps(dir);
    }
    const file = join(dir, `${name}.txt`);
    const sideFile = join(dir, `${name}${STATUS_SUFFIX}`);
    // Replacing a pyppms pair: the new file carries its status line even for a 200, so a reader that
    // still sees the old side file pairs nothing with it.
    const replacesPair = existsSync(sideFile);
    const tmp = tempName(file);
    try {
      writeDurable(tmp, encodeEntry(status, body, replacesPair));
      renameSync(tmp, file);
    } catch (error) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // a dead writer's temp file: the next store's sweep removes it
      }
      throw cacheIoError("write", file, error);
    }
    if (replacesPair) {
      try {
        rmSync(sideFile, { force: true });
      } catch (error) {
        throw cacheIoError("remove", sideFile, error);
      }
    }
  }

  /** Forgets what it listed (after the directory was changed behind the store's back). */
  forget(): void {
    this.sideFiles.clear();
    this.swept.clear();
  }

  /** Makes the folder and returns its real path, refusing one that resolves outside the directory (a symlink). */
  private folderToWrite(folder: string): string {
    const dir = join(this.root, folder);
    try {
      mkdirSync(dir, { recursive: true });
      const realRoot = realpathSync(this.root);
      const realDir = realpathSync(dir);
      if (realDir !== realRoot && !realDir.startsWith(realRoot + sep)) {
        throw new CacheIoError("write", dir, `it leads out of the cache directory (to ${realDir}); recordings are never written through a symlink that leaves it`);
      }
      // Everything below works on the real path, so swapping the link afterwards changes nothing.
      return realDir;
    } catch (error) {
      throw cacheIoError("write", dir, error);
    }
  }

  /** Lists a folder once for pyppms status side files (an absent folder has none). */
  private listSideFiles(folder: string, dir: string): ReadonlySet<string> {
    const names = new Set<string>();
    try {
      for (const n of readdirSync(dir)) if (n.endsWith(STATUS_SUFFIX)) names.add(n.slice(0, -STATUS_SUFFIX.length));
    } catch (error) {
      if (!isAbsence(error)) throw cacheIoError("list", dir, error);
    }
    this.sideFiles.set(folder, names);
    return names;
  }

  /**
   * An entry whose status may be in a pyppms side file: read the body and the side file, and accept
   * them only as a pair, the body file unchanged meanwhile (a writer renames a whole new file in).
   */
  private readPair(dir: string, name: string): StoredEntry | undefined {
    const file = join(dir, `${name}.txt`);
    const statusFile = join(dir, `${name}${STATUS_SUFFIX}`);
    for (let attempt = 1; attempt <= PAIR_READ_ATTEMPTS; attempt++) {
      if (attempt > 1) sleepSync(1);
      let fd: number;
      try {
        fd = openSync(file, "r");
      } catch (error) {
        if (isAbsence(error)) return undefined;
        throw cacheIoError("read", file, error);
      }
      try {
        const ino = fstatSync(fd).ino;
        const bytes = readFileSync(fd);
        const status = readIfPresent(statusFile)?.toString("utf8");
        // Still open, so its inode cannot have been reused by the file now at this path.
        if (statSync(file, { throwIfNoEntry: false })?.ino === ino) return decodeEntry(bytes, file, status);
      } catch (error) {
        throw error instanceof EntryStoreError ? error : cacheIoError("read", file, error);
      } finally {
        closeSync(fd);
      }
    }
    throw new CacheIoError("read", file, `it was replaced each of the ${PAIR_READ_ATTEMPTS} times it was read (writers keep recording it)`);
  }
}
