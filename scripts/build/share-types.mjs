// After tsup: every dist/<entry>.d.ts becomes a one-line re-export of dist/<entry>.d.cts, which it
// duplicated byte for byte. ESM declarations may import CommonJS ones (not the other way round), so
// both `import` and `require` consumers keep full types while the package ships them once.
// Run from a package directory (its `build` script does): node ../../scripts/build/share-types.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = join(process.cwd(), "dist");
for (const file of readdirSync(dist).filter((f) => f.endsWith(".d.cts"))) {
  const entry = file.slice(0, -".d.cts".length);
  const esm = join(dist, `${entry}.d.ts`);
  if (!existsSync(esm)) continue;
  if (readFileSync(esm, "utf8") !== readFileSync(join(dist, file), "utf8")) throw new Error(`${esm} differs from ${file}: not sharing them`);
  writeFileSync(esm, `export * from "./${entry}.cjs";\n`);
}
