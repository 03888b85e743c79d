// `ppms systems list`: the instruments, optionally of one core facility.
import { withExamples, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";

/** Adds `systems list`. */
export function addSystemCommands(program: Command, context: CliContext): void {
  const systems = withExamples(program.command("systems").description("PPMS systems (instruments)"), "ppms systems list");
  withExamples(
    systems.command("list").description("list systems: id, name, type, room, facility, bookable, active").option("--facility <id>", "only systems of this core facility"),
    "ppms systems list --facility 2",
  ).action(async (opts: { facility?: string }) => {
    const all = [...(await (await context.connection()).getSystems()).values()];
    const list = opts.facility === undefined ? all : all.filter((s) => String(s.coreFacilityRef) === opts.facility);
    printRows(context.format, list.map(flatten), list);
  });
}
