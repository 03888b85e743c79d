// Cold ESM import of each SDK against importing undici alone, in the same run: each figure is the
// median wall time of a fresh `node` process minus that of an empty one, measured in turns
// (empty, undici, SDK, …) so drift hits all alike. Target: an SDK costs no more than undici alone,
// i.e. nothing heavy loads before it is needed. Prints JSON lines (see scripts/bench.mjs).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = new URL("../../", import.meta.url);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 15);
const undiciEntry = createRequire(new URL("packages/http-core/package.json", root)).resolve("undici");
// The ESM entry, as `import` resolves it from the repo root (require would pick the CJS build).
const entry = (pkg) => import.meta.resolve(pkg, new URL("package.json", root).href);

const cases = {
  empty: "",
  undici: `await import(${JSON.stringify(pathToFileURL(undiciEntry).href)});`,
  "pyppms-ts": `await import(${JSON.stringify(entry("pyppms-ts"))});`,
  "timesync-ts": `await import(${JSON.stringify(entry("timesync-ts"))});`,
};

function once(code) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const code of Object.values(cases)) once(code); // warm the file cache
for (let r = 0; r < ROUNDS; r++) for (const [name, code] of Object.entries(cases)) times[name].push(once(code));
const base = median(times.empty);
const undici = median(times.undici) - base;
for (const sdk of ["pyppms-ts", "timesync-ts"]) {
  const own = median(times[sdk]) - base;
  console.log(JSON.stringify({ bench: `cold import ${sdk} / import undici`, value: own / undici, unit: "x", target: "<= 1", note: `${own.toFixed(0)} ms vs ${undici.toFixed(0)} ms over an empty node (${base.toFixed(0)} ms); median of ${ROUNDS}` }));
}
