/** The published packages (directories under packages/), in release order: dependencies first. */
export const RELEASE_ORDER = ["http-core", "test-cache", "pyppms-ts", "timesync-ts"];
