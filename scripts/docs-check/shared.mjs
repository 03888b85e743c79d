// What the two docs checks (guides.mjs, examples.mjs) share: how code is compiled against the
// built packages, and which of its lines are imports to hoist.
import { join } from "node:path";
import ts from "typescript";

const root = new URL("../../", import.meta.url).pathname;

/** Compiler options for checking docs code against the built packages, as a user's project would. */
export const checkOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true, skipLibCheck: true, noEmit: true, types: ["node"], typeRoots: [join(root, "node_modules", "@types")], lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
};

/** Whether a line of a code block is a one-line `import … from "…"` (hoisted to the file's top). */
export const isImportLine = (line) => /^\s*import\s.*from\s+["'][^"']+["'];?\s*$/.test(line);
