// The release path, rehearsed: `pnpm publish --dry-run` for each package, in the order a release
// publishes them (http-core first: the others depend on it), with the publishConfig a release uses
// (public access; provenance is switched on in the release job, see CONTRIBUTING.md). Offline-safe and without credentials: the registry is pointed at a
// closed loopback port with no retries, so nothing is sent anywhere and nobody has to accept it.
// Fails when a package would not publish, or without LICENSE, README.md or dist/ (pack-check/run.mjs
// checks the tarballs' contents in more detail, and that no workspace: range is left).
// Usage: node scripts/pack-check/publish-dry-run.mjs   (the packages must be built)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_ORDER } from "./packages.mjs";

const root = new URL("../..", import.meta.url).pathname;
const OFFLINE = { npm_config_registry: "http://127.0.0.1:9/", npm_config_fetch_retries: "0", npm_config_fetch_timeout: "3000", npm_config_audit: "false" };

let failures = 0;
for (const dir of RELEASE_ORDER) {
  const cwd = join(root, "packages", dir);
  const manifest = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
  const t0 = Date.now();
  const r = spawnSync("pnpm", ["publish", "--dry-run", "--no-git-checks", "--registry", OFFLINE.npm_config_registry], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...OFFLINE, NPM_TOKEN: "", NODE_AUTH_TOKEN: "" },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const problems = [];
  if (r.status !== 0) problems.push(`exit ${r.status}`);
  if (!out.includes(`+ ${manifest.name}@${manifest.version}`)) problems.push("no '+ name@version' line");
  for (const file of ["LICENSE", "README.md", "dist/index.cjs", "dist/index.js", "package.json"]) {
    if (!new RegExp(`npm notice [\\d.]+k?B ${file.replace(/\./g, "\\.")}\\n`).test(out)) problems.push(`${file} not in the tarball`);
  }
  if (manifest.publishConfig?.access !== "public") problems.push("publishConfig.access is not public");
  if (problems.length > 0) {
    failures++;
    console.log(`FAIL  ${manifest.name}@${manifest.version}: ${problems.join("; ")}\n${out.trim().split("\n").slice(-25).join("\n")}`);
  } else {
    console.log(`ok    ${manifest.name}@${manifest.version}: publish --dry-run (${Date.now() - t0} ms)`);
  }
}
if (failures > 0) {
  console.error(`publish-dry-run: ${failures} package(s) would not publish`);
  process.exit(1);
}
console.log(`publish-dry-run: ${RELEASE_ORDER.length} packages would publish, in this order`);
