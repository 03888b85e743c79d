// The command-line guide cannot rot: every `$ ppms …` line of its ```console blocks runs against a
// fresh fake PUMAPI (a child process of the built CLI), and must print exactly what the guide shows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakePumapi, type RunningFakePumapi } from "@facility-sdk/test-cache";
import { argsOf, consoleSessions, runCliProcess } from "@facility-sdk/cli-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const GUIDE = join(import.meta.dirname, "..", "..", "..", "docs", "guides", "command-line.md");

let fake: RunningFakePumapi;
let dir: string;
beforeAll(async () => {
  fake = await startFakePumapi();
  dir = mkdtempSync(join(tmpdir(), "ppms-guide-"));
  // The rights file the guide shows.
  const rights = /With this `rights\.csv`:\n\n```text\n([\s\S]*?)```/.exec(readFileSync(GUIDE, "utf8"))?.[1];
  writeFileSync(join(dir, "rights.csv"), rights ?? "");
});
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("docs/guides/command-line.md, ppms", () => {
  const cases = consoleSessions(readFileSync(GUIDE, "utf8"), "ppms");
  it("shows a session of ppms", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases)("$line", async ({ line, expected }) => {
    const env = { PATH: process.env.PATH ?? "", HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), PUMAPI_URL: fake.url, PPMS_API_KEY: fake.apiKey };
    const run = await runCliProcess(CLI, argsOf(line), { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(expected);
  });
});
