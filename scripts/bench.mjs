// Runs every package's bench/index.mjs in turn and prints their JSON-line figures as one table.
// Each bench measures ratios against a baseline in the same run, so figures compare across machines.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const only = process.argv.slice(2);
const rows = [];
let failed = false;

for (const pkg of readdirSync(join(root, "packages")).sort()) {
  if (only.length > 0 && !only.includes(pkg)) continue;
  const script = join(root, "packages", pkg, "bench", "index.mjs");
  if (!existsSync(script)) continue;
  process.stderr.write(`bench: ${pkg} …\n`);
  const run = spawnSync(process.execPath, [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) {
    failed = true;
    process.stderr.write(`bench: ${pkg} exited with ${run.status}\n`);
  }
  for (const line of run.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      rows.push({ package: pkg, ...JSON.parse(line) });
    } catch {
      process.stderr.write(`bench: ${pkg} printed a line that is not JSON: ${line}\n`);
    }
  }
}

const fmt = (v) => (typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : String(v));
console.table(rows.map((r) => ({ package: r.package, bench: r.bench, value: fmt(r.value), unit: r.unit, note: r.note ?? "" })));
if (failed) process.exit(1);
