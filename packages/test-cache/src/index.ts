// Public surface of @facility-sdk/test-cache. Each line re-exports one concern. The msw bridge has
// its own entry, `@facility-sdk/test-cache/msw`, so that msw (an optional peer) stays out of these types.
export * from "./clock.js";
export * from "./loopback.js";
export * from "./stages.js";
export * from "./replay-server.js";
export * from "./fake-timesync/index.js";
export * from "./faulty-server.js";
export * from "./fake-pumapi/index.js";
