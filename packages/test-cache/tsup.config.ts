import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/msw.ts"],
  // CommonJS only: the ESM entry is a by-name re-export of it (scripts/build/after-tsup.mjs).
  format: ["cjs"],
  dts: true,
  // No source map: the bundle is not minified and keeps its names, so a stack trace reads as is,
  // and a map pointing at TypeScript files the tarball does not ship would add a fifth of its size.
  sourcemap: false,
  clean: true,
  target: "node20",
  platform: "node",
  // Error classes report their own names (esbuild would otherwise rename self-referring classes).
  keepNames: true,
  esbuildOptions(options) {
    // src/stages.ts reads `import.meta.url` only where `__dirname` is missing (vitest runs the ESM
    // source); in this CommonJS build `__dirname` is always there, so the empty import.meta is never read.
    options.logOverride = { ...options.logOverride, "empty-import-meta": "silent" };
  },
});
