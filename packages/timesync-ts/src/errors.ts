import {
  FacilitySdkError,
  type FacilitySdkErrorOptions,
  type HttpCoreErrorDetails,
  HttpStatusError,
  InvalidArgumentError,
  type InvalidArgumentErrorOptions,
  Redactor,
  ResponseParseError,
  type ResponseParseErrorDetails,
} from "@facility-sdk/http-core";

// Every error class of timesync-ts carries this brand on its prototype. Symbol.for, so that the ESM
// and the CJS build loaded side by side still recognise each other's errors.
const BRAND = Symbol.for("timesync-ts.error");

function brand(...classes: { prototype: object }[]): void {
  for (const c of classes) Object.defineProperty(c.prototype, BRAND, { value: true });
}

/**
 * The family of every error timesync-ts builds itself. Those errors extend the http-core class that
 * fits them (bad input is an `InvalidArgumentError`, a server error answer an `HttpStatusError`, an
 * answer of the wrong shape a `ResponseParseError`), so they cannot share one base class; instead
 * `instanceof TimeSyncError` is a brand check (`static [Symbol.hasInstance]`) that is true for
 * {@link TimeSyncValidationError}, {@link TimeSyncNotAuthenticatedError}, {@link TimeSyncApiError} and
 * its subclasses, and {@link TimeSyncResponseError}. Transport failures (timeouts, refused connections,
 * an HTML 404) are http-core errors naming the TimeSync operation; catch `FacilitySdkError` for all.
 *
 * @example
 * ```ts
 * try {
 *   await ts.getTimes();
 * } catch (error) {
 *   if (error instanceof TimeSyncError) console.error("TimeSync said no:", error.message);
 *   else if (error instanceof FacilitySdkError) console.error("transport:", error.operation, error.message);
 * }
 * ```
 * @group Errors
 */
export class TimeSyncError extends FacilitySdkError {
  /**
   * `instanceof TimeSyncError` checks the brand every timesync-ts error carries; for a subclass, the
   * usual prototype check applies.
   *
   * @example
   * ```ts
   * const error = new TimeSyncValidationError("time.duration", "expected seconds");
   * error instanceof TimeSyncError; // true, although it extends http-core's InvalidArgumentError
   * ```
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== TimeSyncError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * Input rejected locally, before any request: `field` names it (a dotted path such as
 * `time.dateWorked`), `problem` says what is wrong, `hint` how to fix it when there is a likely fix.
 * Extends http-core's `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * try {
 *   await ts.createTime({ duration: "3h", project: "web", dateWorked: "2024-05-02" });
 * } catch (error) {
 *   if (error instanceof TimeSyncValidationError) console.log(error.field, error.problem); // "time.duration", ...
 * }
 * ```
 * @group Errors
 */
export class TimeSyncValidationError extends InvalidArgumentError {
  /**
   * @param field - the field (or dotted path, e.g. `users.pat.member`) that is wrong
   * @param problem - what is wrong with it (never includes a secret value)
   * @param options - a hint and the operation
   */
  constructor(field: string, problem: string, options: InvalidArgumentErrorOptions = {}) {
    super(field, problem, options);
  }
}

/**
 * A call that needs a token was made before `authenticate()`, and no `token` option was given.
 *
 * @example
 * ```ts
 * const anonymous = new TimeSync({ baseUrl });
 * await anonymous.getTimes().catch((e) => e instanceof TimeSyncNotAuthenticatedError); // true
 * ```
 * @group Errors
 */
export class TimeSyncNotAuthenticatedError extends TimeSyncError {
  /**
   * @param options - the operation that needed the token; `waitedForLogin` when the call waited for an
   *   `authenticate()` that then failed (its error is the `cause`)
   */
  constructor(options: FacilitySdkErrorOptions & { waitedForLogin?: boolean } = {}) {
    const { waitedForLogin, ...rest } = options;
    super(
      waitedForLogin === true
        ? "not authenticated: the authenticate() this call waited for failed (see cause)"
        : "not authenticated: call authenticate() first or pass a token to the TimeSync constructor",
      rest,
    );
  }
}

/** What a {@link TimeSyncApiError} is built from: the request context and the server's error object. */
export interface TimeSyncApiErrorDetails extends HttpCoreErrorDetails {
  /** HTTP status. */
  status: number;
  /** The server's error name, e.g. `Object not found`. */
  error: string;
  /** The server's message (redacted by the constructor). */
  text: string;
  /** Offending values the server listed, if any (redacted by the constructor). */
  values?: readonly unknown[] | undefined;
}

/**
 * The server answered with its JSON error object `{status, error, text, values}`. Extends http-core's
 * `HttpStatusError`, so the status classes match it too: a TimeSync `Object not found` is
 * `instanceof HttpNotFoundError`, like the HTML 404 of an unknown route. The subclasses name the
 * error kind; an unknown error name maps by status, or to this class. Built with the request, the
 * body and the client's redactor: secrets are masked in the constructor.
 *
 * @example
 * ```ts
 * try {
 *   await ts.getProject("no-such-project");
 * } catch (error) {
 *   if (error instanceof TimeSyncApiError) console.log(error.status, error.error, error.text, error.operation);
 * }
 * ```
 * @group Errors
 */
export class TimeSyncApiError extends HttpStatusError {
  /** HTTP status. */
  declare readonly status: number;
  /** The server's error name (e.g. `Bad object`). */
  readonly error: string;
  /** The server's message, redacted. */
  readonly text: string;
  /** Offending values listed by the server (empty when none), redacted. */
  readonly values: readonly unknown[];

