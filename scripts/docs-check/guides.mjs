// The guides cannot rot: every ```ts block of docs/*.md and docs/guides/*.md is type-checked against
// the built packages, and each page's blocks, joined in order, run as one program against the fake
// servers (offline). A block whose first line is `// not run: <why>` is type-checked but not run
// (e.g. one that needs a live server). Each block is type-checked where it stands, as the reader
// reads it: after the page's earlier blocks, so a block may use what an earlier one set up (as the run
// does); a `// not run` block is checked in a scope of its own, so it may declare names again (the
// live form of a client the page runs against a fake). Imports are hoisted to the top of the page's
// program. Errors name the page and line. Each page runs twice, as the two kinds of project a reader
// may paste it into: an ES module project (`"type": "module"`: imports and top-level await as written)
// and a CommonJS project as `npm init -y` makes it (no `"type"`: the imports compiled to `require`, the
// code in an async function, as the guides' "ESM or CommonJS" section tells readers to write it).
// Usage: node scripts/docs-check/guides.mjs (packages built).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";
import { checkOptions, isImportLine } from "./shared.mjs";

const root = new URL("../../", import.meta.url).pathname;
const pages = ["docs", "docs/guides"].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => f.endsWith(".md")).map((f) => join(root, d, f)) : [],
);
const out = join(root, ".tmp", "guides");
const outCjs = join(root, ".tmp", "guides-cjs");
for (const dir of [out, outCjs]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module", private: true }));
// What `npm init -y` writes: no "type", so .js files are CommonJS.
writeFileSync(join(outCjs, "package.json"), JSON.stringify({ name: "guides-cjs", version: "1.0.0", main: "index.js", license: "ISC" }, null, 2));

const programs = [];
const lineMap = new Map(); // check file → [line of the check file (0-based) → "page:line"]
for (const page of pages) {
  const text = readFileSync(page, "utf8");
  const found = [...text.matchAll(/```ts\n([\s\S]*?)```/g)];
  if (found.length === 0) continue;
  const name = basename(page, ".md");
  const where = page.slice(root.length);
  const imports = new Set();
  const checked = [];
  const checkedFrom = []; // per line of `checked`: "page:line" or undefined
  const run = [];
  const push = (line, origin) => {
    checked.push(line);
    checkedFrom.push(origin);
  };
  for (const match of found) {
    const block = match[1];
    const firstLine = text.slice(0, match.index).split("\n").length + 1; // the block's first code line
    // Import lines are hoisted; they leave a blank line, so line numbers still match the page.
    const lines = block.replace(/\n$/, "").split("\n").map((line) => {
      if (isImportLine(line)) {
        imports.add(line.trim());
        return "";
      }
      return line;
    });
    const notRun = /^\s*\/\/ not run/.test(block);
    if (notRun) push("{", undefined);
    lines.forEach((line, i) => push(line, `${where}:${firstLine + i}`));
    if (notRun) push("}", undefined);
    else run.push(lines.join("\n"));
  }
  const head = [...imports, "export {};"];
  writeFileSync(join(out, `${name}.check.ts`), `${head.join("\n")}\n${checked.join("\n")}\n`);
  writeFileSync(join(out, `${name}.ts`), `${head.join("\n")}\n${run.join("\n")}\n`);
  // CommonJS: the same imports (compiled to require) and the code in an async function, awaited.
  const main = `async function main(): Promise<void> {\n${run.join("\n")}\n}\nmain().catch((error: unknown) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
  writeFileSync(join(outCjs, `${name}.ts`), `${[...imports].join("\n")}\n${main}`);
  lineMap.set(join(out, `${name}.check.ts`), [...head.map(() => `${where} (imports)`), ...checkedFrom]);
  // A ```js block that starts `// index.js in a CommonJS project` is the page's CommonJS form: run as is.
  const cjsBlocks = [...text.matchAll(/```js\n(\/\/ index\.js in a CommonJS project[\s\S]*?)```/g)].map((m) => m[1]);
  cjsBlocks.forEach((code, i) => writeFileSync(join(outCjs, `${name}.commonjs-${i}.js`), code));
  programs.push({ page, name, blocks: found.length, cjsBlocks: cjsBlocks.length });
}

// The check files hold every block (the run files only the run blocks, in the same order and scope).
const files = programs.map((p) => join(out, `${p.name}.check.ts`));
const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, checkOptions)).filter((d) => d.file && files.includes(d.file.fileName));
for (const d of diagnostics) {
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const origin = lineMap.get(d.file.fileName)?.[line] ?? `${basename(d.file.fileName)}:${line + 1}`;
  console.log(`guide type error ${origin}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
let failed = diagnostics.length > 0;

const kinds = [
  { label: "ESM", dir: out, ext: ".mjs", module: ts.ModuleKind.ESNext },
  { label: "CommonJS", dir: outCjs, ext: ".js", module: ts.ModuleKind.CommonJS },
];

/** Runs one generated script with node (no cache mode from the caller's environment), prints ok/FAIL and, on failure, its last lines. */
function runAndReport(file, cwd, timeout, label) {
  const r = spawnSync(process.execPath, [file], { cwd, encoding: "utf8", timeout, env: { ...process.env, FACILITY_SDK_CACHE_MODE: "" } });
  const ok = r.status === 0;
  if (!ok) failed = true;
  console.log(`${ok ? "ok  " : "FAIL"}  ${label()}`);
  if (!ok) console.log(`${r.stdout}\n${r.stderr}`.trim().split("\n").slice(-30).join("\n"));
}

for (const p of programs) {
  for (const kind of kinds) {
    const source = readFileSync(join(kind.dir, `${p.name}.ts`), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: kind.module, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    const file = join(kind.dir, `${p.name}${kind.ext}`);
    writeFileSync(file, js);
    const t0 = Date.now();
    runAndReport(file, kind.dir, 120_000, () => `${p.page.slice(root.length)} (${kind.label}): ${p.blocks} block(s) run in ${Date.now() - t0} ms`);
  }
  for (let i = 0; i < p.cjsBlocks; i++) {
    runAndReport(join(outCjs, `${p.name}.commonjs-${i}.js`), outCjs, 60_000, () => `${p.page.slice(root.length)}: its CommonJS example (js block ${i + 1}) run as written`);
  }
}
console.log(`guides: ${programs.length} page(s) checked, ${diagnostics.length} type error(s)`);
process.exit(failed ? 1 : 0);
