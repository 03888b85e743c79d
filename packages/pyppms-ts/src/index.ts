// Public surface of pyppms-ts, by layer: the connection and its resource families, options and
// types, errors, the models, the client-level cache key, and the standalone wire parsers.
export * from "./connection.js";
export * from "./options.js";
// The http-core option types PpmsConnectionOptions builds on (as timesync-ts re-exports them).
export type { CacheOption, CacheConfig, TransportOptions } from "@facility-sdk/http-core";
export * from "./types.js";
export * from "./errors/index.js";

export { PpmsUsersApi } from "./resources/users.js";
export { PpmsAuthApi, type CheckUserPasswordOptions } from "./resources/auth.js";
export { PpmsGroupsApi, type GetGroupsOptions, type GetGroupUsersOptions } from "./resources/groups.js";
export { PpmsSystemsApi, type GetSystemsOptions } from "./resources/systems.js";
export { PpmsRightsApi } from "./resources/rights.js";
export { PpmsBookingsApi } from "./resources/bookings.js";
export { PpmsExperienceApi, type UserExperienceOptions } from "./resources/experience.js";
export { PpmsProjectsApi, type GetProjectsOptions } from "./resources/projects.js";
export { PpmsBillingApi, type GetValidBcodesOptions, type AddValidBcodeOptions } from "./resources/billing.js";
export { PpmsIncidentsApi } from "./resources/incidents.js";
export { PpmsOrdersApi, type CoreFilterOptions, type NewOrderFields } from "./resources/orders.js";
export { PpmsInvoicesApi, type InvoiceListOptions, type InvoiceTrackingFilter, type InvoiceDetailsOptions, type InvoiceTrackingOptions } from "./resources/invoices.js";
export { PpmsSamplesApi } from "./resources/samples.js";
export { PpmsAccountsApi, type Api2Options, type GetAccountsOptions } from "./resources/accounts.js";
export { PpmsApi2Api, type Api2Params } from "./resources/api2.js";

export * from "./models/user.js";
export * from "./models/group.js";
export * from "./models/project.js";
export * from "./models/system.js";
export * from "./models/booking.js";
export * from "./models/permissions.js";
export * from "./models/projects.js";
export * from "./models/user-experience.js";
export * from "./models/time.js";
export * from "./models/orders.js";
export * from "./models/invoices.js";
export * from "./models/samples.js";
export * from "./models/accounts.js";
export * from "./models/project-members.js";
export * from "./models/api2-lists.js";

export { pumapiFormKey, type PumapiFormKeyOptions } from "./client/cache-key.js";
export { PUMAPI_SECRET_FIELDS } from "./client/secrets.js";
export { SYSTEM_AUTH_ACTIONS } from "./client/auth.js";

export * from "./wire/csv.js";
export * from "./wire/parse-options.js";
export type { ResponseValue, ResponseRecord } from "./wire/response-value.js";
export * from "./wire/response-values.js";
export * from "./wire/multiline-response.js";
export * from "./wire/single-response.js";
export * from "./wire/line-list.js";
export * from "./wire/rights-lines.js";
export * from "./wire/html-entities.js";
export * from "./wire/json-records.js";
export * from "./wire/table.js";
