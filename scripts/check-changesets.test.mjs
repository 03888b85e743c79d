// node --test scripts/check-changesets.test.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

const script = new URL("./check-changesets.mjs", import.meta.url).pathname;

function repo() {
  const dir = mkdtempSync(join(tmpdir(), "changesets-"));
  const git = (...a) => execFileSync("git", a, { cwd: dir, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "t@example.invalid");
  git("config", "user.name", "t");
  mkdirSync(join(dir, "packages/sdk/src"), { recursive: true });
  mkdirSync(join(dir, ".changeset"));
  writeFileSync(join(dir, "packages/sdk/package.json"), JSON.stringify({ name: "my-sdk" }));
  writeFileSync(join(dir, "packages/sdk/src/index.ts"), "export const a = 1;\n");
  git("add", "-A");
  git("commit", "-qm", "base");
  const run = () => spawnSync(process.execPath, [script, dir], { encoding: "utf8", env: { ...process.env, BASE_REF: "main" } });
  return { dir, git, run };
}

test("fails when src changes without a changeset, passes with one", () => {
  const { dir, git, run } = repo();
  git("checkout", "-qb", "feature");
  writeFileSync(join(dir, "packages/sdk/src/index.ts"), "export const a = 2;\n");
  git("commit", "-qam", "change");
  const bad = run();
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /my-sdk/);
  writeFileSync(join(dir, ".changeset/brave-cat.md"), '---\n"my-sdk": patch\n---\n\nFix a.\n');
  git("add", "-A");
  git("commit", "-qm", "changeset");
  const good = run();
  assert.equal(good.status, 0, good.stderr);
});

test("a change outside src needs no changeset", () => {
  const { dir, git, run } = repo();
  git("checkout", "-qb", "docs");
  writeFileSync(join(dir, "packages/sdk/README.md"), "docs\n");
  git("add", "-A");
  git("commit", "-qm", "docs");
  assert.equal(run().status, 0);
});

test("the first commit has no base and passes with a message", () => {
  const { dir } = repo();
  const { BASE_REF: _unused, ...env } = process.env;
  const first = spawnSync(process.execPath, [script, dir], { encoding: "utf8", env });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /no base commit/);
});
