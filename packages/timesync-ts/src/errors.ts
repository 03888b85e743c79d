/**
 * Base class of every error timesync-ts throws itself. Transport failures (connection refused,
 * timeouts, non-JSON answers such as an HTML 404 or 502) are http-core errors (`HttpCoreError`).
 */
export class TimeSyncError extends Error {
  override name = "TimeSyncError";
}

/** Input rejected locally, before any request; `field` names the offending field (dotted path). */
export class TimeSyncValidationError extends TimeSyncError {
  override name = "TimeSyncValidationError";

  /**
   * @param field - the field (or dotted path, e.g. `users.pat.member`) that is wrong
   * @param problem - what is wrong with it (never includes a secret value)
   */
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Invalid ${field}: ${problem}`);
  }
}

/** A call that needs a token was made before `authenticate()` (and no `token` option was given). */
export class TimeSyncNotAuthenticatedError extends TimeSyncError {
  override name = "TimeSyncNotAuthenticatedError";

  constructor() {
    super("Not authenticated: call authenticate() first or pass a token to the TimeSync constructor");
  }
}

/** Details of a TimeSync error answer, plus where it came from (URL already redacted). */
export interface TimeSyncErrorDetails {
  /** HTTP status (also the `status` member of the body). */
  status: number;
  /** The server's error name, e.g. `Object not found`. */
  error: string;
  /** The server's message. */
  text: string;
  /** Offending values the server listed, if any. */
  values?: unknown[];
  /** HTTP method of the request. */
  method: string;
  /** Request URL with the token masked. */
  url: string;
}

/**
 * The TimeSync server answered with its JSON error object `{status, error, text, values}`.
 * Subclasses name the error kind; unknown error names map by HTTP status, or to this class.
 */
export class TimeSyncApiError extends TimeSyncError {
  override name = "TimeSyncApiError";
  /** HTTP status. */
  readonly status: number;
  /** The server's error name (e.g. `Bad object`). */
  readonly error: string;
  /** The server's message. */
  readonly text: string;
  /** Offending values listed by the server (empty when none). */
  readonly values: unknown[];
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Redacted URL of the failed request. */
  readonly url: string;

  constructor(details: TimeSyncErrorDetails) {
    super(`${details.method} ${details.url} → ${details.status} ${details.error}: ${details.text}`);
    this.status = details.status;
    this.error = details.error;
    this.text = details.text;
    this.values = details.values ?? [];
    this.method = details.method;
    this.url = details.url;
  }
}

/** `Object not found` (404). */
export class TimeSyncNotFoundError extends TimeSyncApiError {
  override name = "TimeSyncNotFoundError";
}

/** `Bad object` (400): the server rejected the object sent. */
export class TimeSyncBadObjectError extends TimeSyncApiError {
  override name = "TimeSyncBadObjectError";
}

/** `The provided identifier was invalid` (400): a malformed slug, uuid or username in the path. */
export class TimeSyncInvalidIdentifierError extends TimeSyncApiError {
  override name = "TimeSyncInvalidIdentifierError";
}

/**
 * `Authentication failure` (401): missing credentials, wrong password, or `Bad API token`
 * (expired token, or the server restarted and forgot every token).
 */
export class TimeSyncAuthenticationError extends TimeSyncApiError {
  override name = "TimeSyncAuthenticationError";

  /** True when the server rejected the token itself (restart or expiry): logging in again helps. */
  get isBadToken(): boolean {
    return this.text === "Bad API token";
  }
}

/** `Authorization failure` (401): authenticated, but not allowed to do this. */
export class TimeSyncAuthorizationError extends TimeSyncApiError {
  override name = "TimeSyncAuthorizationError";
}

/** A conflict (409), e.g. `Invalid foreign key`; see the subclasses for duplicates. */
export class TimeSyncConflictError extends TimeSyncApiError {
  override name = "TimeSyncConflictError";
}

/** `The slug provided already exists` (409); `values` lists the slugs. */
export class TimeSyncSlugExistsError extends TimeSyncConflictError {
  override name = "TimeSyncSlugExistsError";
}

/** `Username already exists` (409). */
export class TimeSyncUsernameExistsError extends TimeSyncConflictError {
  override name = "TimeSyncUsernameExistsError";
}

/** `Method not allowed` (405), e.g. deleting a project that current times still reference. */
export class TimeSyncMethodNotAllowedError extends TimeSyncApiError {
  override name = "TimeSyncMethodNotAllowedError";
}

/** `Bad query value` (400, or 401 for a bad auth type): a filter the server refused. */
export class TimeSyncBadQueryError extends TimeSyncApiError {
  override name = "TimeSyncBadQueryError";
}

/** `Server error` (500) or any other 5xx TimeSync error object. */
export class TimeSyncServerError extends TimeSyncApiError {
  override name = "TimeSyncServerError";
}
