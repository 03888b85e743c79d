/**
 * The one error tree of the facility SDKs. Every error http-core, pyppms-ts or timesync-ts throws is a
 * {@link FacilitySdkError}; errors about a request are {@link HttpCoreError}s, built with a
 * {@link Redactor} so that secrets are masked in the constructor, before anything can read them.
 */
export type { RedactedRequest } from "./redactor.js";
export * from "./errors/base.js";
export * from "./errors/status.js";
export * from "./errors/transport.js";
export { CacheIoError, type CacheIoErrorOptions, type CacheIoOperation } from "./errors/cache.js";
