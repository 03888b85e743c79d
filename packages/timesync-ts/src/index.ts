// Public surface of timesync-ts. Each line re-exports one concern.
export { TimeSync, type ProjectRole } from "./client.js";
export type { TimeSyncOptions, TimeSyncCredentials } from "./options.js";
export * from "./errors.js";
export { TimeSyncResponseError } from "./response-error.js";
export { parseDuration, formatDuration } from "./durations.js";
export { decodeTimeSyncToken, type TimeSyncTokenClaims } from "./token.js";
export { timeSyncCacheKey } from "./cache-key.js";
export * from "./models.js";
export * from "./inputs.js";
