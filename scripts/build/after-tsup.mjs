// After tsup (which builds CommonJS only): one implementation serves `import` and `require`.
// - dist/<entry>.js, the ESM entry, re-exports dist/<entry>.cjs by name: half the code ships, and
//   `instanceof` holds across both module systems (no dual-package hazard).
// - dist/<entry>.d.ts re-exports dist/<entry>.d.cts (ESM declarations may import CommonJS ones).
// Run from a package directory (its `build` script does): node ../../scripts/build/after-tsup.mjs
import { readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const dist = join(process.cwd(), "dist");
const require = createRequire(join(dist, "noop.cjs"));
for (const file of readdirSync(dist).filter((f) => f.endsWith(".cjs"))) {
  const entry = file.slice(0, -".cjs".length);
  const names = Object.keys(require(`./${file}`)).filter((n) => n !== "__esModule" && n !== "default");
  if (names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n))) throw new Error(`${file}: an export name is not an identifier`);
  writeFileSync(join(dist, `${entry}.js`), `import cjs from "./${file}";\n\nexport const {\n${names.map((n) => `  ${n},`).join("\n")}\n} = cjs;\n`);
  writeFileSync(join(dist, `${entry}.d.ts`), `export * from "./${entry}.cjs";\n`);
}
