// The command-line guide cannot rot: every `$ timesync …` line of its ```console blocks runs, in order,
// against a fresh fake TimeSync (a child process of the built CLI), and must print what the guide
// shows (uuids aside: the fake makes new ones).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTimeSync, type RunningFakeTimeSync } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = join(import.meta.dirname, "..", "dist", "cli.cjs");
const GUIDE = join(import.meta.dirname, "..", "..", "..", "docs", "guides", "command-line.md");

/** The `$ <program> …` lines of the page's console blocks, each with the output shown under it. */
function sessions(program: string): Array<{ line: string; expected: string }> {
  const found = [];
  for (const [, block = ""] of readFileSync(GUIDE, "utf8").matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const part of block.split(/^(?=\$ )/m)) {
      const [line = "", ...output] = part.split("\n");
      if (line.startsWith(`$ ${program} `)) found.push({ line: line.slice(2), expected: output.join("\n") });
    }
  }
  return found;
}

/** Splits a command line into arguments (double quotes group words). */
const argsOf = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "").slice(1);

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
  const cases = sessions("timesync");
  it("shows a session of timesync", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases)("$line", ({ line, expected }) => {
    const env = { PATH: process.env.PATH ?? "", HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), TIMESYNC_URL: fake.url, TIMESYNC_USER: "ann", TIMESYNC_PASSWORD: "ann-guide-password" };
    return new Promise<void>((resolve, reject) => {
      execFile(process.execPath, [CLI, ...argsOf(line)], { cwd: dir, env, encoding: "utf8" }, (error, stdout, stderr) => {
        try {
          expect(error, stderr).toBeNull();
          expect(uuids(stdout)).toBe(uuids(expected));
          resolve();
        } catch (failure) {
          reject(failure);
        }
      });
    });
  });
});
