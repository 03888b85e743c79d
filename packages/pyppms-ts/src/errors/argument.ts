import { InvalidArgumentError, type InvalidArgumentErrorOptions } from "@facility-sdk/http-core";
import { markPpmsError } from "./family.js";

/**
 * Input rejected locally, before any request is sent; `field` names the offending argument or
 * option, `problem` says what is wrong and `hint`, when there is one, how to fix it. An http-core
 * `InvalidArgumentError` (so one `catch` handles bad input to either SDK) and a `PpmsError`.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.setSystemBookingPermissions("jdoe", 31, "X" as never);
 * } catch (error) {
 *   if (error instanceof PpmsInvalidArgumentError) console.error(error.field, error.problem); // "permission", "must be one of A, N, S, D; got \"X\""
 * }
 * ```
 */
export class PpmsInvalidArgumentError extends InvalidArgumentError {
  static {
    markPpmsError(this);
  }

  /**
   * @param field - the argument or option that is wrong (e.g. `permission`, `options.baseUrl`)
   * @param problem - what is wrong with it (never includes a secret value)
   * @param options - a hint on how to fix it, the operation and the cause
   */
  constructor(field: string, problem: string, options: InvalidArgumentErrorOptions = {}) {
    super(field, problem, options);
  }
}
