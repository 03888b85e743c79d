import { rmSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { CacheMissError, InvalidArgumentError, ResponseDecodeError, type CacheIoError, type NearestRecording } from "../errors.js";
import { createLogger, LevelLogger, type Logger } from "../logger.js";
import { Redactor } from "../redactor.js";
import { cacheIoError } from "../errors/cache.js";
import { EntryStore, EntryStoreError } from "./entry-store.js";
import { nameToPairs, type CacheableRequest, type CacheKey, type CacheKeyFunction } from "./keys.js";
import { resolveCacheMode, type CacheMode } from "./modes.js";

// A key's folder and name must be single, ordinary file names (the key builders make them so with
// safeFileSegment; this guards custom key functions), so no key reaches outside the directory.
const BAD_SEGMENT = /[/\\\0]/;
function checkKey(key: CacheKey): void {
  for (const part of [key.folder, key.name]) {
    if (typeof part !== "string" || part === "" || part === "." || part === ".." || BAD_SEGMENT.test(part)) {
      throw new InvalidArgumentError("cache key", `escapes the cache directory: ${String(key.folder)}/${String(key.name)}`);
    }
  }
}

/** An answer read from disk. */
export interface RecordedResponse {
  /** HTTP status (200 unless the recording says otherwise). */
  status: number;
  /** The body as recorded. */
  body: string;
  /** The file it came from. */
  file: string;
}

/** Options of {@link RecordReplayCache}. */
export interface RecordReplayCacheOptions {
  /** The directory recordings are read from and written to. */
  dir: string;
  /** Maps a request to its file (see {@link formFieldKey}, {@link restKey}, or the SDKs' own keys). */
  key: CacheKeyFunction;
  /** Default: `FACILITY_SDK_CACHE_MODE`, else `record-missing`; an unknown mode throws. */
  mode?: CacheMode | undefined;
  /** Cache only these folders (pyppms' "users only" mode is `["getuser"]`). */
  onlyFolders?: readonly string[] | undefined;
  /** Read-only directories searched after `dir`, in order (e.g. earlier fixture stages). */
  fallbackDirs?: readonly string[] | undefined;
  /** Masks secrets in every body before it reaches the disk. */
  redactor?: Redactor | undefined;
  /** Where write failures are reported. */
  logger?: Logger | LevelLogger | undefined;
  /**
   * Also record answers the SDK rejected (non-2xx, error texts, parse failures), to build odd-answer
   * fixtures on purpose. Off by default: a recording is a promise that the server said this and the
   * SDK accepted it. Transport failures (no answer) are never recorded.
   */
  recordFaults?: boolean | undefined;
}

/**
 * Record/replay of answers on disk, in pyppms' layout: `<dir>/<folder>/<name>.txt` holds the body
 * of a 200 answer as it is; another status is a first line of the same file
 * (`#facility-sdk status=201`), and pyppms' own `<name>_status-code.txt` side files are read too. Plug it into {@link HttpClient} with the
 * `cache` option; the client decides what may be answered from it and records only answers the SDK
 * accepted (see the rules in http-core's README).
 *
 * @example
 * ```ts
 * const cache = new RecordReplayCache({
 *   dir: "./recordings",
 *   mode: "record-missing",
 *   key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }),
 * });
 * const client = new HttpClient({ baseUrl: "https://rpc.example/api/", cache });
 * ```
 */
export class RecordReplayCache {
  /** The active mode. */
  readonly mode: CacheMode;
  /** The directory written to (absolute). */
  readonly dir: string;
  /** Whether rejected answers are recorded too (see {@link RecordReplayCacheOptions.recordFaults}). */
  readonly recordFaults: boolean;
  /** Every recorded file served so far, each once, in the order first served (test-cache uses it to check that all fixtures were used). */
  readonly filesRead: string[] = [];
  readonly #read = new Set<string>();
  private readonly keyFn: CacheKeyFunction;
  private readonly onlyFolders: ReadonlySet<string> | undefined;
  private readonly stores: EntryStore[];
  private readonly redactor: Redactor;
  private readonly log: LevelLogger;

  /** Builds a cache; nothing is read or written until a request comes. */
  constructor(options: RecordReplayCacheOptions) {
    if (typeof options.dir !== "string" || options.dir === "") throw new InvalidArgumentError("cache.dir", "must be a directory path");
    if (typeof options.key !== "function") throw new InvalidArgumentError("cache.key", "must be a key function");
    this.mode = resolveCacheMode(options.mode);
    this.dir = resolve(options.dir);
    this.keyFn = options.key;
    this.recordFaults = options.recordFaults ?? false;
    this.onlyFolders = options.onlyFolders ? new Set(options.onlyFolders) : undefined;
    this.stores = [this.dir, ...(options.fallbackDirs ?? [])].map((d) => new EntryStore(resolve(d)));
    this.redactor = options.redactor ?? new Redactor();
    this.log = options.logger instanceof LevelLogger ? options.logger : createLogger(options.logger);
  }

  /**
   * The key of a request, or undefined when it is not cached (no key, or folder not selected).
   *
   * @example
   * ```ts
   * const cache = new RecordReplayCache({ dir: "./recordings", mode: "replay", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * cache.keyFor({ method: "POST", url: "https://rpc.example/", form: { action: "getuser", login: "jdoe" } }); // { folder: "getuser", name: "login--jdoe" }
   * ```
   */
  keyFor(req: CacheableRequest): CacheKey | undefined {
    const key = this.keyFn(req);
    if (key === undefined) return undefined;
    if (this.onlyFolders && !this.onlyFolders.has(key.folder)) return undefined;
    return key;
  }

  /**
   * The file a key is written to; throws when a (custom) key would leave the directory.
   *
   * @example
   * ```ts
   * const cache = new RecordReplayCache({ dir: "./recordings", mode: "replay", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * cache.filePathFor({ folder: "getuser", name: "login--jdoe" }); // <dir>/getuser/login--jdoe.txt
   * ```
   */
  filePathFor(key: CacheKey): string {
    checkKey(key);
    return join(this.dir, key.folder, `${key.name}.txt`);
  }

  /**
   * Reads a recording from `dir`, then from the fallback dirs; undefined when none has it.
   *
   * @throws {@link ResponseDecodeError} when a recording is not valid UTF-8 or its status line is unreadable
   * @throws {@link CacheIoError} when a recording or its folder cannot be read (no permission, a
   *   directory in its place), or a pyppms pair kept being replaced while it was read
   *
   * @example
   * ```ts
   * const cache = new RecordReplayCache({ dir: "./recordings", mode: "replay", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * const hit = cache.read({ folder: "getuser", name: "login--jdoe" });
   * if (hit) console.log(hit.status, hit.body);
   * ```
   */
  read(key: CacheKey): RecordedResponse | undefined {
    checkKey(key);
    for (const store of this.stores) {
      let entry;
      try {
        entry = store.read(key.folder, key.name);
      } catch (error) {
        if (error instanceof EntryStoreError) throw new ResponseDecodeError(error.message, { attempts: 0, cause: error });
        throw error;
      }
      if (entry !== undefined) {
        if (!this.#read.has(entry.file)) {
          this.#read.add(entry.file);
          this.filesRead.push(entry.file);
        }
        return entry;
      }
    }
    return undefined;
  }

  /**
   * Records an answer: the body is redacted first, then written atomically with its status. Never
   * throws: a failure is logged, so a broken cache never breaks the caller. Nothing is written in
   * `replay` or `passthrough`.
   *
   * @returns whether it was written
   *
   * @example
   * ```ts
   * const writer = new RecordReplayCache({ dir: "./recordings", mode: "record-all", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * writer.record({ folder: "getusers", name: "response" }, 200, "jdoe\r\namueller\r\n"); // true
   * ```
   */
  record(key: CacheKey, status: number, body: string): boolean {
    if (this.mode === "replay" || this.mode === "passthrough") return false;
    try {
      this.filePathFor(key);
      const safe = this.redactor.redactText(body);
      if (safe !== body) this.log.log("debug", () => ["cache: secrets in an answer were masked before recording", { folder: key.folder, name: key.name }]);
      this.stores[0]?.write(key.folder, key.name, status, safe);
      return true;
    } catch (error) {
      this.log.log("warn", () => ["cache: could not record an answer", { folder: key.folder, name: key.name, error: String(error) }]);
      return false;
    }
  }

  /**
   * The closest recording in the same folder, for the message of a cache miss.
   *
   * @example
   * ```ts
   * const cache = new RecordReplayCache({ dir: "./recordings", mode: "replay", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * cache.nearest({ folder: "getuser", name: "login--jdo" })?.differences; // ["login: jdo ≠ jdoe"]
   * ```
   */
  nearest(key: CacheKey): NearestRecording | undefined {
    const wanted = nameToPairs(key.name);
    let best: NearestRecording | undefined;
    for (const store of this.stores) {
      for (const name of store.names(key.folder)) {
        const have = nameToPairs(name);
        const differences: string[] = [];
        for (const k of new Set([...wanted.keys(), ...have.keys()])) {
          const a = wanted.get(k);
          const b = have.get(k);
          if (a !== b) differences.push(`${k}: ${a ?? "(absent)"} ≠ ${b ?? "(absent)"}`);
        }
        if (!best || differences.length < best.differences.length) best = { file: join(store.root, key.folder, `${name}.txt`), differences };
      }
    }
    return best;
  }

  /**
   * The error for a replay miss: names the expected file and the nearest recording.
   *
   * @example
   * ```ts
   * const cache = new RecordReplayCache({ dir: "./recordings", mode: "replay", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * throw cache.missError({ folder: "getuser", name: "login--nobody" }, { operation: "RPC getuser" });
   * ```
   */
  missError(key: CacheKey, details: ConstructorParameters<typeof CacheMissError>[3] = {}): CacheMissError {
    const file = this.filePathFor(key);
    return new CacheMissError(`replay mode: no recorded answer at ${file}`, file, this.nearest(key), details);
  }

  /**
   * Removes the cache directory, or every folder except those in `keep`.
   *
   * @throws {@link CacheIoError} when something in it cannot be removed
   *
   * @example
   * ```ts
   * const local = new RecordReplayCache({ dir: "./recordings", mode: "record-missing", key: formFieldKey({ folderField: "action", secretFields: ["apikey"] }) });
   * local.flush({ keep: ["getuser"] }); // everything but the user answers
   * ```
   */
  flush(options: { keep?: readonly string[] } = {}): void {
    const keep = new Set(options.keep ?? []);
    try {
      if (keep.size === 0) rmSync(this.dir, { recursive: true, force: true });
      else {
        let entries: string[] = [];
        try {
          entries = readdirSync(this.dir);
        } catch {
          // nothing to flush
        }
        for (const e of entries) if (!keep.has(e)) rmSync(join(this.dir, e), { recursive: true, force: true });
      }
    } catch (error) {
      throw cacheIoError("remove", this.dir, error);
    } finally {
      for (const store of this.stores) store.forget();
    }
  }
}
