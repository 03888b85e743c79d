import { ResponseFormatError } from "../errors/format.js";

/** Options of {@link timeRelToAbs}. */
export interface TimeRelToAbsOptions {
  /** The moment the minutes count from (default: now). */
  now?: Date;
}

/**
 * Turns PUMAPI's "minutes from now" (the second line of `getbooking`/`nextbooking`) into a
 * `Date`: now, rounded down to the minute, plus the minutes (pyppms' `time_rel_to_abs`).
 *
 * @param minutesFromNow - whole minutes (a numeric string is accepted too)
 * @param options - the reference moment, for tests and replays
 * @returns the absolute local time
 * @example
 * ```ts
 * timeRelToAbs(90, { now: new Date(2030, 2, 14, 8, 0, 42) }); // 2030-03-14 09:30:00 local time
 * ```
 */
export function timeRelToAbs(minutesFromNow: number | string, options: TimeRelToAbsOptions = {}): Date {
  const minutes = typeof minutesFromNow === "number" ? minutesFromNow : Number(minutesFromNow.trim());
  if (!Number.isInteger(minutes)) {
    throw new ResponseFormatError(`Minutes from now must be a whole number, got '${String(minutesFromNow)}'`, {
      field: "minutes",
    });
  }
  const base = new Date((options.now ?? new Date()).getTime());
  base.setSeconds(0, 0);
  return new Date(base.getTime() + minutes * 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats a time as pyppms' `fmt_time` does (`YYYY-MM-DD HH:MM`, local time, no seconds), or
 * `===UNDEFINED===` when there is none (a next booking has no end time).
 *
 * @param time - the time, or null/undefined
 * @returns the formatted text
 * @example
 * ```ts
 * fmtTime(new Date(2030, 2, 14, 8, 0)); // "2030-03-14 08:00"
 * fmtTime(null); // "===UNDEFINED==="
 * ```
 */
export function fmtTime(time: Date | null | undefined): string {
  if (!time) return "===UNDEFINED===";
  return `${formatDay(time)} ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/**
 * Formats a day as PUMAPI's `day` parameter wants it (`YYYY-MM-DD`, local date).
 *
 * @param day - the day
 * @returns the formatted day
 * @example
 * ```ts
 * formatDay(new Date(2030, 2, 14)); // "2030-03-14"
 * ```
 */
export function formatDay(day: Date): string {
  return `${pad(day.getFullYear(), 4)}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
