import { CacheMissError, InvalidArgumentError, type HttpCoreErrorDetails } from "../errors.js";
import type { CacheableRequest, CacheKey } from "./keys.js";
import type { CachePolicy } from "./modes.js";
import type { RecordedResponse, RecordReplayCache } from "./record-replay-cache.js";

/** How a request meets the cache. */
export interface CachePlan {
  /** The recorded answer, when the cache answers. */
  hit?: RecordedResponse;
  /** The key to record the answer under, once the SDK accepted it (undefined: record nothing). */
  recordAs?: CacheKey;
}

/** The request's traits the rules look at. */
export interface CacheTraits {
  /** Read-only: may be answered from the cache outside `replay`. */
  safe: boolean;
  /** A login (credentials in, a secret out): never recorded, never replayed. */
  authentication: boolean;
  /** The per-call policy. */
  policy: CachePolicy;
  /** Builds the context of an error (request, operation, redactor) for the request planned; called only on an error. */
  details: (req: CacheableRequest) => HttpCoreErrorDetails;
}

const NOTHING: CachePlan = {};

/**
 * The record/replay rules, in one place (http-core's README states them):
 * - `replay` answers everything from disk, writes included, and never touches the network; a miss
 *   is a `CacheMissError` naming the nearest recording.
 * - Outside `replay`, only safe calls (reads) may be answered from disk, in `record-missing` with the
 *   `default` policy; writes, deletes and logins always reach the server.
 * - Answers are recorded under their key after the SDK accepted them (the client calls
 *   `cache.record` then), in `record-missing` and `record-all`.
 * - Logins are never recorded nor replayed: a recording cannot check a password without keeping
 *   something derived from it on disk, and a replayed login would accept any password.
 */
export function planCache(cache: RecordReplayCache, req: CacheableRequest, traits: CacheTraits): CachePlan {
  const { mode } = cache;
  if (mode === "passthrough") return NOTHING;
  const replay = mode === "replay";
  if (traits.authentication) {
    if (!replay) return NOTHING;
    throw new CacheMissError(
      "replay mode: logins are never recorded or replayed (a recording cannot check a password without keeping a hash of it); give the client a token instead",
      "",
      undefined,
      traits.details(req),
    );
  }
  if (traits.policy === "bypass") {
    if (!replay) return NOTHING;
    throw new InvalidArgumentError("cache policy", '"bypass" needs the network, which replay mode turns off', traits.details(req));
  }
  const key = cache.keyFor(req);
  if (key === undefined) {
    if (!replay) return NOTHING;
    throw new CacheMissError("replay mode: this request has no cache key and the network is off", "", undefined, traits.details(req));
  }
  if (replay) {
    const hit = cache.read(key);
    if (hit !== undefined) return { hit };
    throw cache.missError(key, traits.details(req));
  }
  if (mode === "record-missing" && traits.safe && traits.policy === "default") {
    const hit = cache.read(key);
    if (hit !== undefined) return { hit };
  }
  return { recordAs: key };
}
