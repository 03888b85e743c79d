// Checks the shape rules of the packages' source: no file over 400 lines, and no import cycle between
// files of one package, type-only imports included. Exits non-zero with each offence on its own line.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const MAX_LINES = 400;
const problems = [];

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Relative imports of a file (import, import type, export … from, dynamic import of a literal). */
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g), ...text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")));
}

for (const pkg of readdirSync(join(root, "packages"))) {
  const src = join(root, "packages", pkg, "src");
  let files;
  try {
    files = sources(src);
  } catch {
    continue;
  }
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
  for (const f of files) {
    const lines = readFileSync(f, "utf8").split("\n").length;
    if (lines > MAX_LINES) problems.push(`too long: ${relative(root, f)} has ${lines} lines (at most ${MAX_LINES})`);
  }
  // Depth-first search for back edges; each cycle is reported once, by its smallest rotation.
  const state = new Map();
  const stack = [];
  const seen = new Set();
  const visit = (f) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === "open") {
        const cycle = stack.slice(stack.indexOf(t)).map((x) => relative(src, x));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const text = [...cycle.slice(start), ...cycle.slice(0, start)].join(" → ");
        if (!seen.has(text)) {
          seen.add(text);
          problems.push(`import cycle in ${pkg}: ${text} → ${cycle[start]}`);
        }
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of files) if (!state.has(f)) visit(f);
}

for (const p of problems) console.log(p);
console.log(problems.length === 0 ? "check-structure: ok (no file over 400 lines, no import cycles)" : `check-structure: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
