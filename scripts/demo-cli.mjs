// A short session of each command-line tool (`ppms` and `timesync`, built into each SDK's
// dist/cli.cjs), run as a user would type it, against test-cache's fake servers on 127.0.0.1.
// Called by demo.mjs; `node scripts/demo-cli.mjs` runs it alone (packages built).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakePumapi, startFakeTimeSync } from "@facility-sdk/test-cache";
import { PpmsConnection } from "pyppms-ts";

const root = new URL("../", import.meta.url).pathname;
const bins = { ppms: join(root, "packages/pyppms-ts/dist/cli.cjs"), timesync: join(root, "packages/timesync-ts/dist/cli.cjs") };

/** Runs one command line (`ppms …` / `timesync …`, with an optional `> file`) and prints it with its output. */
function run(line, env, cwd) {
  const [command, ...rest] = line.split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const redirect = rest.indexOf(">");
  const args = (redirect >= 0 ? rest.slice(0, redirect) : rest).map((a) => a.replace(/^"(.*)"$/, "$1"));
  console.log(`$ ${line}`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bins[command], ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd, XDG_CONFIG_HOME: join(cwd, "config"), ...env }, encoding: "utf8" }, (error, stdout, stderr) => {
      if (redirect >= 0) writeFileSync(join(cwd, rest[redirect + 1]), stdout);
      else process.stdout.write(stdout);
      process.stdout.write(stderr);
      if (error && !line.includes("--dry-run")) reject(new Error(`${line} exited with ${error.code}`));
      else resolve();
    });
  });
}

export async function cliSession() {
  const dir = mkdtempSync(join(tmpdir(), "demo-cli-"));
  const pumapi = await startFakePumapi();
  const timesync = await startFakeTimeSync({
    users: [{ username: "ann", password: "ann-demo-password", display_name: "Ann Example" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Imaging pipeline", slugs: ["imaging", "img"], default_activity: "dev", users: { ann: { member: true } } }],
  });
  try {
    console.log(`\n=== The ppms command (fake PUMAPI at ${pumapi.url}) ===`);
    const ppmsEnv = { PUMAPI_URL: pumapi.url, PPMS_API_KEY: pumapi.apiKey };
    await run("ppms systems list --facility 2", ppmsEnv, dir);
    await run("ppms running-sheet 2 2030-03-14", ppmsEnv, dir);
    writeFileSync(join(dir, "rights.csv"), "login,system,permission\njdoe,31,A\nbkovac,31,N\n");
    await run("ppms rights set rights.csv --dry-run", ppmsEnv, dir);
    await run("ppms snapshot users > before.json", ppmsEnv, dir);
    // Meanwhile, in PPMS: a new user, and a changed e-mail.
    const ppms = await PpmsConnection.connect({ baseUrl: pumapi.url, apiKey: pumapi.apiKey });
    await ppms.newUser({ login: "dlee", lname: "Lee", fname: "Dana", email: "dana.lee@lab.example", ppmsGroup: "cell_lab" });
    await ppms.updateUser("jdoe", { email: "jane.doe@imaging.example" });
    await ppms.close();
    await run("ppms snapshot users > after.json", ppmsEnv, dir);
    await run("ppms diff before.json after.json", ppmsEnv, dir);

    console.log(`\n=== The timesync command (fake TimeSync at ${timesync.url}) ===`);
    const tsEnv = { TIMESYNC_URL: timesync.url, TIMESYNC_USER: "ann", TIMESYNC_PASSWORD: "ann-demo-password" };
    await run('timesync log 1h30m --project imaging --notes "Segmentation script" --date 2020-03-14', tsEnv, dir);
    await run("timesync log 0h45m --project img --activity docs --date 2020-03-14", tsEnv, dir);
    await run("timesync get-times --start 2020-03-01 --end 2020-03-31 --csv", tsEnv, dir);
    await run("timesync sum-times --by activity", tsEnv, dir);
  } finally {
    await pumapi.close();
    await timesync.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await cliSession();
