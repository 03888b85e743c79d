// Public surface of @facility-sdk/http-core. Each line re-exports one concern.
export * from "./errors.js";
export * from "./redactor.js";
export * from "./logger.js";
export * from "./retry.js";
export * from "./options.js";
export * from "./client.js";
export * from "./not-recorded.js";
export * from "./concurrency.js";
export * from "./cache/keys.js";
export * from "./cache/modes.js";
export * from "./cache/record-replay-cache.js";
export type { FieldValue } from "./internal/encode.js";
export * from "./install-methods.js";
export * from "./option-keys.js";
