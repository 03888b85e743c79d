import {
  TimeSyncApiError,
  TimeSyncAuthenticationError,
  TimeSyncAuthorizationError,
  TimeSyncBadObjectError,
  TimeSyncBadQueryError,
  TimeSyncConflictError,
  TimeSyncInvalidIdentifierError,
  TimeSyncMethodNotAllowedError,
  TimeSyncNotFoundError,
  TimeSyncServerError,
  TimeSyncSlugExistsError,
  TimeSyncUsernameExistsError,
} from "../errors.js";
import type { WireError } from "../wire/json.js";
import type { AnswerContext } from "../wire/parse.js";

type ErrorClass = typeof TimeSyncApiError;

// Error names exactly as the reference server emits them.
const BY_NAME: Readonly<Record<string, ErrorClass>> = {
  "Object not found": TimeSyncNotFoundError,
  "Server error": TimeSyncServerError,
  "Invalid foreign key": TimeSyncConflictError,
  "Bad object": TimeSyncBadObjectError,
  "The provided identifier was invalid": TimeSyncInvalidIdentifierError,
  "Authentication failure": TimeSyncAuthenticationError,
  "The slug provided already exists": TimeSyncSlugExistsError,
  "Authorization failure": TimeSyncAuthorizationError,
  "Method not allowed": TimeSyncMethodNotAllowedError,
  "Bad query value": TimeSyncBadQueryError,
  "Username already exists": TimeSyncUsernameExistsError,
};

function classForStatus(status: number): ErrorClass {
  if (status === 404) return TimeSyncNotFoundError;
  if (status === 401) return TimeSyncAuthenticationError;
  if (status === 405) return TimeSyncMethodNotAllowedError;
  if (status === 409) return TimeSyncConflictError;
  if (status >= 500) return TimeSyncServerError;
  return TimeSyncApiError;
}

/** What an error answer is mapped with: the answer's context, or at least the request. */
export type ErrorContext = Pick<AnswerContext, "request"> & Partial<Omit<AnswerContext, "request" | "status">>;

/**
 * Maps a TimeSync error object to its typed error class (by error name, else by HTTP status), built
 * with the request, the body, the redactor and the operation: redacted when built.
 */
export function mapTimeSyncError(httpStatus: number, body: WireError, context: ErrorContext): TimeSyncApiError {
  const Class = BY_NAME[body.error] ?? classForStatus(httpStatus);
  return new Class({
    status: httpStatus,
    error: body.error,
    text: body.text,
    values: body.values,
    request: context.request,
    body: context.body,
    attempts: context.attempts,
    redactor: context.redactor,
    operation: context.operation,
  });
}
