// Every `timesync` command, group and leaf, says what it does and shows an example in its --help.
// In-process (no child process per command): the program is built and each help is rendered.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Command } from "commander";
import { commandsOf, helpOf } from "@facility-sdk/cli-kit/testing";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.js";


describe("timesync --help", () => {
  const commands = commandsOf(buildProgram().program);

  it("covers climesync's commands, log and clock-in/out", () => {
    const names = commands.map((c) => (c.parent && c.parent.parent ? `${c.parent.name()} ${c.name()}` : c.name()));
    for (const name of [
      "log", "clock-in", "clock-out", "get-times", "sum-times", "create-time", "update-time", "delete-time",
      "get-projects", "create-project", "update-project", "delete-project",
      "get-activities", "create-activity", "update-activity", "delete-activity",
      "get-users", "create-user", "update-user", "delete-user",
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(commands.map((c) => [c.name(), c]))("%s: a description and an example of its own", (_name, command) => {
    const help = helpOf(command);
    expect(command.description().length).toBeGreaterThan(10);
    expect(help).toMatch(/\nExample:\n {2}\$ timesync /);
    // The example uses this very command (groups: one of their subcommands).
    const path = [];
    for (let c: Command | null = command; c?.parent; c = c.parent) path.unshift(c.name());
    expect(help).toContain(`$ timesync ${path.join(" ")}`.trimEnd());
  });
});

describe("update-time --help", () => {
  it("says that --user moves the time and --activity replaces, unlike log and create-time", () => {
    const byName = new Map(commandsOf(buildProgram().program).map((c) => [c.name(), c]));
    const optionHelp = (command: string, flag: string) => byName.get(command)?.options.find((o) => o.long === flag)?.description ?? "";
    expect(optionHelp("update-time", "--user")).toMatch(/move the time to this user/);
    expect(optionHelp("update-time", "--user")).not.toMatch(/default: the logged-in user/);
    expect(optionHelp("update-time", "--activity")).toMatch(/replace/);
    expect(optionHelp("update-time", "--activity")).not.toMatch(/default activity/);
    for (const command of ["log", "create-time"]) expect(optionHelp(command, "--user")).toMatch(/default: the logged-in user/);
  });
});

describe("the library without the CLI", () => {
  it("importing dist/index.js loads neither dist/cli.cjs nor commander", () => {
    const entry = join(import.meta.dirname, "..", "dist", "index.js");
    const code = `await import(${JSON.stringify(entry)}); const { createRequire } = await import("node:module"); console.log(Object.keys(createRequire(import.meta.url).cache).join("\\n"));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("index.cjs"); // the check sees what the import loaded
    expect(run.stdout).not.toMatch(/commander|cli\.cjs/);
  });
});
