// climesync's `clock-in` / `clock-out`: clock-in notes the start (and what the work is) in a file
// beside the config file; clock-out creates the time from it, rounded up to whole minutes.
import { defaultConfigPath, withExamples, printRows } from "@facility-sdk/cli-kit";
import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { FacilitySdkError } from "../index.js";
import type { CliContext } from "./context.js";
import { createInput, many, timeRow, today, type TimeFlags } from "./times.js";

/** What `clock-in` writes. */
interface ClockState {
  start: string;
  project?: string;
  activity?: string[];
  notes?: string;
}

const clockFile = () => defaultConfigPath("timesync-clock");

function readClock(): ClockState | undefined {
  try {
    return JSON.parse(readFileSync(clockFile(), "utf8")) as ClockState;
  } catch {
    return undefined;
  }
}

/** Adds `clock-in` and `clock-out`. */
export function addClockCommands(program: Command, context: CliContext): void {
  withExamples(
    program
      .command("clock-in")
      .description("start the clock (nothing is sent until clock-out)")
      .option("--project <slug>", "the project (or give it at clock-out)")
      .option("--activity <slug>", "an activity (repeat for several)", many)
      .option("--notes <text>", "what you are doing"),
    "timesync clock-in --project imaging --activity dev",
  ).action((flags: Omit<ClockState, "start">) => {
    const running = readClock();
    if (running) throw new FacilitySdkError(`already clocked in since ${running.start}; run clock-out first`);
    mkdirSync(dirname(clockFile()), { recursive: true, mode: 0o700 });
    const state: ClockState = { start: new Date().toISOString(), ...flags };
    writeFileSync(clockFile(), JSON.stringify(state), { mode: 0o600 });
    printRows(context.format, [{ clockedIn: state.start, project: state.project ?? "" }], state);
  });

  withExamples(
    program
      .command("clock-out")
      .description("stop the clock and create the time worked since clock-in")
      .option("--project <slug>", "the project (default: the one given at clock-in)")
      .option("--activity <slug>", "an activity (repeat for several)", many)
      .option("--notes <text>", "what was done"),
    'timesync clock-out --notes "Calibrated the stage"',
  ).action(async (flags: TimeFlags) => {
    const running = readClock();
    if (!running) throw new FacilitySdkError("not clocked in; run clock-in first");
    const project = flags.project ?? running.project;
    if (!project) throw new FacilitySdkError("no project: give --project (it was not given at clock-in)");
    const minutes = Math.max(1, Math.ceil((Date.now() - Date.parse(running.start)) / 60_000));
    const activity = flags.activity ?? running.activity;
    const notes = flags.notes ?? running.notes;
    const input = createInput({ duration: minutes * 60, project, date: today(new Date(running.start)), ...(activity ? { activity } : {}), ...(notes !== undefined ? { notes } : {}) });
    const time = await (await context.client()).createTime(input);
    rmSync(clockFile(), { force: true });
    printRows(context.format, [timeRow(time)], time);
  });
}
