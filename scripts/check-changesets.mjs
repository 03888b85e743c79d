// CI check: a change to a package's src/ since the base ref must be covered by a pending changeset naming it.
// Base: env BASE_REF, else origin/main when it exists, else the previous commit. No base → pass.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? process.cwd();
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

const base = process.env.BASE_REF ?? (tryGit("rev-parse", "--verify", "origin/main") ? "origin/main" : tryGit("rev-parse", "--verify", "HEAD~1") ? "HEAD~1" : undefined);
if (base === undefined) {
  console.log("check-changesets: no base commit to compare with; nothing to check");
  process.exit(0);
}

const changed = git("diff", "--name-only", `${base}...HEAD`).split("\n").filter(Boolean);
// Package directory → package name, read from each package.json.
const packages = new Map();
for (const dir of readdirSync(join(root, "packages"))) {
  const manifest = join(root, "packages", dir, "package.json");
  if (existsSync(manifest)) packages.set(dir, JSON.parse(readFileSync(manifest, "utf8")).name);
}
const touched = new Set(changed.map((f) => /^packages\/([^/]+)\/src\//.exec(f)?.[1]).filter((d) => d && packages.has(d)).map((d) => packages.get(d)));

// Packages named by the pending changesets (those not yet consumed by `changeset version`): a change
// since the base is covered when one of them names its package.
const named = new Set();
for (const file of readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, ".changeset", file), "utf8"))?.[1] ?? "";
  for (const m of front.matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/gm)) named.add(m[1].trim());
}

const missing = [...touched].filter((p) => !named.has(p));
if (missing.length > 0) {
  console.error(`check-changesets: source changed without a changeset for: ${missing.join(", ")} (base ${base}). Run \`pnpm changeset\`.`);
  process.exit(1);
}
console.log(`check-changesets: ok (base ${base}; packages changed: ${[...touched].join(", ") || "none"})`);
