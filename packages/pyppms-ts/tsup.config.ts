import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  // Error classes report their own names (esbuild would otherwise rename self-referring classes).
  keepNames: true,
  // Maps point at the TypeScript in src/ (shipped) instead of embedding it in each of the two maps.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
});
