// Public surface of the fake TimeSync server (re-exported by the package root).
export { FakeTimeSync, createFakeTimeSync, bcryptHash2a } from "./fake-timesync.js";
export type { FakeRequest, FakeAdminCredentials } from "./fake-timesync.js";
export { startFakeTimeSync } from "./server.js";
export type { RunningFakeTimeSync } from "./server.js";
export { FakeTimeSyncStore } from "./store.js";
export type { FakeResponse } from "./wire-errors.js";
export type {
  FakeActivityRecord,
  FakeActivitySeed,
  FakeProjectRecord,
  FakeProjectRoles,
  FakeProjectSeed,
  FakeRecordMeta,
  FakeRequestLogEntry,
  FakeTimeRecord,
  FakeTimeSeed,
  FakeTimeSyncOptions,
  FakeUserRecord,
  FakeUserSeed,
  FakeVersioned,
} from "./types.js";
