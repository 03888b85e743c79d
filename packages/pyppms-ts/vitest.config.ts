import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    env: { FACILITY_SDK_CACHE_MODE: "replay" },
  },
});
