// Until the first release is on the registry, this is how to install the SDKs: pack the four packages
// (already built) into ./tarballs/ and print the one `npm i` line per SDK that installs it, with
// http-core, in any project on this machine. `pnpm pack:tarballs` builds first and then runs this.
// Usage: node scripts/pack-check/local-tarballs.mjs [output-dir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { RELEASE_ORDER } from "./packages.mjs";

const root = new URL("../..", import.meta.url).pathname;
const out = resolve(process.argv[2] ?? join(root, "tarballs"));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const tarball = {};
for (const dir of RELEASE_ORDER) {
  const cwd = join(root, "packages", dir);
  const { name, version } = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
  const r = spawnSync("pnpm", ["pack", "--pack-destination", out], { cwd, encoding: "utf8" });
  // pnpm names the file after the package: @scope/name → scope-name-version.tgz
  const file = `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
  if (r.status !== 0 || !readdirSync(out).includes(file)) {
    console.error(`pnpm pack failed for ${name}:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  tarball[dir] = join(out, file);
}

console.log(`Packed into ${out}. In your project (npm init -y, or an existing one), run one of:

  # pyppms-ts (PPMS / PUMAPI)
  npm i ${tarball["http-core"]} ${tarball["pyppms-ts"]}

  # timesync-ts (TimeSync)
  npm i ${tarball["http-core"]} ${tarball["timesync-ts"]}

  # then the fake servers for tests and the getting-started guides (a dev dependency)
  npm i -D ${tarball["test-cache"]}

http-core is in the SDK's line because it is not on the registry yet either (test-cache uses the
one the SDK brought; installed without an SDK, add http-core's tarball to its line). npm records
the tarballs' paths in package.json: keep the files where they are (or copy them along).`);
