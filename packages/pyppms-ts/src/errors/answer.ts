import { HttpCoreError, ResponseParseError, excerpt, type HttpCoreErrorDetails } from "@facility-sdk/http-core";
import { markPpmsError } from "./family.js";

/**
 * The context a PUMAPI answer error is built from: the request and body of the answer and the
 * connection's redactor (the constructor redacts them), the HTTP status and the cause. The
 * operation is always `PUMAPI <action>`, derived from the action.
 */
export interface PumapiAnswerDetails extends Omit<HttpCoreErrorDetails, "operation"> {
  /** Said instead of the body excerpt when the body is not the reason (e.g. `HTTP 403`). */
  reason?: string | undefined;
}

const operationOf = (action: string): string => `PUMAPI ${action}`;
const said = (details: PumapiAnswerDetails): string =>
  details.reason ?? (details.body === undefined || details.body.trim() === "" ? "(empty answer)" : excerpt(details.body.trim()));

/**
 * The API key was refused. PUMAPI answers HTTP 200 with `request not authorized` (any action), and
 * `auth` may answer an `error` text; an `auth` answered with an HTML page, with nothing at all, or
 * with HTTP 401/403 is a refusal too. The message names the action and never holds the key.
 *
 * @example
 * ```ts
 * try {
 *   await PpmsConnection.connect({ baseUrl, apiKey: "wrong" });
 * } catch (error) {
 *   if (error instanceof AuthenticationError) console.error(error.action, error.answer); // "auth", "error: authentication failed"
 * }
 * ```
 * @group Errors
 */
export class AuthenticationError extends HttpCoreError {
  static {
    markPpmsError(this);
  }
  /** The PUMAPI action that was refused (`auth` while connecting). */
  readonly action: string;
  /** What the server said (redacted excerpt), or why the answer counts as a refusal. */
  readonly answer: string;

  /**
   * @param action - the PUMAPI action that was refused
   * @param details - request, body, status and the connection's redactor
   */
  constructor(action: string, details: PumapiAnswerDetails = {}) {
    const text = said(details);
    super(action === "auth" ? `authenticating against PUMAPI failed: ${text}` : `not authorized to run this action: ${text}`, {
      ...details,
      operation: operationOf(action),
    });
    this.action = action;
    this.answer = details.reason ?? this.bodyExcerpt?.trim() ?? "";
  }
}

/**
 * A PUMAPI action answered with an error text instead of its result: a read answering
 * `error: ...`, a write answering anything but its confirmation (e.g. `newuser` without
 * `OK newuser`).
 *
 * @example
 * ```ts
 * try {
 *   await ppms.newUser({ login: "x", lname: "X", fname: "Y", email: "x@lab.example", ppmsGroup: "g" });
 * } catch (error) {
 *   if (error instanceof PumapiActionError) console.error(error.action, error.answer);
 * }
 * ```
 * @group Errors
 */
export class PumapiActionError extends HttpCoreError {
  static {
    markPpmsError(this);
  }
  /** The PUMAPI action. */
  readonly action: string;
  /** The server's answer (redacted excerpt). */
  readonly answer: string;

  /**
   * @param action - the PUMAPI action
   * @param details - request, body and the connection's redactor
   */
  constructor(action: string, details: PumapiAnswerDetails = {}) {
    super(`the action failed: ${said(details)}`, { ...details, operation: operationOf(action) });
    this.action = action;
    this.answer = details.reason ?? this.bodyExcerpt?.trim() ?? "";
  }
}

/**
 * A PUMAPI action answered something that is not a PUMAPI answer at all, typically an HTML page
 * (a login page, a proxy or maintenance page) sent with HTTP 200. Names the action.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getSystems();
 * } catch (error) {
 *   if (error instanceof PumapiUnexpectedAnswerError) console.error(error.action, error.bodyExcerpt);
 * }
 * ```
 * @group Errors
 */
export class PumapiUnexpectedAnswerError extends ResponseParseError {
  static {
    markPpmsError(this);
  }
  /** The PUMAPI action. */
  readonly action: string;

  /**
   * @param action - the PUMAPI action
   * @param what - what came instead, e.g. `an HTML page`
   * @param details - request, body and the connection's redactor
   */
  constructor(action: string, what: string, details: PumapiAnswerDetails = {}) {
    super(`answered ${what} instead of PUMAPI data: ${said(details)}`, { ...details, operation: operationOf(action) });
    this.action = action;
  }
}

/** What {@link NoDataError} is built from: the answer's context, and the action when known. */
export interface NoDataErrorDetails extends PumapiAnswerDetails {
  /** The PUMAPI action that answered nothing (unknown for the standalone parsing helpers). */
  action?: string | undefined;
}

/**
 * An answer holds no data where data must come: an empty body, or a CSV body with fewer than two
 * lines (pyppms' `NoDataError`). The standalone parsing helpers throw it without an action; the
 * connection names the action (and the login or group, in the not-found subclasses).
 *
 * @example
 * ```ts
 * try {
 *   dictFromSingleResponse("");
 * } catch (error) {
 *   if (error instanceof NoDataError) console.error(error.message); // "Response contains no data (fewer than two lines)"
 * }
 * ```
 * @group Errors
 */
export class NoDataError extends ResponseParseError {
  static {
    markPpmsError(this);
  }
  /** The PUMAPI action that answered nothing, when known. */
  readonly action: string | undefined;

  /**
   * @param message - what is missing
   * @param details - the action and the answer's context, when known
   */
  constructor(message: string, details: NoDataErrorDetails = {}) {
    const { action, ...rest } = details;
    super(message, action === undefined ? rest : { ...rest, operation: operationOf(action) });
    this.action = action;
  }
}

/**
 * `getuser` answered with an empty body: PPMS does not know this login (pyppms raises `KeyError`).
 * The message names the action and the login.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getUser("nobody");
 * } catch (error) {
 *   if (error instanceof PpmsUserNotFoundError) console.error(error.login); // "nobody"
 * }
 * ```
 * @group Errors
 */
export class PpmsUserNotFoundError extends NoDataError {
  /** The login PPMS does not know. */
  readonly login: string;

  /**
   * @param login - the login that PPMS does not know
   * @param details - the answer's context (the action defaults to `getuser`)
   */
  constructor(login: string, details: NoDataErrorDetails = {}) {
    super(`User [${login}] is unknown to PPMS`, { action: "getuser", ...details });
    this.login = login;
  }
}

/**
 * `getgroup` answered with an empty body: PPMS does not know this group (`unitlogin`). The message
 * names the action and the group.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getGroup("no_such_group");
 * } catch (error) {
 *   if (error instanceof PpmsGroupNotFoundError) console.error(error.groupId);
 * }
 * ```
 * @group Errors
 */
export class PpmsGroupNotFoundError extends NoDataError {
  /** The group id (`unitlogin`) PPMS does not know. */
  readonly groupId: string;

  /**
   * @param groupId - the group id that PPMS does not know
   * @param details - the answer's context (the action defaults to `getgroup`)
   */
  constructor(groupId: string, details: NoDataErrorDetails = {}) {
    super(`Group [${groupId}] is unknown to PPMS`, { action: "getgroup", ...details });
    this.groupId = groupId;
  }
}
