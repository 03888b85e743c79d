// Errors of the record/replay cache's file system access.
import { FacilitySdkError, type FacilitySdkErrorOptions } from "./base.js";

/** What the cache was doing when the file system refused. */
export type CacheIoOperation = "read" | "write" | "list" | "remove";

/** Options of {@link CacheIoError}. */
export interface CacheIoErrorOptions extends FacilitySdkErrorOptions {
  /** The file system's error code (`EACCES`, `EISDIR`, …), when it gave one. */
  code?: string | undefined;
}

/**
 * The record/replay cache could not read or write a recording: a file it may not open (`EACCES`), a
 * directory where a recording should be (`EISDIR`), a folder that is a symlink leading out of the
 * cache directory, a full disk. The path names the recording (cache keys never hold secrets).
 *
 * @example
 * ```ts
 * await ppms.getUser("jdoe").catch((error: unknown) => {
 *   if (error instanceof CacheIoError) console.error(error.fsOperation, error.path, error.code);
 * });
 * ```
 * @group Errors
 */
export class CacheIoError extends FacilitySdkError {
  /** The file or folder concerned. */
  readonly path: string;
  /** What the cache was doing. */
  readonly fsOperation: CacheIoOperation;
  /** The file system's error code, when it gave one. */
  readonly code: string | undefined;

  /**
   * @param fsOperation - what the cache was doing
   * @param path - the file or folder concerned (never holds a secret: keys leave secrets out)
   * @param problem - what went wrong
   * @param options - the code, the operation and the cause
   */
  constructor(fsOperation: CacheIoOperation, path: string, problem: string, options: CacheIoErrorOptions = {}) {
    super(`cache: could not ${fsOperation} ${path}: ${problem}`, options);
    this.path = path;
    this.fsOperation = fsOperation;
    this.code = options.code;
  }
}

/**
 * Wraps a file system error (or passes an http-core error through) as a {@link CacheIoError}.
 *
 * @internal
 */
export function cacheIoError(fsOperation: CacheIoOperation, path: string, error: unknown): FacilitySdkError {
  if (error instanceof FacilitySdkError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const codeText = typeof code === "string" ? code : undefined;
  const problem = codeText === "EISDIR" ? "it is a directory, not a recording" : codeText === "EACCES" || codeText === "EPERM" ? "permission denied" : (codeText ?? "file system error");
  return new CacheIoError(fsOperation, path, problem, { code: codeText, cause: error });
}
