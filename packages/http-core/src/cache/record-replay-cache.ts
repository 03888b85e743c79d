import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { NearestRecording } from "../errors.js";
import { createLogger, type LevelLogger, type Logger } from "../logger.js";
import { Redactor } from "../redactor.js";
import { nameToPairs, type CacheableRequest, type CacheKey, type CacheKeyFunction } from "./keys.js";

/**
 * - `replay`: answer only from disk; a miss is a {@link CacheMissError}; never touches the network.
 * - `record-missing`: answer from disk when recorded, else fetch and record.
 * - `record-all`: always fetch and overwrite the recording.
 * - `passthrough`: the cache is off.
 */
export type CacheMode = "replay" | "record-missing" | "record-all" | "passthrough";

/** The environment variable that picks the cache mode when no option does. */
export const CACHE_MODE_ENV = "FACILITY_SDK_CACHE_MODE";

const MODES: readonly CacheMode[] = ["replay", "record-missing", "record-all", "passthrough"];

/** A response read from disk. */
export interface RecordedResponse {
  /** HTTP status (200 unless a status side file says otherwise). */
  status: number;
  /** The body exactly as recorded. */
  body: string;
  /** The file it came from. */
  file: string;
}

/** Options of {@link RecordReplayCache}. */
export interface RecordReplayCacheOptions {
  /** The directory recordings are read from and written to. */
  dir: string;
  /** Default: `FACILITY_SDK_CACHE_MODE`, else `record-missing`. */
  mode?: CacheMode;
  /** Maps a request to its file (see {@link pumapiFormKey}, {@link restKey}). */
  key: CacheKeyFunction;
  /** Cache only these folders (pyppms' "users only" mode is `["getuser"]`). */
  onlyFolders?: readonly string[];
  /** Write `<name>_status-code.txt` beside answers whose status is not 200 (default true). */
  storeStatus?: boolean;
  /** Read-only directories searched after `dir`, in order (e.g. earlier fixture stages). */
  fallbackDirs?: readonly string[];
  /** Masks registered secret values that would otherwise reach a file. */
  redactor?: Redactor;
  /** Where write failures and masked secrets are reported. */
  logger?: Logger | LevelLogger;
}

/**
 * Record/replay of responses on disk, in pyppms' layout: `<dir>/<folder>/<name>.txt` holding the
 * body exactly as received, and `<name>_status-code.txt` holding a non-200 status. Plug it into
 * {@link HttpClient} with the `cache` option.
 *
 * @example
 * ```ts
 * const cache = new RecordReplayCache({ dir: "./ppms-cache", mode: "record-missing", key: pumapiFormKey() });
 * const client = new HttpClient({ baseUrl, cache });
 * ```
 */
export class RecordReplayCache {
  /** The active mode. */
  readonly mode: CacheMode;
  /** The directory written to (absolute). */
  readonly dir: string;
  /** Every recorded file served so far, in order (test-cache uses it to check that all fixtures were used). */
  readonly filesRead: string[] = [];
  private readonly keyFn: CacheKeyFunction;
  private readonly onlyFolders: ReadonlySet<string> | undefined;
  private readonly storeStatus: boolean;
  private readonly readDirs: readonly string[];
  private readonly redactor: Redactor;
  private readonly log: LevelLogger;
  private served = false;

  /** Builds a cache; nothing is read or written until a request comes. */
  constructor(options: RecordReplayCacheOptions) {
    const envMode = process.env[CACHE_MODE_ENV] as CacheMode | undefined;
    const mode = options.mode ?? (envMode && MODES.includes(envMode) ? envMode : "record-missing");
    if (!MODES.includes(mode)) throw new TypeError(`RecordReplayCache: unknown mode "${String(mode)}"`);
    this.mode = mode;
    this.dir = resolve(options.dir);
    this.keyFn = options.key;
    this.onlyFolders = options.onlyFolders ? new Set(options.onlyFolders) : undefined;
    this.storeStatus = options.storeStatus ?? true;
    this.readDirs = [this.dir, ...(options.fallbackDirs ?? []).map((d) => resolve(d))];
    this.redactor = options.redactor ?? new Redactor();
    this.log = options.logger && "log" in options.logger ? options.logger : createLogger(options.logger as Logger | undefined);
  }

