// Exit codes scripts can rely on, and how an error reaches the user: one line on stderr holding the
// SDK's own message (already redacted by the SDK), never a stack trace.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CommanderError, type Command } from "commander";
import { FacilitySdkError, InvalidArgumentError } from "@facility-sdk/http-core";

/** Success. */
export const EXIT_OK = 0;
/** The command ran and failed (server, network, configuration, a refused write). */
export const EXIT_ERROR = 1;
/** The command line was wrong (unknown command or option, missing or bad argument). */
export const EXIT_USAGE = 2;

/** The exit code for an error, after printing it to stderr as `<program>: <message>`. */
export function reportError(program: string, error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help) to stderr/stdout.
    return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${program}: ${message}\n`);
  if (error instanceof InvalidArgumentError) return EXIT_USAGE;
  if (!(error instanceof FacilitySdkError)) process.stderr.write(`${program}: (an unexpected error; please report it)\n`);
  return EXIT_ERROR;
}

/**
 * Runs a commander program with the given arguments (after `node` and the script) and returns the
 * exit code; `close` runs last whatever happened (it closes the SDK connection the commands opened).
 */
export async function runProgram(name: string, program: Command, argv: readonly string[], close: () => Promise<void>): Promise<number> {
  let code: number;
  try {
    await program.parseAsync([...argv], { from: "user" });
    code = EXIT_OK;
  } catch (error) {
    code = reportError(name, error);
  }
  try {
    await close();
  } catch (error) {
    // Closing failed after the command ran: reported like any error, never as a stack trace.
    if (code === EXIT_OK) code = reportError(name, error);
  }
  return code;
}

/**
 * Starts a CLI's entry file as a program: a reader that stops early (`| head`) is not an error, and
 * the exit code is the one `run` returns.
 */
export function startProgram(name: string, run: (argv: readonly string[]) => Promise<number>): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(name, error);
    },
  );
}

/**
 * The version of the package whose built CLI is running (`dist/cli.cjs` → `../package.json`), for
 * `--version`; undefined when the CLI runs from source (tests), where there is no such file beside it.
 */
export function packageVersion(): string | undefined {
  if (typeof __dirname === "undefined") return undefined;
  try {
    const version: unknown = (JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}
