// Public surface of pyppms-ts, by layer: the connection and its resource families, options and
// types, errors, the models, the client-level cache key, and the standalone wire parsers.
export * from "./connection.js";
export * from "./options.js";
// The http-core option types PpmsConnectionOptions builds on (as timesync-ts re-exports them).
export type { CacheOption, CacheConfig, TransportOptions } from "@facility-sdk/http-core";
export * from "./types.js";
export * from "./errors/index.js";

export { PpmsUsersApi, type GetUsersOptions, type UpdateUsersOptions, type GetUsersEmailsOptions } from "./resources/users.js";
export { PpmsGroupsApi } from "./resources/groups.js";
export { PpmsSystemsApi } from "./resources/systems.js";
export { PpmsRightsApi } from "./resources/rights.js";
export { PpmsBookingsApi } from "./resources/bookings.js";
export { PpmsExperienceApi, type UserExperienceOptions } from "./resources/experience.js";
export { PpmsProjectsApi } from "./resources/projects.js";
export { PpmsBillingApi } from "./resources/billing.js";
export { PpmsIncidentsApi } from "./resources/incidents.js";

export * from "./models/user.js";
export * from "./models/system.js";
export * from "./models/booking.js";
export * from "./models/permissions.js";
export * from "./models/projects.js";
export * from "./models/user-experience.js";
export * from "./models/time.js";

export { pumapiFormKey, type PumapiFormKeyOptions } from "./client/cache-key.js";
export { PUMAPI_SECRET_FIELDS } from "./client/secrets.js";

export * from "./wire/csv.js";
export * from "./wire/parse-options.js";
export type { ResponseValue, ResponseRecord } from "./wire/response-value.js";
export * from "./wire/response-values.js";
export * from "./wire/multiline-response.js";
export * from "./wire/single-response.js";
export * from "./wire/line-list.js";
export * from "./wire/rights-lines.js";
export * from "./wire/html-entities.js";
