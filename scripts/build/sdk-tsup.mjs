// The tsup builds of an SDK package (pyppms-ts, timesync-ts): the library and its command, written
// once. Each package's tsup.config.ts is `export default sdkBuilds();`.

/** The two builds: dist/index.cjs (+ .d.cts) and dist/cli.cjs. */
export function sdkBuilds() {
  return [
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
      // Error names come from the class names: keep them as written (esbuild would otherwise rename
      // self-referring classes).
      keepNames: true,
    },
    {
      // The command. It loads the library's own build (not a second copy of it), so importing the
      // library never loads the CLI or its argument parser; @facility-sdk/cli-kit (a devDependency)
      // is bundled in, the runtime dependencies stay external.
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
  ];
}
