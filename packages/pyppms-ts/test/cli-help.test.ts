// Every `ppms` command, group and leaf, says what it does and shows an example in its --help.
// In-process (no child process per command): the program is built and each help is rendered.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Command } from "commander";
import { commandsOf, helpOf } from "@facility-sdk/cli-kit/testing";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.js";


describe("ppms --help", () => {
  const commands = commandsOf(buildProgram().program);

  it("covers every command group of the issue", () => {
    const names = commands.map((c) => (c.parent && c.parent.parent ? `${c.parent.name()} ${c.name()}` : c.name()));
    for (const name of ["users list", "users get", "systems list", "rights get", "rights set", "running-sheet", "bookings next", "projects list", "orders list", "invoices list", "snapshot users", "diff"]) {
      expect(names).toContain(name);
    }
  });

  it.each(commands.map((c) => [c.name(), c]))("%s: a description and an example of its own", (_name, command) => {
    const help = helpOf(command);
    expect(command.description().length).toBeGreaterThan(10);
    expect(help).toMatch(/\nExample:\n {2}\$ ppms /);
    // The example uses this very command (groups: one of their subcommands).
    const path = [];
    for (let c: Command | null = command; c?.parent; c = c.parent) path.unshift(c.name());
    expect(help).toContain(`$ ppms ${path.join(" ")}`.trimEnd());
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