  /** @param details - request, status, body, redactor, operation and the server's error object */
  constructor(details: TimeSyncApiErrorDetails) {
    const redactor = details.redactor ?? new Redactor();
    const text = redactor.redactText(details.text);
    super(`${details.status} ${details.error}: ${text}`, details);
    this.error = details.error;
    this.text = text;
    this.values = redactor.redactJson([...(details.values ?? [])]) as unknown[];
  }

  /**
   * True when the server rejected the token itself (`Bad API token`: expired, or the server restarted
   * and forgot every token): logging in again helps.
   *
   * @example
   * ```ts
   * const error = await ts.getTimes().catch((e: unknown) => e);
   * if (error instanceof TimeSyncApiError && error.isBadToken) await ts.authenticate({ username: "pat", password: "…" });
   * ```
   */
  get isBadToken(): boolean {
    return this.status === 401 && this.text === "Bad API token";
  }
}

/**
 * `Object not found` (404); also `instanceof HttpNotFoundError`.
 *
 * @example
 * ```ts
 * await ts.getTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab").catch((e) => e instanceof TimeSyncNotFoundError);
 * ```
 * @group Errors
 */
export class TimeSyncNotFoundError extends TimeSyncApiError {}

/**
 * `Bad object` (400): the server rejected the object sent.
 *
 * @example
 * ```ts
 * await ts.createActivity({ name: "Docs", slug: "docs" }).catch((e) => e instanceof TimeSyncBadObjectError);
 * ```
 * @group Errors
 */
export class TimeSyncBadObjectError extends TimeSyncApiError {}

/**
 * `The provided identifier was invalid` (400): a malformed slug, uuid or username in the path.
 *
 * @example
 * ```ts
 * await ts.getUser("pat").catch((e) => e instanceof TimeSyncInvalidIdentifierError);
 * ```
 * @group Errors
 */
export class TimeSyncInvalidIdentifierError extends TimeSyncApiError {}

/**
 * `Authentication failure` (401): missing credentials, a wrong password, or `Bad API token` (see
 * {@link TimeSyncApiError.isBadToken}).
 *
 * @example
 * ```ts
 * await ts.authenticate({ username: "pat", password: "wrong" }).catch((e) => e instanceof TimeSyncAuthenticationError);
 * ```
 * @group Errors
 */
export class TimeSyncAuthenticationError extends TimeSyncApiError {}

/**
 * `Authorization failure` (401): authenticated, but not allowed to do this.
 *
 * @example
 * ```ts
 * await ts.createActivity({ name: "Docs", slug: "docs" }).catch((e) => e instanceof TimeSyncAuthorizationError);
 * ```
 * @group Errors
 */
export class TimeSyncAuthorizationError extends TimeSyncApiError {}

/**
 * A conflict (409), e.g. `Invalid foreign key`; see the subclasses for duplicates.
 *
 * @example
 * ```ts
 * await ts.createProject({ name: "Web", slugs: ["web"], defaultActivity: "nope" }).catch((e) => e instanceof TimeSyncConflictError);
 * ```
 * @group Errors
 */
export class TimeSyncConflictError extends TimeSyncApiError {}

/**
 * `The slug provided already exists` (409); `values` lists the slugs.
 *
 * @example
 * ```ts
 * await ts.createActivity({ name: "Dev again", slug: "dev" }).catch((e) => e instanceof TimeSyncSlugExistsError && e.values);
 * ```
 * @group Errors
 */
export class TimeSyncSlugExistsError extends TimeSyncConflictError {}

/**
 * `Username already exists` (409).
 *
 * @example
 * ```ts
 * await ts.createUser({ username: "pat", password: "…" }).catch((e) => e instanceof TimeSyncUsernameExistsError);
 * ```
 * @group Errors
 */
export class TimeSyncUsernameExistsError extends TimeSyncConflictError {}

/**
 * `Method not allowed` (405), e.g. deleting a project that current times still reference.
 *
 * @example
 * ```ts
 * await ts.deleteProject("web").catch((e) => e instanceof TimeSyncMethodNotAllowedError);
 * ```
 * @group Errors
 */
export class TimeSyncMethodNotAllowedError extends TimeSyncApiError {}

/**
 * `Bad query value` (400, or 401 for a bad auth type): a filter the server refused.
 *
 * @example
 * ```ts
 * await ts.getTimes({ start: "2999-01-01" }).catch((e) => e instanceof TimeSyncBadQueryError);
 * ```
 * @group Errors
 */
export class TimeSyncBadQueryError extends TimeSyncApiError {}

/**
 * `Server error` (500) or any other 5xx TimeSync error object; also `instanceof HttpServerError`.
 *
 * @example
 * ```ts
 * await ts.createProject({ name: "Web", slugs: ["web"], users: { ghost: { member: true } } }).catch((e) => e instanceof TimeSyncServerError);
 * ```
 * @group Errors
 */
export class TimeSyncServerError extends TimeSyncApiError {}

/**
 * A successful (2xx) answer that is not what the API documents: not JSON, empty where an object was
 * due, or JSON of the wrong shape (`issues` lists the problems). Carries the operation, the status
 * and a redacted excerpt of the body. Extends http-core's `ResponseParseError`.
 *
 * @example
 * ```ts
 * try {
 *   await ts.getActivities();
 * } catch (error) {
 *   if (error instanceof TimeSyncResponseError) console.log(error.operation, error.status, error.issues, error.bodyExcerpt);
 * }
 * ```
 * @group Errors
 */
export class TimeSyncResponseError extends ResponseParseError {
  /**
   * @param message - what does not fit
   * @param details - request, status, body, issues, redactor and operation
   */
  constructor(message: string, details: ResponseParseErrorDetails = {}) {
    super(message, details);
  }
}

brand(TimeSyncError, TimeSyncValidationError, TimeSyncApiError, TimeSyncResponseError);
