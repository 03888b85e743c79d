// The `timesync` command as users run it: `node dist/cli.cjs …` in a child process (build first)
// against test-cache's fake TimeSync on 127.0.0.1, then offline from what it recorded. Every run checks
// the exit code, and that no password or token is ever printed.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTimeSync, type RunningFakeTimeSync } from "@facility-sdk/test-cache";
import { runCliProcess, runWithClosedStdout, type CliRun } from "@facility-sdk/cli-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const PASSWORD = "ann-cli-s3cret-pass";
const secrets: string[] = [PASSWORD];
let fake: RunningFakeTimeSync;
let home: string;

/** Runs the CLI in a child process; no password or token may be printed, whatever the command did. */
async function timesync(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  const base = { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, "config"), TIMESYNC_URL: fake.url, TIMESYNC_USER: "ann", TIMESYNC_PASSWORD: PASSWORD };
  const run = await runCliProcess(CLI, args, { env: { ...base, ...env }, input });
  for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
  return run;
}

const json = <T>(run: CliRun): T => {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm --filter timesync-ts build\` first`);
  fake = await startFakeTimeSync({
    users: [{ username: "ann", password: PASSWORD, display_name: "Ann Example" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Imaging pipeline", slugs: ["imaging", "img"], default_activity: "dev", users: { ann: { member: true } } }],
  });
  secrets.push(fake.admin.password);
  home = mkdtempSync(join(tmpdir(), "timesync-cli-"));
});
afterAll(async () => {
  await fake?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("timesync against the fake TimeSync", { timeout: 60_000 }, () => {
  it("log and create-time record times; get-times filters them; --csv gives climesync's columns", async () => {
    const logged = json<{ duration: number; project: string[]; activities: string[]; notes: string }>(
      await timesync(["log", "1h30m", "--project", "imaging", "--notes", "Segmentation, part 1", "--json"]),
    );
    expect(logged).toMatchObject({ duration: 5400, activities: ["dev"], notes: "Segmentation, part 1" });
    const created = await timesync(["create-time", "--duration", "0h45m", "--project", "img", "--activity", "docs", "--date", "2020-03-14"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-f-]{36}\s+2020-03-14\s+ann\s+img\s+docs\s+0h45m$/m);
    const csv = await timesync(["get-times", "--start", "2020-03-01", "--end", "2020-03-31", "--csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^uuid,date,user,project,activities,duration,notes,issue\n[0-9a-f-]{36},2020-03-14,ann,imaging img,docs,0h45m,,\n$/);
    const all = await timesync(["get-times", "--csv"]);
    expect(all.stdout).toContain(',dev,1h30m,"Segmentation, part 1",');
  });

  it("sum-times totals per project, user or activity", async () => {
    const byActivity = json<Array<Record<string, unknown>>>(await timesync(["sum-times", "--by", "activity", "--json"]));
    expect(byActivity).toEqual([
      { activity: "dev", times: 1, duration: "1h30m", seconds: 5400 },
      { activity: "docs", times: 1, duration: "0h45m", seconds: 2700 },
    ]);
    const byUser = await timesync(["sum-times", "--by", "user"]);
    expect(byUser.stdout).toMatch(/^ann\s+2\s+2h15m\s+8100$/m);
    expect((await timesync(["sum-times", "--by", "week"])).code).toBe(2);
  });

  it("update-time and delete-time change and remove a time", async () => {
    const { uuid } = json<{ uuid: string }>(await timesync(["log", "0h10m", "--project", "imaging", "--json"]));
    const updated = json<{ duration: number; notes: string }>(await timesync(["update-time", uuid, "--duration", "0h20m", "--notes", "longer", "--json"]));
    expect(updated).toMatchObject({ duration: 1200, notes: "longer" });
    expect((await timesync(["delete-time", uuid])).code).toBe(0);
    const gone = await timesync(["get-times", "--uuid", uuid]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^timesync: .*getTime/m);
  });

  it("clock-in then clock-out creates a time of at least a minute; a second clock-out is exit 1", async () => {
    const clockIn = await timesync(["clock-in", "--project", "imaging", "--activity", "docs", "--notes", "calibration"]);
    expect(clockIn.code).toBe(0);
    const file = join(home, "config", "facility-sdk", "timesync-clock.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await timesync(["clock-in"])).code).toBe(1);
    const out = json<{ duration: number; activities: string[]; notes: string }>(await timesync(["clock-out", "--json"]));
    expect(out).toMatchObject({ duration: 60, activities: ["docs"], notes: "calibration" });
    expect(existsSync(file)).toBe(false);
    const again = await timesync(["clock-out"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("timesync: not clocked in; run clock-in first\n");
  });

  it("projects and activities: create, update, delete (as the admin)", async () => {
    const admin = { TIMESYNC_USER: fake.admin.username, TIMESYNC_PASSWORD: fake.admin.password };
    expect((await timesync(["create-activity", "--name", "Code review", "--slug", "review"], admin)).code).toBe(0);
    const project = await timesync(["create-project", "--name", "Stage tests", "--slug", "stage", "--default-activity", "review"], admin);
    expect(project.stdout).toMatch(/^Stage tests\s+stage\s+review$/m);
    expect(json<{ defaultActivity: string }>(await timesync(["update-project", "stage", "--default-activity", "dev", "--json"], admin)).defaultActivity).toBe("dev");
    expect((await timesync(["update-activity", "review", "--name", "Reviews"], admin)).stdout).toMatch(/^review\s+Reviews$/m);
    for (const args of [["delete-project", "stage"], ["delete-activity", "review"]]) expect((await timesync(args, admin)).code).toBe(0);
    expect((await timesync(["get-activities", "--csv"])).stdout).toBe("slug,name,deleted\ndev,Development,\ndocs,Documentation,\n");
  });

  it("users: create with the password from stdin, log in as the new user, delete (as the admin)", async () => {
    const admin = { TIMESYNC_USER: fake.admin.username, TIMESYNC_PASSWORD: fake.admin.password };
    const newPassword = "sam-n3w-s3cret";
    secrets.push(newPassword);
    const user = await timesync(["create-user", "sam", "--password-stdin", "--display-name", "Sam Example"], admin, `${newPassword}\n`);
    expect(user.code, user.stderr).toBe(0);
    // The new user can log in with the password read from stdin.
    expect((await timesync(["get-activities"], { TIMESYNC_USER: "sam", TIMESYNC_PASSWORD: newPassword })).code).toBe(0);
    expect((await timesync(["create-user", "tom"], admin)).code).toBe(2); // no password
    const users = await timesync(["get-users", "--csv"], admin);
    expect(users.stdout).toContain("sam,Sam Example,,true,false,false,false");
    expect((await timesync(["delete-user", "sam"], admin)).code).toBe(0);
  });
});

describe("timesync usage errors, credentials and secrets", { timeout: 60_000 }, () => {
  it("a bad duration is exit 2 with the SDK's message; an unknown command is exit 2; --help is exit 0", async () => {
    const bad = await timesync(["log", "3h", "--project", "imaging"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^timesync: Invalid time\.duration: .*"3h"/);
    expect((await timesync(["clock-around"])).code).toBe(2);
    const help = await timesync(["log", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Example:\n  $ timesync log 1h30m --project imaging");
  });

  it("--version prints the package's version, exit 0", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
    const run = await timesync(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("a reader that stops early (`| head`) ends the command quietly, without an EPIPE trace", async () => {
    const { code, stderr } = await runWithClosedStdout(CLI);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("a wrong password given with --password: a history warning, exit 1, and the password never printed", async () => {
    const wrong = "wrong-s3cret-pass-77";
    secrets.push(wrong);
    const run = await timesync(["--password", wrong, "get-projects"], { TIMESYNC_PASSWORD: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("warning: --password is saved in your shell history");
    expect(run.stderr).toMatch(/^timesync: .*authenticate/m);
  });

  it("reads a 0600 config file, and refuses one others can read (exit 1)", async () => {
    const dir = join(home, "config", "facility-sdk");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "timesync.json");
    writeFileSync(file, JSON.stringify({ url: fake.url, username: "ann", password: PASSWORD }));
    chmodSync(file, 0o600);
    const env = { TIMESYNC_URL: "", TIMESYNC_USER: "", TIMESYNC_PASSWORD: "" };
    expect(json<unknown[]>(await timesync(["get-activities", "--json"], env))).toHaveLength(2);
    chmodSync(file, 0o640);
    const refused = await timesync(["get-activities"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`config file ${file} is readable by other users (mode 640)`);
    rmSync(file);
  });

  it("--cache records; --offline replays it with a token and no server, and fails closed on a miss", async () => {
    const cache = join(home, "cache");
    const live = await timesync(["--cache", cache, "get-projects", "--csv"]);
    expect(live.code).toBe(0);
    const files = readdirSync(cache, { recursive: true, encoding: "utf8" }).map((f) => join(cache, f)).filter((f) => statSync(f).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f, "utf8")).not.toContain(PASSWORD);
    const token = fake.issueToken("ann");
    secrets.push(token);
    const offline = { TIMESYNC_URL: "", TIMESYNC_USER: "", TIMESYNC_PASSWORD: "", TIMESYNC_TOKEN: token };
    const replayed = await timesync(["--offline", "--cache", cache, "get-projects", "--csv"], offline);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
    const miss = await timesync(["--offline", "--cache", cache, "get-users"], offline);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^timesync: .*/m);
    const noToken = await timesync(["--offline", "--cache", cache, "get-projects"], { ...offline, TIMESYNC_TOKEN: "" });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain("needs a token in TIMESYNC_TOKEN");
  });
});
