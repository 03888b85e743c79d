import { join } from "node:path";
import { RecordReplayCache } from "@facility-sdk/http-core";
import { fixturesRoot, stageDirs, useStage } from "@facility-sdk/test-cache";
import { PpmsConnection, pumapiFormKey, type PpmsConnectionOptions } from "../../src/index.js";

/** The cache key function pyppms-ts uses (pyppms' layout). */
export const pumapiKey = (): ReturnType<typeof pumapiFormKey> => pumapiFormKey();

/** Absolute path of a PUMAPI fixture dir (`stage_0`, `mocked/<case>`, ...). */
export const pumapiFixture = (...parts: string[]): string => join(fixturesRoot, "pumapi", ...parts);

/** A fixed "now" for booking times. */
export const NOW = new Date(2030, 2, 14, 10, 17, 31);

type Extra = Omit<PpmsConnectionOptions, "baseUrl" | "url" | "cache">;

/** An offline (cache-only) connection replaying a stage (later stages fall back to earlier ones). */
export async function offlineStage(stage: number, extra: Extra = {}) {
  const fixture = useStage({ suite: "pumapi", stage, key: pumapiKey() });
  const ppms = await PpmsConnection.connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: fixture.cache, now: () => NOW, ...extra });
  return { ppms, fixture };
}

/** An offline connection replaying a mocked case, falling back to stage_0 for everything else. */
export async function offlineMocked(caseName: string, extra: Extra = {}) {
  const cache = new RecordReplayCache({
    dir: pumapiFixture("mocked", caseName),
    fallbackDirs: stageDirs("pumapi", 0),
    mode: "replay",
    key: pumapiKey(),
  });
  const ppms = await PpmsConnection.connect({ baseUrl: "https://ppms.invalid/pumapi/", cache, now: () => NOW, ...extra });
  return { ppms, cache };
}
