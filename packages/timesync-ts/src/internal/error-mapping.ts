import {
  TimeSyncApiError,
  TimeSyncAuthenticationError,
  TimeSyncAuthorizationError,
  TimeSyncBadObjectError,
  TimeSyncBadQueryError,
  TimeSyncConflictError,
  type TimeSyncErrorDetails,
  TimeSyncInvalidIdentifierError,
  TimeSyncMethodNotAllowedError,
  TimeSyncNotFoundError,
  TimeSyncServerError,
  TimeSyncSlugExistsError,
  TimeSyncUsernameExistsError,
} from "../errors.js";

type ErrorClass = new (details: TimeSyncErrorDetails) => TimeSyncApiError;

// Error names exactly as the reference server emits them.
const BY_NAME: Record<string, ErrorClass> = {
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

/** The TimeSync error object in a parsed body, or undefined when the body is not one. */
export function readErrorBody(body: unknown): { status?: number; error: string; text: string; values?: unknown[] } | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const { status, error, text, values } = body as Record<string, unknown>;
  if (typeof error !== "string") return undefined;
  return {
    ...(typeof status === "number" ? { status } : {}),
    error,
    text: typeof text === "string" ? text : "",
    ...(Array.isArray(values) ? { values } : {}),
  };
}

/** Maps a TimeSync error body to its typed error class (by name, else by HTTP status). */
export function mapTimeSyncError(
  httpStatus: number,
  body: { status?: number; error: string; text: string; values?: unknown[] },
  request: { method: string; url: string },
): TimeSyncApiError {
  const Class = BY_NAME[body.error] ?? classForStatus(httpStatus);
  return new Class({
    status: httpStatus,
    error: body.error,
    text: body.text,
    ...(body.values !== undefined ? { values: body.values } : {}),
    method: request.method,
    url: request.url,
  });
}
