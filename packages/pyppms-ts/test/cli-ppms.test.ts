// The `ppms` command as users run it: `node dist/cli.cjs …` in a child process (build first) against
// test-cache's fake PUMAPI on 127.0.0.1, then offline from what it recorded. Every run checks the exit
// code, and that the API key never appears on stdout or stderr.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesRoot, startFakePumapi, type RunningFakePumapi } from "@facility-sdk/test-cache";
import { runCliProcess, runWithClosedStdout, type CliRun } from "@facility-sdk/cli-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const KEY = "cli-test-s3cret-key-7f3a";
let fake: RunningFakePumapi;
let home: string;

/** Runs the CLI in a child process; the key must never be printed, whatever the command did. */
async function ppms(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, "config"), PUMAPI_URL: fake.url, PPMS_API_KEY: KEY };
  const run = await runCliProcess(CLI, args, { env: { ...base, ...env } });
  expect(run.stdout + run.stderr).not.toContain(KEY);
  return run;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm --filter pyppms-ts build\` first`);
  fake = await startFakePumapi({ apiKey: KEY });
  home = mkdtempSync(join(tmpdir(), "ppms-cli-"));
});
afterAll(async () => {
  await fake?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("ppms against the fake PUMAPI", { timeout: 60_000 }, () => {
  it("users list prints a table of every user; --active leaves inactive ones out", async () => {
    const all = await ppms(["users", "list"]);
    expect(all.code).toBe(0);
    expect(all.stdout.split("\n")[0]).toMatch(/^username\s+email\s+fullname/);
    expect(all.stdout).toMatch(/^cnguyen\s+chi\.nguyen@lab\.example/m);
    const active = await ppms(["users", "list", "--active", "--csv"]);
    expect(active.code).toBe(0);
    expect(active.stdout).toContain("jdoe,jane.doe@lab.example,Doe Jane,imaging_group,true");
    expect(active.stdout).not.toContain("cnguyen");
    expect(active.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  it("users get --json prints the SDK's user; an unknown login is exit 1 with the SDK's message", async () => {
    const one = await ppms(["users", "get", "bkovac", "--json"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ username: "bkovac", email: "boris.kovac@lab.example", billingCode: "BC-1001" });
    const unknown = await ppms(["users", "get", "nobody"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^ppms: PUMAPI getuser: .*nobody/);
  });

  it("users emails and systems list --csv keep a quoted comma in one field", async () => {
    const emails = await ppms(["users", "emails", "--active", "--json"]);
    expect(JSON.parse(emails.stdout)).toContain("robot@lab.example");
    const systems = await ppms(["systems", "list", "--csv", "--facility", "2"]);
    expect(systems.code).toBe(0);
    const lines = systems.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^systemId,name,localisation,systemType,coreFacilityRef/);
    expect(lines).toContain('33,"Confocal, upright",Room B.12,Confocal,2,true,true,true,true,false,false');
    expect(systems.stdout).not.toContain("Analysis Workstation"); // facility 4
  });

  it("running-sheet, bookings next, projects --members, orders, invoices print what the SDK returns", async () => {
    const sheet = await ppms(["running-sheet", "2", "2030-03-14", "--json"]);
    expect(sheet.code).toBe(0);
    expect(JSON.parse(sheet.stdout).map((b: { username: string }) => b.username)).toEqual(["jdoe", "bkovac", "ops.robot"]);
    const next = await ppms(["bookings", "next", "31", "--json"]);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toBeNull(); // the seeded bookings are in 2030, beyond the 7-day horizon
    const projects = await ppms(["projects", "list", "--members"]);
    expect(projects.stdout).toMatch(/^7\s+Cell migration\s.*bkovac cnguyen$/m);
    const orders = await ppms(["orders", "list", "--csv"]);
    expect(orders.stdout).toMatch(/^orderId,/);
    expect(orders.stdout).toMatch(/^1001,2,jdoe,imaging_group,8,,2030-03-01,,Accepted,false$/m);
    const ids = await ppms(["invoices", "list", "--json"]);
    expect(JSON.parse(ids.stdout)).toContain("PPMS2-Imaging-20300228-0001");
    const lines = await ppms(["invoices", "lines", "PPMS2-Imaging-20300228-0001", "--json"]);
    expect(JSON.parse(lines.stdout)).toHaveLength(2);
    const invoice = await ppms(["invoices", "get", "PPMS2-Imaging-20300228-0001", "--json"]);
    expect(JSON.parse(invoice.stdout)).toMatchObject({ invoiceId: "PPMS2-Imaging-20300228-0001" });
  });

  it("rights set --dry-run prints the plan and sends no setright; without it the rights are set", async () => {
    const csv = join(home, "rights.csv");
    writeFileSync(csv, "login,system,permission\njdoe,31,A\nbkovac,31,n\n");
    const setrights = () => fake.requests.filter((r) => r.form.action === "setright").length;
    const dry = await ppms(["rights", "set", csv, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^2\s+jdoe\s+31\s+A\s+A\s+unchanged$/m);
    expect(dry.stdout).toMatch(/^3\s+bkovac\s+31\s+N\s+set$/m);
    expect(setrights()).toBe(0);
    const wet = await ppms(["rights", "set", csv, "--json"]);
    expect(wet.code).toBe(0);
    expect(JSON.parse(wet.stdout).map((r: { result: string }) => r.result)).toEqual(["skipped", "done"]);
    expect(setrights()).toBe(1);
    const after = await ppms(["rights", "get", "--user", "bkovac", "--csv"]);
    expect(after.stdout).toContain("N,31");
  });

  it("snapshot users and diff show who changed", async () => {
    const a = await ppms(["snapshot", "users"]);
    expect(a.code).toBe(0);
    writeFileSync(join(home, "a.json"), a.stdout);
    const changed = JSON.parse(a.stdout) as { users: Array<Record<string, unknown>> };
    changed.users = changed.users.filter((u) => u.username !== "ops.robot").map((u) => (u.username === "jdoe" ? { ...u, email: "jane@new.example" } : u));
    writeFileSync(join(home, "b.json"), JSON.stringify(changed));
    const diff = await ppms(["diff", join(home, "a.json"), join(home, "b.json"), "--csv"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe("change,login,field,before,after\nchanged,jdoe,email,jane.doe@lab.example,jane@new.example\nremoved,ops.robot,,robot@lab.example,\n");
  });
});

describe("ppms usage errors, credentials and secrets", { timeout: 60_000 }, () => {
  it("exit 2 for an unknown command, a bad option mix, a bad rights file; --help is exit 0 with an example", async () => {
    expect((await ppms(["bogus"])).code).toBe(2);
    expect((await ppms(["systems", "list", "--json", "--csv"])).code).toBe(2);
    const bad = join(home, "bad.csv");
    writeFileSync(bad, "login,system,permission\njdoe,31,X\n");
    const rights = await ppms(["rights", "set", bad]);
    expect(rights.code).toBe(2);
    expect(rights.stderr).toContain("line 2 permission");
    const missing = await ppms(["rights", "set", join(home, "no-such.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ppms: Invalid .*no-such\.csv: cannot be read \(ENOENT\)\n$/);
    const help = await ppms(["rights", "set", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Example:\n  $ ppms rights set new-rights.csv --dry-run");
  });

  it("--version prints the package's version, exit 0", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
    const run = await ppms(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("a reader that stops early (`| head`) ends the command quietly, without an EPIPE trace", async () => {
    const { code, stderr } = await runWithClosedStdout(CLI);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("a wrong key given with --api-key: a history warning, exit 1, and neither key printed", async () => {
    const wrong = "wrong-s3cret-key-9b1c";
    const run = await ppms(["--api-key", wrong, "systems", "list"], { PPMS_API_KEY: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("warning: --api-key is saved in your shell history");
    expect(run.stderr).toMatch(/^ppms: .*auth/m);
    expect(run.stderr + run.stdout).not.toContain(wrong);
  });

  it("reads a 0600 config file, and refuses one others can read (exit 1)", async () => {
    const dir = join(home, "config", "facility-sdk");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "ppms.json");
    writeFileSync(file, JSON.stringify({ url: fake.url, apiKey: KEY }));
    chmodSync(file, 0o600);
    const ok = await ppms(["systems", "list", "--json"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(4);
    chmodSync(file, 0o644);
    const refused = await ppms(["systems", "list"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`config file ${file} is readable by other users (mode 644)`);
    rmSync(file);
    const none = await ppms(["systems", "list"], { PPMS_API_KEY: "" });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no API key");
  });

  it("--cache records; --offline replays it with no server and no key, and fails closed on a miss", async () => {
    const cache = join(home, "cache");
    const live = await ppms(["--cache", cache, "systems", "list", "--csv"]);
    expect(live.code).toBe(0);
    for (const file of filesUnder(cache)) expect(readFileSync(file, "utf8")).not.toContain(KEY);
    const offline = await ppms(["--offline", "--cache", cache, "systems", "list", "--csv"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(live.stdout);
    const miss = await ppms(["--offline", "--cache", cache, "users", "get", "jdoe"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^ppms: .*(recording|cache)/im);
  });

  it("--offline replays test-cache's recorded PUMAPI fixtures (stage 0) with no server and no key", async () => {
    const stage = join(fixturesRoot, "pumapi", "stage_0");
    const run = await ppms(["--offline", "--cache", stage, "users", "emails", "--active", "--csv"], { PPMS_API_KEY: "", PUMAPI_URL: "" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual(["email", "jane.doe@lab.example", "anna.mueller@lab.example"]);
  });
});
