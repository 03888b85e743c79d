// Packs http-core and each SDK, installs each SDK ALONE into a fresh directory outside the workspace
// with npm (http-core from its tarball, everything else from the registry), then checks ESM import,
// CJS require and a TypeScript consumer (node16 and bundler resolution) on Node 20, and import +
// require on Node 22 and 24 (npm's `node` package). Every tarball (test-cache's too) must hold LICENSE and
// no placeholder repository. Prints packed sizes and cold import times.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consumers } from "./consumers.mjs";

const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "pack-check-"));
const NODES = (process.env.PACK_CHECK_NODES ?? "22,24").split(",").filter(Boolean);
const TS = "5.9.3";
let failures = 0;

const run = (cmd, args, cwd, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};
const check = (label, fn) => {
  try {
    fn();
    console.log(`ok    ${label}`);
  } catch (error) {
    failures++;
    console.log(`FAIL  ${label}\n${String(error.message ?? error).split("\n").slice(0, 30).join("\n")}`);
  }
};

function pack(dir) {
  const before = new Set(readdirSync(work));
  run("pnpm", ["pack", "--pack-destination", work], join(root, "packages", dir));
  const file = readdirSync(work).find((f) => f.endsWith(".tgz") && !before.has(f));
  if (!file) throw new Error(`pnpm pack produced no tarball for ${dir}`);
  return join(work, file);
}

// What every tarball must hold, whatever it is for: the licence, and a package.json a registry can take
// (no workspace: ranges, no placeholder repository host; the field stays out until the real one is known).
function checkTarball(dir, tgz) {
  check(`${dir}: tarball holds LICENSE, README.md and dist/, no placeholder repository, no workspace: range`, () => {
    const listing = run("tar", ["-tzf", tgz], work).split("\n");
    for (const file of ["package/LICENSE", "package/README.md", "package/package.json"]) {
      if (!listing.includes(file)) throw new Error(`${file} is not in ${tgz}`);
    }
    if (!listing.some((f) => f.startsWith("package/dist/"))) throw new Error(`no dist/ in ${tgz}`);
    const manifest = run("tar", ["-xzOf", tgz, "package/package.json"], work);
    const repository = JSON.stringify(JSON.parse(manifest).repository ?? "");
    if (/example\.(invalid|com|org)|placeholder/i.test(repository)) throw new Error(`placeholder repository: ${repository}`);
    if (manifest.includes("workspace:")) throw new Error("a workspace: range is left in package.json");
  });
}

try {
  const coreTgz = pack("http-core");
  checkTarball("http-core", coreTgz);
  checkTarball("test-cache", pack("test-cache"));
  for (const [sdk, spec] of Object.entries(consumers)) {
    const tgz = pack(sdk);
    checkTarball(sdk, tgz);
    console.log(JSON.stringify({ bench: `pack-size:${sdk}`, value: statSync(tgz).size / 1024, unit: "kB" }));
    const dir = join(work, `consumer-${sdk}`);
    rmSync(dir, { recursive: true, force: true });
    run("mkdir", ["-p", dir], work);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${sdk}`, private: true }, null, 2));
    check(`${sdk}: npm install from tarballs (no workspace, no dev dependencies)`, () => {
      run("npm", ["install", "--no-audit", "--no-fund", "--omit=dev", "--loglevel=error", coreTgz, tgz], dir);
      const installed = run("npm", ["ls", "--all", "--parseable"], dir);
      if (installed.includes("test-cache")) throw new Error("a dev dependency (test-cache) was installed");
      // http-core must come from the local tarball (it is not on the registry), not from anywhere else.
      const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
      const core = lock.packages?.["node_modules/@facility-sdk/http-core"];
      if (!core?.resolved?.startsWith("file:")) throw new Error(`@facility-sdk/http-core resolved to ${core?.resolved ?? "nothing"}, not the local tarball`);
      run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error", `typescript@${TS}`, "@types/node@20"], dir);
    });
    const names = JSON.stringify(spec.names);
    writeFileSync(join(dir, "esm.mjs"), `import * as m from "${sdk}";\nfor (const n of ${names}) if (typeof m[n] !== "function") throw new Error("ESM: missing export " + n);\nconsole.log("esm ok");\n`);
    writeFileSync(join(dir, "cjs.cjs"), `const m = require("${sdk}");\nfor (const n of ${names}) if (typeof m[n] !== "function") throw new Error("CJS: missing export " + n);\nconsole.log("cjs ok");\n`);
    writeFileSync(join(dir, "consumer.ts"), spec.ts);
    const tsconfig = (module, resolution) => ({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: "ES2022", types: ["node"], skipLibCheck: false }, files: ["consumer.ts"] });
    writeFileSync(join(dir, "tsconfig.node16.json"), JSON.stringify(tsconfig("node16", "node16")));
    writeFileSync(join(dir, "tsconfig.bundler.json"), JSON.stringify(tsconfig("esnext", "bundler")));
    check(`${sdk}: ESM import + CJS require on Node ${process.versions.node}`, () => {
      run(process.execPath, ["esm.mjs"], dir);
      run(process.execPath, ["cjs.cjs"], dir);
    });
    for (const config of ["node16", "bundler"]) {
      check(`${sdk}: tsc --noEmit, moduleResolution ${config}`, () => run(process.execPath, [join(dir, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${config}.json`], dir));
    }
    for (const major of NODES) {
      check(`${sdk}: ESM import + CJS require on Node ${major}`, () => {
        const out = run("npx", ["-y", `node@${major}`, "-e", `import("${sdk}").then(() => { require("${sdk}"); console.log(process.version); })`], dir);
        if (!out.startsWith(`v${major}.`)) throw new Error(`expected Node ${major}, ran ${out}`);
        run("npx", ["-y", `node@${major}`, "esm.mjs"], dir);
        run("npx", ["-y", `node@${major}`, "cjs.cjs"], dir);
      });
    }
    // Cold import: median of 5 fresh processes, minus the median of a process importing nothing.
    const time = (code) => {
      const ms = [];
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        run(process.execPath, ["--input-type=module", "-e", code], dir);
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return ms.sort((a, b) => a - b)[2];
    };
    const baseline = time("0");
    const withSdk = time(`await import("${sdk}")`);
    console.log(JSON.stringify({ bench: `cold-import:${sdk}`, value: withSdk - baseline, unit: "ms", note: `median of 5 processes on Node ${process.versions.node}, baseline ${baseline.toFixed(0)} ms subtracted` }));
  }
} catch (error) {
  failures++;
  console.error(String(error.message ?? error));
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`pack-check: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("pack-check: all checks passed");
