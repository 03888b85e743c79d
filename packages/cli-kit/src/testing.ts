// What the SDKs' CLI tests share: running the built CLI as a child process, walking a program's
// commands and their help, and reading the sessions a guide shows. Test-only: the CLIs never load it.
import { execFile, spawn } from "node:child_process";
import type { Command } from "commander";

/** What one run of a CLI gave. */
export interface CliRun {
  /** The exit code (-1 when the process was killed, e.g. by the timeout). */
  code: number;
  stdout: string;
  stderr: string;
}

/** How {@link runCliProcess} runs the CLI. */
export interface CliRunOptions {
  /** The whole environment of the child (nothing is inherited, so no stray credentials leak in). */
  env: Record<string, string>;
  /** Written to stdin, then stdin is closed (default: nothing). */
  input?: string | undefined;
  /** Working directory (default: this process's). */
  cwd?: string | undefined;
  /** Kill the child after this long (default 20 s). */
  timeoutMs?: number | undefined;
}

/** Runs `node <cli> ...args` in a child process; never rejects (a failure is in `code` and `stderr`). */
export function runCliProcess(cli: string, args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { env: options.env, cwd: options.cwd, encoding: "utf8", timeout: options.timeoutMs ?? 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? "");
  });
}

/** Runs `node <cli> --help` with stdout closed before it writes (a reader that stopped: `| head`). */
export function runWithClosedStdout(cli: string): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, stdout: "", stderr })));
}

/** A program and every command below it (commander's own `help` command left out). */
export function commandsOf(command: Command): Command[] {
  return [command, ...command.commands.filter((c) => c.name() !== "help").flatMap(commandsOf)];
}

/** The text `--help` prints for a command, captured in-process. */
export function helpOf(command: Command): string {
  let text = "";
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  command.outputHelp();
  return text;
}

/** The `$ <program> …` lines of a Markdown page's ```console blocks, each with the output shown under it. */
export function consoleSessions(markdown: string, program: string): Array<{ line: string; expected: string }> {
  const found = [];
  for (const [, block = ""] of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const part of block.split(/^(?=\$ )/m)) {
      const [line = "", ...output] = part.split("\n");
      if (line.startsWith(`$ ${program} `)) found.push({ line: line.slice(2), expected: output.join("\n") });
    }
  }
  return found;
}

/** The arguments of a command line after the program's name (double quotes group words). */
export function argsOf(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "").slice(1);
}
