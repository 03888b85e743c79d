// Packed tarball size of each SDK (what `npm publish` would upload), against the 100 kB target.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "bench-size-"));
try {
  for (const pkg of ["pyppms-ts", "timesync-ts", "http-core"]) {
    const before = new Set(readdirSync(out));
    execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: join(root, "packages", pkg), stdio: "ignore" });
    const file = readdirSync(out).find((f) => !before.has(f));
    const kb = statSync(join(out, file)).size / 1024;
    const target = pkg === "http-core" ? undefined : "<= 100";
    console.log(JSON.stringify({ bench: `packed tarball ${pkg}`, value: kb, unit: "kB", ...(target ? { target } : {}) }));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
