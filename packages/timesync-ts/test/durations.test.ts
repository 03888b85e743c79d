import { describe, expect, it } from "vitest";
import { formatDuration } from "../src/models/duration.js";
import { parseDuration } from "../src/models/duration.js";
import { TimeSyncValidationError } from "../src/errors.js";

describe("parseDuration (pymesync's HhMm grammar)", () => {
  it.each([
    ["3h30m", 12600],
    ["0h0m", 0],
    ["23h59m", 86340],
    ["3H30M", 12600],
    ["03h05m", 10800 + 300],
    ["1h0m", 3600],
    ["19h9m", 19 * 3600 + 9 * 60],
  ])("accepts %s as %i seconds", (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(["24h0m", "1h60m", "3h", "30m", "3h 30m", "", "h30m", "3h30", "-1h0m", "3h30m ", " 3h30m", "100h0m", "3.5h0m", "3h30m0s"])(
    "rejects %j with a validation error naming the field",
    (input) => {
      const error = (() => {
        try {
          parseDuration(input);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(TimeSyncValidationError);
      expect((error as TimeSyncValidationError).field).toBe("duration");
    },
  );

  it("takes integers as seconds and rejects negatives, fractions and non-finite numbers", () => {
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration(12600)).toBe(12600);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => parseDuration(bad)).toThrow(TimeSyncValidationError);
    }
  });

  it("rejects other types and uses the given field name", () => {
    expect(() => parseDuration(null as unknown as number)).toThrow(/Invalid duration/);
    expect(() => parseDuration("x", "time.duration")).toThrow(/Invalid time\.duration/);
  });
});

describe("formatDuration", () => {
  it.each([
    [12600, "3h30m"],
    [0, "0h0m"],
    [86340, "23h59m"],
    [90, "0h1m30s"],
    [90000, "25h0m"],
  ])("formats %i as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("round-trips with parseDuration below 24 hours", () => {
    for (const seconds of [0, 60, 3600, 12600, 86340]) expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });

  it("rejects negative and fractional seconds", () => {
    expect(() => formatDuration(-1)).toThrow(TimeSyncValidationError);
    expect(() => formatDuration(1.5)).toThrow(TimeSyncValidationError);
  });
});
