// The guides cannot rot: every ```ts block of docs/*.md and docs/guides/*.md is type-checked against
// the built packages, and each page's blocks, joined in order, run as one program against the fake
// servers (offline). A block whose first line is `// not run: <why>` is type-checked but not run
// (e.g. one that needs a live server). Usage: node scripts/docs-check/guides.mjs (packages built).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";

const root = new URL("../../", import.meta.url).pathname;
const pages = ["docs", "docs/guides"].flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => f.endsWith(".md")).map((f) => join(root, d, f)) : [],
);
const out = join(root, ".tmp", "guides");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module", private: true }));

const programs = [];
for (const page of pages) {
  const blocks = [...readFileSync(page, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length === 0) continue;
  const name = basename(page, ".md");
  const imports = new Set();
  const typed = [];
  const run = [];
  for (const block of blocks) {
    const lines = block.split("\n").filter((line) => {
      if (/^\s*import\s.*from\s+["'][^"']+["'];?\s*$/.test(line)) {
        imports.add(line.trim());
        return false;
      }
      return true;
    });
    // Each block in a scope of its own for the type check; in order, at top level, for the run.
    typed.push(`{\n${lines.join("\n")}\n}`);
    if (!/^\s*\/\/ not run/.test(block)) run.push(lines.join("\n"));
  }
  const head = [...imports].join("\n");
  writeFileSync(join(out, `${name}.check.ts`), `${head}\nexport {};\n${typed.join("\n")}\n`);
  writeFileSync(join(out, `${name}.ts`), `${head}\nexport {};\n${run.join("\n")}\n`);
  programs.push({ page, name, blocks: blocks.length });
}

const options = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true, skipLibCheck: true, noEmit: true, types: ["node"], typeRoots: [join(root, "node_modules", "@types")], lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
};
const files = programs.flatMap((p) => [join(out, `${p.name}.check.ts`), join(out, `${p.name}.ts`)]);
const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, options)).filter((d) => d.file && files.includes(d.file.fileName));
for (const d of diagnostics) {
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  console.log(`guide type error ${basename(d.file.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
let failed = diagnostics.length > 0;

for (const p of programs) {
  const source = readFileSync(join(out, `${p.name}.ts`), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(out, `${p.name}.mjs`);
  writeFileSync(file, js);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [file], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, FACILITY_SDK_CACHE_MODE: "" } });
  const ok = r.status === 0;
  if (!ok) failed = true;
  console.log(`${ok ? "ok  " : "FAIL"}  ${p.page.slice(root.length)}: ${p.blocks} block(s) run in ${Date.now() - t0} ms`);
  if (!ok) console.log(`${r.stdout}\n${r.stderr}`.trim().split("\n").slice(-30).join("\n"));
}
console.log(`guides: ${programs.length} page(s) checked, ${diagnostics.length} type error(s)`);
process.exit(failed ? 1 : 0);
