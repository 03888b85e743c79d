import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RecordReplayCache, type CacheKeyFunction, type Redactor } from "@facility-sdk/http-core";

/**
 * Absolute path of the fixtures shipped with this package (`fixtures/<api>/stage_N`).
 * Works from the ESM and the CJS build alike (both live in `dist/`).
 */
export const fixturesRoot: string = join(
  typeof __dirname === "string" ? __dirname : fileURLToPath(new URL(".", import.meta.url)),
  "..",
  "fixtures",
);

/**
 * The directories of stage `stage` of a fixture suite, newest first: a later stage holds only what
 * changed, so lookups fall back to earlier stages. Missing stages are skipped.
 *
 * @param suite - a suite under {@link fixturesRoot} (`"pumapi"`, `"timesync"`) or an absolute directory holding `stage_N` folders.
 * @example
 * ```ts
 * stageDirs("pumapi", 2); // [".../pumapi/stage_2", ".../pumapi/stage_1", ".../pumapi/stage_0"]
 * ```
 */
export function stageDirs(suite: string, stage: number): string[] {
  if (!Number.isInteger(stage) || stage < 0) throw new RangeError(`stageDirs: stage must be a whole number ≥ 0, got ${stage}`);
  const base = isAbsolute(suite) ? suite : join(fixturesRoot, suite);
  const dirs: string[] = [];
  for (let n = stage; n >= 0; n--) {
    const dir = join(base, `stage_${n}`);
    if (existsSync(dir)) dirs.push(dir);
  }
  if (dirs.length === 0) throw new Error(`stageDirs: no stage_0..stage_${stage} under ${base}`);
  return dirs;
}

/** Options of {@link useStage}. */
export interface UseStageOptions {
  /** A suite name (`"pumapi"`), an absolute suite directory, or — with `stage` omitted — one plain cache directory. */
  suite: string;
  /** The stage number; omit to use `suite` itself as the only directory (e.g. a mocked-case dir). */
  stage?: number;
  /** The SDK's key function. */
  key: CacheKeyFunction;
  /** The SDK's redactor (optional). */
  redactor?: Redactor;
}

/** A stage in use by a test. */
export interface StageInUse {
  /** A replay-mode cache reading the stage (and its fallbacks); never touches the network. */
  cache: RecordReplayCache;
  /** The directories searched, newest first. */
  dirs: string[];
  /** Fixture files read so far. */
  used(): string[];
  /** Throws unless every one of `files` (absolute, or relative to the newest stage dir) was read. */
  assertAllUsed(files: readonly string[]): void;
}

/**
 * Points a client at a fixture stage in replay mode.
 *
 * @example
 * ```ts
 * import { PpmsConnection, pumapiFormKey } from "pyppms-ts";
 *
 * const stage = useStage({ suite: "pumapi", stage: 1, key: pumapiFormKey() });
 * const ppms = await PpmsConnection.connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: stage.cache });
 * ```
 */
export function useStage(options: UseStageOptions): StageInUse {
  const dirs = options.stage === undefined ? [options.suite] : stageDirs(options.suite, options.stage);
  const [dir, ...fallbackDirs] = dirs as [string, ...string[]];
  const cache = new RecordReplayCache({
    dir,
    fallbackDirs,
    mode: "replay",
    key: options.key,
    ...(options.redactor ? { redactor: options.redactor } : {}),
  });
  return {
    cache,
    dirs,
    used: () => [...new Set(cache.filesRead)],
    assertAllUsed(files) {
      const read = new Set(cache.filesRead);
      const missing = files.map((f) => (isAbsolute(f) ? f : join(dir, f))).filter((f) => !read.has(f));
      if (missing.length > 0) throw new Error(`fixtures not used by the test: ${missing.join(", ")}`);
    },
  };
}

/**
 * The live server to record fixtures from: `{ url, key }` when both environment variables are set,
 * else undefined. Always undefined in CI (`CI` set), so CI never touches a live server.
 *
 * @example
 * ```ts
 * const live = liveRecordingTarget("PUMAPI_URL", "PPMS_API_KEY");
 * if (live) {
 *   const ppms = await PpmsConnection.connect({ baseUrl: live.url, apiKey: live.key, cache: { dir: "./fixtures", mode: "record-missing" } });
 *   await ppms.getUsers();
 * }
 * ```
 */
export function liveRecordingTarget(urlEnv: string, keyEnv: string): { url: string; key: string } | undefined {
  if (process.env["CI"]) return undefined;
  const url = process.env[urlEnv];
  const key = process.env[keyEnv];
  return url && key ? { url, key } : undefined;
}
