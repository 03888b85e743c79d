// The docs' examples cannot rot:
// 1. counts, per package, the exported classes, functions and methods without an `@example`
//    (printed for all four packages; the two SDKs must have none);
// 2. extracts every `@example` code block of every package and type-checks it against the built
//    packages, each example in a scope of its own, with a short prelude of the names examples use
//    freely (`ppms`, `ts`, `client`, `apiKey`, …).
// Usage: node scripts/docs-check/examples.mjs   (the packages must be built)
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { checkOptions, isImportLine } from "./shared.mjs";

const root = new URL("../../", import.meta.url).pathname;
const packages = {
  "@facility-sdk/http-core": { dir: "http-core", mustBeComplete: false },
  "@facility-sdk/test-cache": { dir: "test-cache", mustBeComplete: false },
  "pyppms-ts": { dir: "pyppms-ts", mustBeComplete: true },
  "timesync-ts": { dir: "timesync-ts", mustBeComplete: true },
};
// Names an example may use without defining them: the objects a reader has from the guides.
const PRELUDE = `
declare const ppms: import("pyppms-ts").PpmsConnection;
declare const ts: import("timesync-ts").TimeSync;
declare const client: import("@facility-sdk/http-core").HttpClient;
declare const apiKey: string;
declare const baseUrl: string;
declare const url: string;
declare const signal: AbortSignal;
declare const logins: string[];
declare const fake: import("@facility-sdk/test-cache").RunningFakeTimeSync;
declare function expect(value: unknown): any;
`;

const program = ts.createProgram(
  Object.values(packages).map((p) => join(root, "packages", p.dir, "src", "index.ts")),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true },
);
const checker = program.getTypeChecker();
// An overloaded function or method is documented on its overload signatures: they count with it.
const withOverloads = (node) => {
  const siblings = ts.isMethodDeclaration(node) ? node.parent.members : ts.isFunctionDeclaration(node) ? node.parent.statements : [node];
  const name = node.name?.getText();
  return siblings.filter((n) => n === node || (n.kind === node.kind && n.name?.getText() === name && !n.body));
};
const tagsOf = (node) => withOverloads(node).flatMap((n) => ts.getJSDocTags(n));
const hasExample = (node) => tagsOf(node).some((t) => t.tagName.text === "example");
const exampleTexts = (node) =>
  tagsOf(node).filter((t) => t.tagName.text === "example").map((t) => (typeof t.comment === "string" ? t.comment : ts.getTextOfJSDocComment(t.comment) ?? ""));

let failed = false;
const extracted = [];
for (const [name, pkg] of Object.entries(packages)) {
  const file = program.getSourceFile(join(root, "packages", pkg.dir, "src", "index.ts"));
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const missing = [];
  let total = 0;
  const seen = new Set();
  const consider = (label, node, where) => {
    if (seen.has(node)) return;
    seen.add(node);
    total++;
    for (const text of exampleTexts(node)) for (const code of fences(text)) extracted.push({ pkg: name, label, code, where });
    if (!hasExample(node)) missing.push(label);
  };
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const decl of symbol.declarations ?? []) {
      // A re-export of another package's symbol is counted (and documented) where it is declared.
      if (!decl.getSourceFile().fileName.startsWith(join(root, "packages", pkg.dir, "src"))) continue;
      const where = `${relative(root, decl.getSourceFile().fileName)}:${decl.getSourceFile().getLineAndCharacterOfPosition(decl.getStart()).line + 1}`;
      if (ts.isFunctionDeclaration(decl) && decl.body) consider(`${exported.name}()`, decl, where);
      if (ts.isClassDeclaration(decl)) {
        consider(exported.name, decl, where);
        for (const member of decl.members) {
          const flags = ts.getCombinedModifierFlags(member);
          const isPublicMethod =
            ts.isMethodDeclaration(member) && member.body && !ts.isPrivateIdentifier(member.name) && !ts.isComputedPropertyName(member.name) && !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
          if (isPublicMethod && ts.getJSDocTags(member).every((t) => t.tagName.text !== "internal")) {
            const line = decl.getSourceFile().getLineAndCharacterOfPosition(member.getStart()).line + 1;
            consider(`${exported.name}.${member.name.getText()}()`, member, `${relative(root, decl.getSourceFile().fileName)}:${line}`);
          }
        }
      }
    }
  }
  console.log(`${name}: ${missing.length} of ${total} exported classes, functions and methods without @example`);
  if (missing.length > 0) console.log(`  ${missing.join(", ")}`);
  if (pkg.mustBeComplete && missing.length > 0) failed = true;
}

function fences(text) {
  return [...text.matchAll(/```(?:ts|typescript)?\s*\n([\s\S]*?)```/g)].map((m) => m[1]);
}

// Type-check: one module, every example in its own async function; its imports hoisted.
const out = join(root, ".tmp", "examples");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const imports = new Set();
const bodies = extracted.map((ex, i) => {
  const lines = ex.code.split("\n").filter((line) => {
    if (isImportLine(line)) {
      imports.add(line.trim().replace(/;?$/, ";"));
      return false;
    }
    return true;
  });
  return `// ${ex.pkg} ${ex.label} (${ex.where})\nexport async function example${i}(): Promise<void> {\n${lines.join("\n")}\n}\n`;
});
const names = new Map();
for (const line of imports) {
  const m = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/.exec(line);
  if (m) for (const n of m[2].split(",").map((s) => s.trim()).filter(Boolean)) names.set(n, m[3]);
}
const merged = new Map();
for (const [n, from] of names) merged.set(from, [...(merged.get(from) ?? []), n]);
const header = [...merged].map(([from, ns]) => `import { ${[...new Set(ns)].join(", ")} } from "${from}";`);
for (const line of imports) if (!/^import\s+(type\s+)?\{/.test(line)) header.push(line);
// Every export of the four packages is in scope, as if imported where the example stands.
for (const [name] of Object.entries(packages)) {
  const file = program.getSourceFile(join(root, "packages", packages[name].dir, "src", "index.ts"));
  const all = checker.getExportsOfModule(checker.getSymbolAtLocation(file)).map((s) => s.name).filter((n) => ![...names.keys()].includes(n));
  const taken = new Set(header.join("\n").match(/\b\w+\b/g));
  const free = all.filter((n) => !taken.has(n));
  if (free.length > 0) header.push(`import { ${free.join(", ")} } from "${name}";`);
}
const source = `${header.join("\n")}\n${PRELUDE}\n${bodies.join("\n")}`;
const sourceFile = join(out, "examples.ts");
writeFileSync(sourceFile, source);
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module", private: true }));
const check = ts.createProgram([sourceFile], checkOptions);
const diagnostics = ts.getPreEmitDiagnostics(check).filter((d) => d.file?.fileName === sourceFile);
for (const d of diagnostics) {
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const origin = source.split("\n").slice(0, line + 1).reverse().find((l) => l.startsWith("// "));
  console.log(`example error ${origin?.slice(3) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
console.log(`examples: ${extracted.length} code blocks type-checked, ${diagnostics.length} error(s)`);
if (diagnostics.length > 0) failed = true;
process.exit(failed ? 1 : 0);
