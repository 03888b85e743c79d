import { ResponseParseError } from "@facility-sdk/http-core";

/**
 * Base class of every error pyppms-ts throws itself. Transport failures (connection refused,
 * timeouts, HTTP status errors, cache misses in replay mode) are http-core errors (`HttpCoreError`).
 */
export class PpmsError extends Error {
  /** The error class name, `PpmsError`. */
  override name = "PpmsError";
}

/**
 * An answer holds no data: an empty body, or a CSV body with fewer than two lines (pyppms'
 * `NoDataError`). Also the base of the "not found" errors below.
 */
export class NoDataError extends PpmsError {
  /** The error class name, `NoDataError`. */
  override name = "NoDataError";
}

/** `getuser` answered with an empty body: PPMS does not know this login (pyppms raises `KeyError`). */
export class PpmsUserNotFoundError extends NoDataError {
  /** The error class name, `PpmsUserNotFoundError`. */
  override name = "PpmsUserNotFoundError";

  /** @param login - the login that PPMS does not know */
  constructor(readonly login: string) {
    super(`User [${login}] is unknown to PPMS`);
  }
}

/** `getgroup` answered with an empty body: PPMS does not know this group (`unitlogin`). */
export class PpmsGroupNotFoundError extends NoDataError {
  /** The error class name, `PpmsGroupNotFoundError`. */
  override name = "PpmsGroupNotFoundError";

  /** @param groupId - the group id (`unitlogin`) that PPMS does not know */
  constructor(readonly groupId: string) {
    super(`Group [${groupId}] is unknown to PPMS`);
  }
}

/** Input rejected locally, before any request is sent; `field` names the offending argument. */
export class PpmsInvalidArgumentError extends PpmsError {
  /** The error class name, `PpmsInvalidArgumentError`. */
  override name = "PpmsInvalidArgumentError";

  /**
   * @param field - the argument or option that is wrong (e.g. `permission`, `options.url`)
   * @param problem - what is wrong with it (never includes a secret value)
   */
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Invalid ${field}: ${problem}`);
  }
}

/**
 * The API key was refused: `auth` answered a text containing `error`, or any action answered
 * `request not authorized` (PUMAPI answers both with HTTP 200). The message never holds the key.
 */
export class AuthenticationError extends PpmsError {
  /** The error class name, `AuthenticationError`. */
  override name = "AuthenticationError";

  /**
   * @param action - the PUMAPI action that was refused (`auth` while connecting)
   * @param answer - the server's answer text (already redacted)
   */
  constructor(
    readonly action: string,
    readonly answer: string,
  ) {
    super(
      action === "auth"
        ? `Authenticating against PUMAPI failed: ${answer}`
        : `Not authorized to run PUMAPI action '${action}': ${answer}`,
    );
  }
}

/**
 * A PUMAPI action answered with an error text instead of its result, e.g. `newuser` without
 * `OK newuser`, or a read action answering `error: ...`.
 */
export class PumapiActionError extends PpmsError {
  /** The error class name, `PumapiActionError`. */
  override name = "PumapiActionError";

  /**
   * @param action - the PUMAPI action
   * @param answer - the server's answer text (already redacted)
   */
  constructor(
    readonly action: string,
    readonly answer: string,
  ) {
    super(`PUMAPI action '${action}' failed: ${answer}`);
  }
}

/** Where a response-format problem was found, for {@link ResponseFormatError}. */
export interface ResponseFormatDetails {
  /** The field (CSV column, dict key, or positional line name) that does not fit, if known. */
  field?: string;
  /** 1-based line number in the body, if known. */
  line?: number;
}

/**
 * A PUMAPI body does not have the shape a parsing helper expects (thrown by the standalone
 * helpers such as {@link parseMultilineResponse} in strict mode; `PpmsConnection` wraps it in a
 * {@link PumapiValidationError} naming the action).
 */
export class ResponseFormatError extends PpmsError {
  /** The error class name, `ResponseFormatError`. */
  override name = "ResponseFormatError";
  /** The field that does not fit, if known. */
  readonly field: string | undefined;
  /** 1-based line number in the body, if known. */
  readonly line: number | undefined;

  /**
   * @param message - what does not fit
   * @param details - field and line, when known
   */
  constructor(message: string, details: ResponseFormatDetails = {}) {
    super(message);
    this.field = details.field;
    this.line = details.line;
  }
}

/** One problem found while validating a PUMAPI answer. */
export interface PumapiValidationIssue {
  /** Field (CSV column, or a path such as `2.System id` for row 2). */
  field: string;
  /** What is wrong. */
  message: string;
}

/** What {@link PumapiValidationError} is built from. */
export interface PumapiValidationErrorInit {
  /** The PUMAPI action whose answer did not fit. */
  action: string;
  /** The first field that did not fit. */
  field: string;
  /** Every problem found. */
  issues: PumapiValidationIssue[];
  /** Redacted URL of the request. */
  url: string;
  /** Start of the (redacted) body. */
  bodyExcerpt?: string;
  /** The underlying parse or validation error. */
  cause?: unknown;
}

/**
 * A PUMAPI answer did not fit the zod schema of its action. Names the action and the field; an
 * http-core `ResponseParseError`, so generic handlers catch it too.
 */
export class PumapiValidationError extends ResponseParseError {
  /** The error class name, `PumapiValidationError`. */
  override name = "PumapiValidationError";
  /** The PUMAPI action whose answer did not fit. */
  readonly action: string;
  /** The first field that did not fit. */
  readonly field: string;
  /** Every problem found. */
  readonly problems: PumapiValidationIssue[];

  /** @param init - action, field, issues and request details */
  constructor(init: PumapiValidationErrorInit) {
    super(`PUMAPI '${init.action}' answer does not fit at field '${init.field}': ${init.issues[0]?.message ?? "invalid"}`, {
      request: { method: "POST", url: init.url },
      bodyExcerpt: init.bodyExcerpt ?? "",
      cause: init.cause,
      issues: init.issues.map((issue) => `${issue.field}: ${issue.message}`),
    });
    this.action = init.action;
    this.field = init.field;
    this.problems = init.issues;
  }
}
