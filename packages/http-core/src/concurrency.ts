import { setMaxListeners } from "node:events";
import { HttpAbortError, InvalidArgumentError } from "./errors.js";

/** Progress of a {@link mapConcurrent} run. */
export interface ConcurrencyProgress {
  /** Items finished (successfully or not). */
  done: number;
  /** All items. */
  total: number;
  /** Items that failed so far. */
  failed: number;
}

/** One item's outcome when errors are collected. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Options of {@link mapConcurrent}. */
export interface MapConcurrentOptions {
  /** At most this many items in flight (default 8). */
  concurrency?: number;
  /** Default `true`: reject with the first error and start no new item. `false`: collect outcomes. */
  stopOnError?: boolean;
  /** Called after each item finishes. */
  onProgress?: (progress: ConcurrencyProgress) => void;
  /** Aborts the run: no new item starts and the per-item signal aborts. */
  signal?: AbortSignal;
  /** The operation the run is part of (e.g. `PUMAPI getuser`), named by the abort error. */
  operation?: string;
}

/** The per-item worker: gets the item, its index and a signal aborted when the run stops. */
export type ConcurrentWorker<T, R> = (item: T, index: number, signal: AbortSignal) => Promise<R>;

/**
 * Maps over `items` with at most `concurrency` workers in flight, keeping input order. When the
 * caller's `signal` aborts, no new item starts and the run rejects with an `HttpAbortError`.
 *
 * @example
 * ```ts
 * const users = await mapConcurrent(logins, (login) => ppms.getUser(login), {
 *   concurrency: 8,
 *   onProgress: ({ done, total }) => console.log(`${done}/${total}`),
 * });
 * ```
 */
export function mapConcurrent<T, R>(
  items: readonly T[],
  worker: ConcurrentWorker<T, R>,
  options?: MapConcurrentOptions & { stopOnError?: true },
): Promise<R[]>;
/** Collecting form: never rejects for an item's error; resolves to each item's outcome. */
export function mapConcurrent<T, R>(
  items: readonly T[],
  worker: ConcurrentWorker<T, R>,
  options: MapConcurrentOptions & { stopOnError: false },
): Promise<Settled<R>[]>;
export async function mapConcurrent<T, R>(
  items: readonly T[],
  worker: ConcurrentWorker<T, R>,
  options: MapConcurrentOptions = {},
): Promise<R[] | Settled<R>[]> {
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError("concurrency", `must be a positive whole number, got ${String(concurrency)}`);
  }
  const stopOnError = options.stopOnError ?? true;
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  // Every in-flight worker may listen on the shared signal (undici adds one listener per request).
  setMaxListeners(Math.max(10, concurrency * 2 + 2), signal);
  const outcomes: Settled<R>[] = new Array(items.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  let firstError: { error: unknown } | undefined;

  const run = async (): Promise<void> => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      try {
        outcomes[index] = { ok: true, value: await worker(items[index] as T, index, signal) };
      } catch (error) {
        failed++;
        outcomes[index] = { ok: false, error };
        if (stopOnError && firstError === undefined) {
          firstError = { error };
          controller.abort(error);
        }
      }
      done++;
      options.onProgress?.({ done, total: items.length, failed });
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  if (firstError) throw firstError.error;
  if (options.signal?.aborted) throw new HttpAbortError("aborted by the caller", { operation: options.operation, attempts: 0, cause: options.signal.reason });
  if (stopOnError) return outcomes.map((o) => (o as { value: R }).value);
  return outcomes;
}
