// Public surface of timesync-ts. Each block re-exports one layer; internals (wire conversions, the
// zod schemas, the transport, the client state) are not exported. Nothing here loads zod: the schemas
// are loaded on the first call that validates or parses (src/client/schemas.ts).
export { TimeSync } from "./timesync.js";
export type { CallOptions, TimeSyncCredentials, TimeSyncOptions } from "./options.js";
export { checkTimeSyncCredentials, checkTimeSyncOptions } from "./options.js";
export { type ListedActivities, TimeSyncActivitiesApi } from "./resources/activities.js";
export { TimeSyncProjectsApi } from "./resources/projects.js";
export { TimeSyncTimesApi } from "./resources/times.js";
export { TimeSyncUsersApi } from "./resources/users.js";

export * from "./errors.js";
// The http-core errors a TimeSync caller must be able to catch, from one import.
export {
  CacheMissError,
  FacilitySdkError,
  HttpAbortError,
  HttpClientError,
  HttpConnectionError,
  HttpCoreError,
  HttpNotFoundError,
  HttpRateLimitError,
  HttpServerError,
  HttpStatusError,
  HttpTimeoutError,
  InvalidArgumentError,
  ResponseDecodeError,
  ResponseParseError,
  ResponseTooLargeError,
} from "@facility-sdk/http-core";

export { timeSyncCacheKey } from "./client/cache-key.js";
export { decodeTimeSyncToken, type TimeSyncTokenClaims } from "./client/token.js";

export { formatDuration, parseDuration } from "./models/duration.js";
// The model types. The zod schemas behind them are internal (src/schemas/, loaded on first use).
export type { DayInput, GetOneOptions, ListOptions, Patch, Revisioned } from "./models/common.js";
export type { GetTimeOptions, Time, TimeCreateInput, TimeFilter, TimeRevision, TimeUpdateInput } from "./models/time.js";
export type { Project, ProjectCreateInput, ProjectFilter, ProjectRevision, ProjectRole, ProjectRoles, ProjectUpdateInput } from "./models/project.js";
export type { Activity, ActivityCreateInput, ActivityRevision, ActivityUpdateInput, DeletedActivity } from "./models/activity.js";
export type { User, UserCreateInput, UserReadOptions, UserUpdateInput } from "./models/user.js";
