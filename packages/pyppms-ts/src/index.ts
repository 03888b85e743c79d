// Public surface of pyppms-ts. Each line re-exports one concern.
export * from "./connection.js";
export * from "./connection-types.js";
export * from "./options.js";
export * from "./errors.js";
export * from "./user.js";
export * from "./system.js";
export * from "./booking.js";
export * from "./permissions.js";
export * from "./projects.js";
export * from "./csv.js";
export * from "./response-values.js";
export * from "./multiline-response.js";
export * from "./single-response.js";
export * from "./line-list.js";
export * from "./time.js";
export * from "./html-entities.js";
export * from "./user-experience.js";
