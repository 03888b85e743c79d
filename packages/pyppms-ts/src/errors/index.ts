// Every error pyppms-ts throws, and the http-core errors it re-exports.
export * from "./family.js";
export * from "./argument.js";
export * from "./answer.js";
export * from "./format.js";
export * from "./http-core.js";
