import { defineConfig } from "tsup";

// ESM for the SDKs' tests and type checks; each SDK's CLI build bundles this package (a
// devDependency there), so nothing of it is installed on its own.
export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: false,
  clean: true,
  target: "node20",
  platform: "node",
});
