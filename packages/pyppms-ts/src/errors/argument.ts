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
 * @group Errors
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

/**
 * The connection's authentication does not cover this call, found before any request: a
 * connection made with only system credentials (`{ system: { id, code } }`) can call `getbooking`
 * and `nextbooking` (`getBooking`, `getCurrentBooking`, `getNextBooking`, or `request`) of that
 * system alone. `field` is `action`, `action` the refused PUMAPI action; the message never holds
 * the system's code.
 *
 * @example
 * ```ts
 * const kiosk = await PpmsConnection.connect({ baseUrl, system: { id: 31, code: process.env.PPMS_SYSTEM_CODE ?? "" } });
 * await kiosk.getCurrentBooking(31); // fine
 * try {
 *   await kiosk.getUsers();
 * } catch (error) {
 *   if (error instanceof PpmsAuthScopeError) console.error(error.action); // "getusers"
 * }
 * ```
 * @group Errors
 */
export class PpmsAuthScopeError extends PpmsInvalidArgumentError {
  /** The PUMAPI action that the connection's authentication does not cover. */
  readonly action: string;

  /**
   * @param action - the PUMAPI action refused
   * @param problem - why (never includes a secret value)
   * @param options - a hint on how to fix it
   */
  constructor(action: string, problem: string, options: InvalidArgumentErrorOptions = {}) {
    super("action", `cannot call '${action}': ${problem}`, { operation: `PUMAPI ${action}`, ...options });
    this.action = action;
  }
}

/**
 * `newUser` refused a login PPMS already knows: PUMAPI's `newuser` would overwrite that user, so
 * pyppms-ts asks `getuser` first (as pyppms checks `user_exists`) and sends nothing. Pass
 * `{ overwrite: true }` to overwrite on purpose. `field` is `login`.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.newUser({ login: "jdoe", lname: "Doe", fname: "Jane", email: "jane.doe@lab.example", ppmsGroup: "imaging_group" });
 * } catch (error) {
 *   if (error instanceof PpmsUserExistsError) console.error(error.login); // "jdoe"
 * }
 * ```
 */
export class PpmsUserExistsError extends PpmsInvalidArgumentError {
  /** The login that exists. */
  readonly login: string;

  /** @param login - the login PPMS already knows */
  constructor(login: string) {
    super("login", `user '${login}' already exists in PPMS; newuser would overwrite it`, { operation: "PUMAPI newuser", hint: "pass { overwrite: true } to overwrite it, or updateUser to change it" });
    this.login = login;
  }
}
