import { FacilitySdkError } from "@facility-sdk/http-core";

// A registered symbol, so errors built by a second copy of pyppms-ts in node_modules still match.
const PPMS_ERROR = Symbol.for("pyppms-ts.error");

/**
 * The family of every error pyppms-ts builds itself: `error instanceof PpmsError` is true for
 * {@link PpmsInvalidArgumentError}, {@link AuthenticationError}, {@link PumapiActionError},
 * {@link PumapiUnexpectedAnswerError}, {@link NoDataError} (and its not-found subclasses),
 * {@link PumapiValidationError} and {@link ResponseFormatError}.
 *
 * Those classes extend http-core's classes (`InvalidArgumentError`, `HttpCoreError`,
 * `ResponseParseError`), so that one `catch (e) { if (e instanceof FacilitySdkError) … }` handles
 * both SDKs. A class cannot have two superclasses, so `PpmsError` is matched by a brand instead:
 * its static `Symbol.hasInstance` checks a mark that each pyppms-ts error class carries on its
 * prototype. Transport failures (connection refused, timeouts, HTTP status errors, cache misses) are
 * http-core's own errors and are not `PpmsError`s; catch `FacilitySdkError` for everything.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getUser("jdoe");
 * } catch (error) {
 *   if (error instanceof PpmsError) console.error("PUMAPI said no:", error.message);
 *   else if (error instanceof FacilitySdkError) console.error("transport:", error.message);
 * }
 * ```
 * @group Errors
 */
export class PpmsError extends FacilitySdkError {
  /**
   * `instanceof PpmsError` is a brand check (any pyppms-ts error); `instanceof` a subclass of
   * `PpmsError` is the usual prototype check.
   *
   * @param value - the value on the left of `instanceof`
   * @returns whether it is a pyppms-ts error
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== PpmsError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PPMS_ERROR] === true;
  }
}

/**
 * Marks an error class as a member of the {@link PpmsError} family (on its prototype, so subclasses inherit it).
 *
 * @param errorClass - the error class to mark
 * @example
 * ```ts
 * class MyPumapiError extends FacilitySdkError {}
 * markPpmsError(MyPumapiError);
 * new MyPumapiError("x") instanceof PpmsError; // true
 * ```
 */
export function markPpmsError(errorClass: { prototype: object }): void {
  Object.defineProperty(errorClass.prototype, PPMS_ERROR, { value: true });
}

markPpmsError(PpmsError);
