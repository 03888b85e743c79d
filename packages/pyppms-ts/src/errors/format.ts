import { ResponseParseError, type HttpCoreErrorDetails } from "@facility-sdk/http-core";
import { markPpmsError } from "./family.js";

/** Where a response-format problem was found, for {@link ResponseFormatError}. */
export interface ResponseFormatDetails {
  /** The field (CSV column, dict key, or positional line name) that does not fit, if known. */
  field?: string;
  /** 1-based line number in the body, if known. */
  line?: number;
}

/**
 * A PUMAPI body does not have the shape a parsing helper expects. The standalone helpers (such as
 * {@link parseMultilineResponse} in strict mode, or {@link PpmsUser.fromResponse}) throw it; the
 * connection turns it into a {@link PumapiValidationError} naming the action and the request.
 *
 * @example
 * ```ts
 * try {
 *   parseCsv('a,"never closed', { strict: true });
 * } catch (error) {
 *   if (error instanceof ResponseFormatError) console.error(error.line); // 1
 * }
 * ```
 * @group Errors
 */
export class ResponseFormatError extends ResponseParseError {
  static {
    markPpmsError(this);
  }
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
  /** Field (CSV column, or a path such as `2.permission` for line 2). */
  field: string;
  /** What is wrong. */
  message: string;
}

/** What {@link PumapiValidationError} is built from: the request context is redacted by the constructor. */
export interface PumapiValidationErrorInit extends Omit<HttpCoreErrorDetails, "operation"> {
  /** The PUMAPI action whose answer did not fit. */
  action: string;
  /** The first field that did not fit. */
  field: string;
  /** Every problem found. */
  issues: PumapiValidationIssue[];
}

/**
 * A PUMAPI answer did not fit the shape of its action. Names the action (its operation is
 * `PUMAPI <action>`), the field and a redacted excerpt of the body; an http-core
 * `ResponseParseError`, so generic handlers catch it too.
 *
 * @example
 * ```ts
 * try {
 *   await ppms.getUser("jdoe");
 * } catch (error) {
 *   if (error instanceof PumapiValidationError) console.error(error.action, error.field, error.bodyExcerpt);
 * }
 * ```
 * @group Errors
 */
export class PumapiValidationError extends ResponseParseError {
  static {
    markPpmsError(this);
  }
  /** The PUMAPI action whose answer did not fit. */
  readonly action: string;
  /** The first field that did not fit. */
  readonly field: string;
  /** Every problem found (messages redacted). */
  readonly problems: PumapiValidationIssue[];

  /** @param init - action, field, issues, and the request, body and redactor of the answer */
  constructor(init: PumapiValidationErrorInit) {
    const { action, field, issues, ...details } = init;
    super(`answer does not fit at field '${field}': ${issues[0]?.message ?? "invalid"}`, {
      ...details,
      operation: `PUMAPI ${action}`,
      issues: issues.map((issue) => `${issue.field}: ${issue.message}`),
    });
    this.action = action;
    this.field = field;
    this.problems = issues.map((issue, index) => ({ field: issue.field, message: this.issues[index]?.slice(issue.field.length + 2) ?? "" }));
  }
}
