import { TimeSyncValidationError } from "../errors.js";

// pymesync takes every `get_times` filter as a list (`{"start": ["2025-03-01"], "user": ["pat"]}`).
// A one-element list for a single-valued filter is unambiguous and accepted; anything else a pymesync
// user is likely to write is refused with both forms named, instead of a bare "Invalid input".

const SINGLE_VALUED = ["start", "end"] as const;
const LISTS = ["user", "project", "activity"] as const;

/**
 * `filter` with one-element `start`/`end` lists unwrapped (a new object; the caller's is not touched).
 * Throws a {@link TimeSyncValidationError} naming the pymesync and the timesync-ts form for a longer
 * list, a bare string where a list is expected, or pymesync's `uuid` filter.
 */
export function acceptPymesyncTimeFilter(filter: unknown): unknown {
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) return filter;
  const f = filter as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of SINGLE_VALUED) {
    const value = f[key];
    if (!Array.isArray(value)) continue;
    if (value.length !== 1) {
      throw new TimeSyncValidationError(`filter.${key}`, `expected one day, got a list of ${value.length}`, {
        hint: `pymesync's form ${key}: ["2025-03-01"] is accepted with one element; the TypeScript form is ${key}: "2025-03-01" (or a Date)`,
      });
    }
    out ??= { ...f };
    out[key] = value[0];
  }
  for (const key of LISTS) {
    if (typeof f[key] === "string") {
      throw new TimeSyncValidationError(`filter.${key}`, "expected a list, got a string", {
        hint: `write ${key}: [${JSON.stringify(f[key])}] (pymesync's form too); several values are ORed`,
      });
    }
  }
  if ("uuid" in f) {
    throw new TimeSyncValidationError("filter.uuid", "unknown field", {
      hint: "pymesync's get_times({uuid}) is getTime(uuid, { includeRevisions, includeDeleted }) here",
    });
  }
  return out ?? filter;
}
