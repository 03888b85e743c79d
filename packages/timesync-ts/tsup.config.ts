import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  // CommonJS only: the ESM entry is a by-name re-export of it (scripts/build/after-tsup.mjs).
  format: ["cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  // Error names come from the class names (`new.target.name`): keep them as written.
  keepNames: true,
});
