// Every command's --help ends with examples, so staff can copy a working line.
import type { Command } from "commander";

/** Adds an "Example:" section to a command's help and returns the command. */
export function withExamples(command: Command, ...examples: string[]): Command {
  return command.addHelpText("after", `\nExample:\n${examples.map((e) => `  $ ${e}`).join("\n")}`);
}
