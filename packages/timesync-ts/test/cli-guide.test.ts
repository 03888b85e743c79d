// The command-line guide cannot rot: every `$ timesync …` line of its ```console blocks runs, in order,
// against a fresh fake TimeSync (a child process of the built CLI), and must print what the guide
// shows (uuids aside: the fake makes new ones).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTimeSync, type RunningFakeTimeSync } from "@facility-sdk/test-cache";
import { argsOf, consoleSessions, runCliProcess } from "@facility-sdk/cli-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const GUIDE = join(import.meta.dirname, "..", "..", "..", "docs", "guides", "command-line.md");

const uuids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");

let fake: RunningFakeTimeSync;
let dir: string;
beforeAll(async () => {
  // The set-up the guide's session ran against (as scripts/demo-cli.mjs).
  fake = await startFakeTimeSync({
    users: [{ username: "ann", password: "ann-guide-password", display_name: "Ann Example" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Imaging pipeline", slugs: ["imaging", "img"], default_activity: "dev", users: { ann: { member: true } } }],
  });
  dir = mkdtempSync(join(tmpdir(), "timesync-guide-"));
});
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("docs/guides/command-line.md, timesync", () => {
  const cases = consoleSessions(readFileSync(GUIDE, "utf8"), "timesync");
  it("shows a session of timesync", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases)("$line", async ({ line, expected }) => {
    const env = { PATH: process.env.PATH ?? "", HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), TIMESYNC_URL: fake.url, TIMESYNC_USER: "ann", TIMESYNC_PASSWORD: "ann-guide-password" };
    const run = await runCliProcess(CLI, argsOf(line), { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(uuids(run.stdout)).toBe(uuids(expected));
  });
});
