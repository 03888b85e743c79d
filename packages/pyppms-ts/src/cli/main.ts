// The `ppms` command (also installed as `pyppms-ts`): PUMAPI from the shell for facility staff.
// Each command group lives in its own file; this one sets up the global options and the exit code.
import { packageVersion, runProgram, startProgram } from "@facility-sdk/cli-kit";
import { Command } from "commander";
import { CliContext, type GlobalOptions } from "./context.js";
import { addBillingCommands } from "./billing.js";
import { addBookingCommands } from "./bookings.js";
import { addProjectCommands } from "./projects.js";
import { addRightsCommands } from "./rights.js";
import { addSnapshotCommands } from "./snapshot.js";
import { addSystemCommands } from "./systems.js";
import { addUserCommands } from "./users.js";

/** Builds the `ppms` program with every command. */
export function buildProgram(): { program: Command; context: CliContext } {
  const program = new Command("ppms");
  const context = new CliContext(() => program.opts<GlobalOptions>());
  const version = packageVersion();
  if (version !== undefined) program.version(version, "--version", "print the version and exit");
  program
    .description("Stratocore PPMS (PUMAPI) from the command line: users, systems, rights, bookings, projects, billing.")
    .option("--url <url>", "PUMAPI endpoint (default: env PUMAPI_URL, or \"url\" in the config file)")
    .option("--api-key <key>", "API key (prefer env PPMS_API_KEY or the config file: a flag lands in shell history)")
    .option("--config <file>", "config file (default: $XDG_CONFIG_HOME/facility-sdk/ppms.json, mode 0600)")
    .option("--cache <dir>", "record answers into DIR and answer reads from it (record-missing)")
    .option("--offline", "replay from --cache DIR only; nothing is sent, a missing recording is an error")
    .option("--json", "print JSON (the SDK's objects)")
    .option("--csv", "print CSV with a header line")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `
Credentials: env PUMAPI_URL and PPMS_API_KEY, or a JSON file {"url": ..., "apiKey": ...}
readable only by you (chmod 600). Exit codes: 0 ok, 1 error, 2 usage.

Example:
  $ ppms users list --active --csv > users.csv
  $ ppms --cache ./rec systems list && ppms --offline --cache ./rec systems list`,
    );
  addUserCommands(program, context);
  addSystemCommands(program, context);
  addRightsCommands(program, context);
  addBookingCommands(program, context);
  addProjectCommands(program, context);
  addBillingCommands(program, context);
  addSnapshotCommands(program, context);
  return { program, context };
}

/** Runs `ppms` with the given arguments (after `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { program, context } = buildProgram();
  return runProgram("ppms", program, argv, () => context.close());
}

// Run only as a program: the build step and the help test load this file without running it.
if (typeof require !== "undefined" && require.main === module) {
  startProgram("ppms", runCli);
}
