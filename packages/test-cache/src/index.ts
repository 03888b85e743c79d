// Public surface of @facility-sdk/test-cache. Each line re-exports one concern.
export * from "./loopback.js";
export * from "./stages.js";
export * from "./replay-server.js";
export * from "./msw-bridge.js";
export * from "./fake-timesync/index.js";
