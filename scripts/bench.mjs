// Runs every benchmark (each package's bench/index.mjs, then scripts/bench/*.mjs) and prints their
// JSON-line figures as one table: value, target and whether it is met. Every ratio is against a
// baseline measured in the same run, so figures compare across machines. The results also go to
// bench-results.json (for comparing runs). `node scripts/bench.mjs http-core imports` runs a subset
// (`pyppms-ts-replay` is packages/pyppms-ts/bench/replay.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpus } from "node:os";

const root = new URL("..", import.meta.url).pathname;
const only = process.argv.slice(2);
const scripts = [
  ...readdirSync(join(root, "packages")).sort().map((pkg) => [pkg, join(root, "packages", pkg, "bench", "index.mjs")]),
  // A replayed public call against a bare file read, in a process of its own (no other bench's heap).
  ...readdirSync(join(root, "packages")).sort().map((pkg) => [`${pkg}-replay`, join(root, "packages", pkg, "bench", "replay.mjs")]),
  ...readdirSync(join(root, "scripts", "bench")).sort().map((f) => [f.replace(/\.mjs$/, ""), join(root, "scripts", "bench", f)]),
].filter(([name, path]) => existsSync(path) && (only.length === 0 || only.includes(name)));

/** Whether `value` meets a target written as `<= 1.5` or `>= 6`. */
export function meets(value, target) {
  const m = /^\s*(<=|>=)\s*([\d.]+)\s*$/.exec(target ?? "");
  if (!m) return undefined;
  return m[1] === "<=" ? value <= Number(m[2]) : value >= Number(m[2]);
}

const rows = [];
let failed = false;
for (const [name, script] of scripts) {
  process.stderr.write(`bench: ${name} …\n`);
  const run = spawnSync(process.execPath, [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], cwd: root });
  if (run.status !== 0) {
    failed = true;
    process.stderr.write(`bench: ${name} exited with ${run.status}\n`);
  }
  for (const line of run.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const row = { suite: name, ...JSON.parse(line) };
      row.met = meets(row.value, row.target);
      rows.push(row);
    } catch {
      process.stderr.write(`bench: ${name} printed a line that is not JSON: ${line}\n`);
    }
  }
}

const fmt = (v) => (typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : String(v));
const mark = (met) => (met === undefined ? "" : met ? "✓ met" : "✗ NOT met");
console.table(rows.map((r) => ({ suite: r.suite, bench: r.bench, value: `${fmt(r.value)} ${r.unit}`, target: r.target ?? "", "": mark(r.met), note: r.note ?? "" })));
const out = join(root, "bench-results.json");
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows }, null, 2)}\n`);
process.stderr.write(`bench: results written to ${out}\n`);
if (failed) process.exit(1);
