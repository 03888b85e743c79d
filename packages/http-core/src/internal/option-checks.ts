import { InvalidArgumentError } from "../errors.js";
import type { TimeoutOptions } from "../options.js";

/** Checks a positive number option; undefined passes. */
export function checkPositive(value: unknown, field: string, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(field, `must be a positive${integer ? " whole" : ""} number, got ${JSON.stringify(value)}`);
  }
}

/** Resolves a timeout option over defaults, checking each number. */
export function resolveTimeout(value: number | TimeoutOptions | undefined, fallback: Required<TimeoutOptions>, field = "timeout"): { attemptMs: number; totalMs: number } {
  if (value === undefined) return fallback as { attemptMs: number; totalMs: number };
  if (typeof value === "number") {
    checkPositive(value, field);
    return { attemptMs: value, totalMs: Math.max(fallback.totalMs ?? value, value) };
  }
  if (value === null || typeof value !== "object") throw new InvalidArgumentError(field, "must be milliseconds or { attemptMs, totalMs }");
  checkPositive(value.attemptMs, `${field}.attemptMs`);
  checkPositive(value.totalMs, `${field}.totalMs`);
  return { attemptMs: value.attemptMs ?? (fallback.attemptMs as number), totalMs: value.totalMs ?? (fallback.totalMs as number) };
}
