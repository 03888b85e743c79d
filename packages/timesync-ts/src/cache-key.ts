import { createHash } from "node:crypto";
import { type CacheKeyFunction, restKey } from "@facility-sdk/http-core";

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The record/replay cache key for TimeSync: http-core's `restKey` layout (folder = method + path,
 * name = sorted query without `token`), extended for POSTs so that two different creates do not share
 * a file: their name gets `body--<hash>` of the sent `object` without `password` (bcrypt hashes are
 * salted, so they differ on every run) and without the `auth` block. A login is named after the
 * username only. No secret ever reaches a file name.
 *
 * @example
 * ```ts
 * const cache = new RecordReplayCache({ dir: "fixtures/timesync", key: timeSyncCacheKey() });
 * const ts = new TimeSync({ baseUrl, cache });
 * ```
 */
export function timeSyncCacheKey(): CacheKeyFunction {
  const base = restKey({ secretQuery: ["token"] });
  return (req) => {
    const key = base(req);
    if (key === undefined || req.method.toUpperCase() !== "POST" || req.json === undefined) return key;
    const body = (req.json ?? {}) as Record<string, unknown>;
    let suffix: string;
    if (new URL(req.url).pathname.endsWith("/login")) {
      const auth = (body["auth"] ?? {}) as Record<string, unknown>;
      const username = typeof auth["username"] === "string" ? auth["username"] : "unknown";
      suffix = `username--${username.replace(/[^A-Za-z0-9_@-]/g, "_")}`;
    } else {
      const object = { ...((body["object"] ?? {}) as Record<string, unknown>) };
      delete object["password"];
      suffix = `body--${createHash("sha256").update(stableJson(object)).digest("hex").slice(0, 16)}`;
    }
    return { folder: key.folder, name: key.name === "response" ? suffix : `${key.name}__${suffix}` };
  };
}
