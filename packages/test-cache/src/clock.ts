// The one clock type of the fake servers: fake TimeSync and fake PUMAPI take the same function.

/**
 * A fake server's clock: returns "now" as epoch milliseconds, like `Date.now` (which is the default).
 * Tests pass their own to freeze or move time.
 *
 * @example
 * ```ts
 * let now = Date.UTC(2030, 2, 14, 12, 0);
 * const clock: FakeClock = () => now;
 * now += 60_000; // one minute later for every fake that reads `clock`
 * ```
 */
export type FakeClock = () => number;

/**
 * The clock form fake PUMAPI took before {@link FakeClock}: returns a `Date`.
 *
 * @deprecated Pass a {@link FakeClock} (epoch milliseconds); this form is accepted for one more release.
 */
export type LegacyDateClock = () => Date;

/**
 * Reads a clock of either form as epoch milliseconds (the default is real time).
 *
 * @example
 * ```ts
 * readClock(() => 0); // 0
 * readClock(() => new Date(0)); // 0, the deprecated Date form
 * readClock(undefined) > 0; // true: Date.now()
 * ```
 */
export function readClock(clock: FakeClock | LegacyDateClock | undefined): number {
  if (clock === undefined) return Date.now();
  const value: number | Date = clock();
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number" || !Number.isFinite(ms)) throw new TypeError("fake clock: expected epoch milliseconds (or a valid Date)");
  return ms;
}
