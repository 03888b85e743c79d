import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    // CommonJS only: the ESM entry is a by-name re-export of it (scripts/build/after-tsup.mjs).
    format: ["cjs"],
    dts: true,
    // No source map: the bundle is not minified and keeps its names, so a stack trace reads as is,
    // and a map pointing at TypeScript files the tarball does not ship would add a fifth of its size.
    sourcemap: false,
    // Everything but the CLI, which the second build writes at the same time.
    clean: ["!cli.cjs"],
    target: "node20",
    platform: "node",
    // Error classes report their own names (esbuild would otherwise rename self-referring classes).
    keepNames: true,
  },
  {
    // The `ppms` command. It loads the library's own build (not a second copy of it), so importing
    // the library never loads the CLI or its argument parser, and the tarball stays small.
    entry: { cli: "src/cli/main.ts" },
    format: ["cjs"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    // Minified: the CLI prints messages, never stack traces, and the tarball has a size budget.
    minify: true,
    banner: { js: "#!/usr/bin/env node" },
    esbuildPlugins: [
      {
        name: "library-as-external",
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: "./index.cjs", external: true }));
        },
      },
    ],
  },
]);
