import { type CacheKeyFunction, restKey } from "@facility-sdk/http-core";

/**
 * The record/replay cache key for TimeSync, http-core's `restKey`: folder = method + path
 * (`GET_v0_times`), name = the sorted query without `token` (`project--web__start--2024-05-01`). A POST
 * adds `body--<hash>` of the sent `object` without `password` (bcrypt hashes are salted, so they
 * differ on every run) and without the `auth` block, so two different creates do not share a file.
 * No secret ever reaches a file name. Logins are never recorded, so they need no key.
 *
 * @returns the key function to build a `RecordReplayCache` with
 * @example
 * ```ts
 * const cache = new RecordReplayCache({ dir: "fixtures/timesync", key: timeSyncCacheKey() });
 * const client = new TimeSync({ baseUrl, cache }); // or simply cache: "fixtures/timesync"
 * ```
 */
export function timeSyncCacheKey(): CacheKeyFunction {
  return restKey({ secretQuery: ["token"], bodyDigest: { at: "object", omitFields: ["password"] } });
}