  /** Whether the last answer handed out by the client through this cache came from disk. */
  get lastServedFromCache(): boolean {
    return this.served;
  }

  /** @internal Set by the client after each request. */
  markServed(fromCache: boolean): void {
    this.served = fromCache;
  }

  /** The key of a request, or undefined when it is not cached (no key, or folder not selected). */
  keyFor(req: CacheableRequest): CacheKey | undefined {
    const key = this.keyFn(req);
    if (key === undefined) return undefined;
    if (this.onlyFolders && !this.onlyFolders.has(key.folder)) return undefined;
    return key;
  }

  /** The file a key is written to. */
  filePathFor(key: CacheKey): string {
    const file = join(this.dir, key.folder, `${key.name}.txt`);
    // Key functions sanitise their segments; this guards custom ones.
    if (!resolve(file).startsWith(this.dir + sep)) throw new TypeError(`cache key escapes the cache directory: ${key.folder}/${key.name}`);
    return file;
  }

  /** Reads a recording from `dir`, then the fallback dirs; undefined when none has it. */
  async read(key: CacheKey): Promise<RecordedResponse | undefined> {
    for (const dir of this.readDirs) {
      const base = join(dir, key.folder, key.name);
      let body: string;
      try {
        body = await readFile(`${base}.txt`, "utf8");
      } catch {
        continue;
      }
      let status = 200;
      try {
        status = Number.parseInt((await readFile(`${base}_status-code.txt`, "utf8")).trim(), 10) || 200;
      } catch {
        // no side file: 200, as pyppms assumes
      }
      this.filesRead.push(`${base}.txt`);
      return { status, body, file: `${base}.txt` };
    }
    return undefined;
  }

  /**
   * Writes a recording atomically (temp file + rename). Never throws: a failure is logged, so a
   * broken cache never breaks the caller's request. Registered secret values are masked.
   */
  async write(key: CacheKey, status: number, body: string): Promise<void> {
    try {
      const file = this.filePathFor(key);
      const safeBody = this.redactor.redactText(body);
      if (safeBody !== body) this.log.log("warn", () => ["cache: a secret value in a response body was masked before writing", { file }]);
      await mkdir(join(this.dir, key.folder), { recursive: true });
      await atomicWrite(file, safeBody);
      const statusFile = join(this.dir, key.folder, `${key.name}_status-code.txt`);
      if (this.storeStatus && status !== 200) await atomicWrite(statusFile, String(status));
      else await unlink(statusFile).catch(() => undefined);
    } catch (error) {
      this.log.log("warn", () => ["cache: could not write a recording", { folder: key.folder, name: key.name, error: String(error) }]);
    }
  }

  /** The closest recording in the same folder, for the message of a cache miss. */
  async nearest(key: CacheKey): Promise<NearestRecording | undefined> {
    const wanted = nameToPairs(key.name);
    let best: { file: string; differences: string[] } | undefined;
    for (const dir of this.readDirs) {
      let names: string[];
      try {
        names = await readdir(join(dir, key.folder));
      } catch {
        continue;
      }
      for (const n of names) {
        if (!n.endsWith(".txt") || n.endsWith("_status-code.txt")) continue;
        const have = nameToPairs(n.slice(0, -4));
        const differences: string[] = [];
        for (const k of new Set([...wanted.keys(), ...have.keys()])) {
          const a = wanted.get(k);
          const b = have.get(k);
          if (a !== b) differences.push(`${k}: ${a ?? "(absent)"} ≠ ${b ?? "(absent)"}`);
        }
        if (!best || differences.length < best.differences.length) best = { file: join(dir, key.folder, n), differences };
      }
    }
    return best;
  }

  /** Removes the cache directory, or every folder except those in `keep`. */
  async flush(options: { keep?: readonly string[] } = {}): Promise<void> {
    const keep = new Set(options.keep ?? []);
    if (keep.size === 0) {
      await rm(this.dir, { recursive: true, force: true });
      return;
    }
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch {
      return;
    }
    await Promise.all(entries.filter((e) => !keep.has(e)).map((e) => rm(join(this.dir, e), { recursive: true, force: true })));
  }
}

async function atomicWrite(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, content, "utf8");
    await rename(tmp, file);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
