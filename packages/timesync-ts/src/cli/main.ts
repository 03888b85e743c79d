// The `timesync` command (also installed as `timesync-ts`): climesync's commands on timesync-ts,
// for logging and reporting time from the shell. Each command group lives in its own file; this one
// sets up the global options and the exit code.
import { packageVersion, runProgram, startProgram } from "@facility-sdk/cli-kit";
import { Command } from "commander";
import { addActivityCommands } from "./activities.js";
import { addClockCommands } from "./clock.js";
import { CliContext, type GlobalOptions } from "./context.js";
import { addProjectCommands } from "./projects.js";
import { addTimeCommands } from "./times.js";
import { addUserCommands } from "./users.js";

/** Builds the `timesync` program with every command. */
export function buildProgram(): { program: Command; context: CliContext } {
  const program = new Command("timesync");
  const context = new CliContext(() => program.opts<GlobalOptions>());
  const version = packageVersion();
  if (version !== undefined) program.version(version, "--version", "print the version and exit");
  program
    .description("OSU TimeSync from the command line: log time, clock in and out, list and sum times; projects, activities, users.")
    .option("--url <url>", "TimeSync base URL with its version, e.g. https://timesync.example/v0 (default: env TIMESYNC_URL)")
    .option("--user <username>", "log in as this user (default: env TIMESYNC_USER)")
    .option("--password <password>", "password (prefer env TIMESYNC_PASSWORD or the config file: a flag lands in shell history)")
    .option("--config <file>", "config file (default: $XDG_CONFIG_HOME/facility-sdk/timesync.json, mode 0600)")
    .option("--cache <dir>", "record answers into DIR and answer reads from it (record-missing)")
    .option("--offline", "replay from --cache DIR only (needs TIMESYNC_TOKEN); nothing is sent, a missing recording is an error")
    .option("--json", "print JSON (the SDK's objects)")
    .option("--csv", "print CSV with a header line")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `
Credentials: env TIMESYNC_URL with TIMESYNC_USER + TIMESYNC_PASSWORD (or TIMESYNC_TOKEN), or a JSON
file {"url": ..., "username": ..., "password": ...} readable only by you (chmod 600).
Exit codes: 0 ok, 1 error, 2 usage.

Example:
  $ timesync log 1h30m --project imaging --notes "Segmentation script"
  $ timesync get-times --user ann --start 2030-03-01 --csv > ann-march.csv`,
    );
  addTimeCommands(program, context);
  addClockCommands(program, context);
  addProjectCommands(program, context);
  addActivityCommands(program, context);
  addUserCommands(program, context);
  return { program, context };
}

/** Runs `timesync` with the given arguments (after `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { program, context } = buildProgram();
  return runProgram("timesync", program, argv, () => context.close());
}

// Run only as a program: the build step and the help test load this file without running it.
if (typeof require !== "undefined" && require.main === module) {
  startProgram("timesync", runCli);
}
