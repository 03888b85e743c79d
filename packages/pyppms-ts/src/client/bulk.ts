import { mapConcurrent, type MapConcurrentOptions } from "@facility-sdk/http-core";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requirePositiveInteger } from "../internal/inputs.js";
import type { BulkOptions } from "../types.js";
import type { ConnectionState } from "./state.js";

/** Checks bulk options up front, so a bad value fails before any request. */
export function checkBulk(options: BulkOptions): void {
  if (options.concurrency !== undefined) requirePositiveInteger("concurrency", options.concurrency);
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new PpmsInvalidArgumentError("onProgress", "must be a function");
  }
}

/**
 * Runs `fn` over `items`, `concurrency` at a time, in input order; the first error stops the run.
 * The caller's signal aborts it with an `HttpAbortError` naming `operation`, even when no request
 * was in flight.
 */
export function bulk<T, R>(
  state: ConnectionState,
  operation: string,
  items: readonly T[],
  fn: (item: T, signal: AbortSignal) => Promise<R>,
  options: BulkOptions,
): Promise<R[]> {
  const concurrency = requirePositiveInteger("concurrency", options.concurrency ?? state.concurrency);
  const opts: MapConcurrentOptions & { stopOnError: true } = { concurrency, stopOnError: true, operation };
  if (options.onProgress !== undefined) opts.onProgress = options.onProgress;
  if (options.signal !== undefined) opts.signal = options.signal;
  return mapConcurrent([...items], (item: T, _index: number, signal: AbortSignal) => fn(item, signal), opts);
}
