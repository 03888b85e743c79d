// Public surface of timesync-ts. Each block re-exports one layer; internals (wire conversions, the
// transport, the client state) are not exported.
export { TimeSync } from "./timesync.js";
export type { CallOptions, TimeSyncCredentials, TimeSyncOptions } from "./options.js";
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
export {
  type DayInput,
  type GetOneOptions,
  GetOneOptionsSchema,
  type ListOptions,
  ListOptionsSchema,
  type Patch,
  type Revisioned,
} from "./models/common.js";
export {
  type GetTimeOptions,
  GetTimeOptionsSchema,
  type Time,
  type TimeCreateInput,
  TimeCreateInputSchema,
  type TimeFilter,
  TimeFilterSchema,
  type TimeRevision,
  TimeRevisionSchema,
  TimeSchema,
  type TimeUpdateInput,
  TimeUpdateInputSchema,
} from "./models/time.js";
export {
  type Project,
  type ProjectCreateInput,
  ProjectCreateInputSchema,
  type ProjectFilter,
  ProjectFilterSchema,
  type ProjectRevision,
  ProjectRevisionSchema,
  type ProjectRole,
  type ProjectRoles,
  ProjectSchema,
  type ProjectUpdateInput,
  ProjectUpdateInputSchema,
} from "./models/project.js";
export {
  type Activity,
  type ActivityCreateInput,
  ActivityCreateInputSchema,
  type ActivityRevision,
  ActivityRevisionSchema,
  ActivitySchema,
  type ActivityUpdateInput,
  ActivityUpdateInputSchema,
  type DeletedActivity,
  ListedActivitySchema,
} from "./models/activity.js";
export {
  type User,
  type UserCreateInput,
  UserCreateInputSchema,
  type UserReadOptions,
  UserReadOptionsSchema,
  UserSchema,
  type UserUpdateInput,
  UserUpdateInputSchema,
} from "./models/user.js";
