// Public surface of @facility-sdk/test-cache. Each line re-exports one concern.
export * from "./fake-timesync/index.js";
