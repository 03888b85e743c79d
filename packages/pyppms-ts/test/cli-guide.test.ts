// The command-line guide cannot rot: every `$ ppms …` line of its ```console blocks runs against a
// fresh fake PUMAPI (a child process of the built CLI), and must print exactly what the guide shows.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakePumapi, type RunningFakePumapi } from "@facility-sdk/test-cache";
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
  const cases = sessions("ppms");
  it("shows a session of ppms", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases)("$line", ({ line, expected }) => {
    const env = { PATH: process.env.PATH ?? "", HOME: dir, XDG_CONFIG_HOME: join(dir, "config"), PUMAPI_URL: fake.url, PPMS_API_KEY: fake.apiKey };
    return new Promise<void>((resolve, reject) => {
      execFile(process.execPath, [CLI, ...argsOf(line)], { cwd: dir, env, encoding: "utf8" }, (error, stdout, stderr) => {
        try {
          expect(error, stderr).toBeNull();
          expect(stdout).toBe(expected);
          resolve();
        } catch (failure) {
          reject(failure);
        }
      });
    });
  });
});
