import { TimeSyncValidationError } from "../errors.js";

// pymesync's grammar, kept exactly: hours 0-23 and minutes 0-59, both parts required, no spaces.
const DURATION_RE = /^(2[0-3]|[01]?\d)h([0-5]?\d)m$/i;

/**
 * Converts a duration to seconds. Integers are seconds (must be ≥ 0); strings follow pymesync's
 * `HhMm` grammar (`3h30m` → 12600, `0h0m` → 0, `23h59m` → 86340, case-insensitive); `24h0m`,
 * `1h60m`, `3h`, `30m` and `3h 30m` are rejected.
 *
 * @param value - seconds, or an `HhMm` string
 * @param field - field name used in the error (default `duration`)
 * @returns the duration in seconds
 * @throws {@link TimeSyncValidationError} for anything else
 *
 * @example
 * ```ts
 * parseDuration("3h30m"); // 12600
 * parseDuration(900);     // 900
 * ```
 */
export function parseDuration(value: number | string, field = "duration"): number {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TimeSyncValidationError(field, `expected a non-negative integer number of seconds, got ${value}`);
    }
    return value;
  }
  if (typeof value === "string") {
    const match = DURATION_RE.exec(value);
    if (match === null) {
      throw new TimeSyncValidationError(field, `expected seconds or a duration like "3h30m" (0h0m to 23h59m), got ${JSON.stringify(value)}`);
    }
    return Number(match[1]) * 3600 + Number(match[2]) * 60;
  }
  throw new TimeSyncValidationError(field, `expected a number of seconds or an "HhMm" string, got ${typeof value}`);
}

/**
 * Formats seconds for display as `HhMm`, adding `Ss` when there are leftover seconds
 * (`12600` → `3h30m`, `90` → `0h1m30s`, `90000` → `25h0m`). Not limited to 24 hours.
 *
 * @param seconds - a non-negative integer
 * @throws {@link TimeSyncValidationError} for negative or fractional input
 *
 * @example
 * ```ts
 * formatDuration(12600); // "3h30m"
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TimeSyncValidationError("seconds", `expected a non-negative integer, got ${seconds}`);
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}h${m}m${s > 0 ? `${s}s` : ""}`;
}
