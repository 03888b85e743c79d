// climesync's time commands: `get-times` (filters, `--csv`), `create-time`, the shorthand
// `log 1h30m --project p`, `update-time`, `delete-time` and `sum-times` (per project, user or activity).
import { withExamples, printRows, type Row } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import { formatDuration, InvalidArgumentError, type Time, type TimeCreateInput, type TimeFilter, type TimeUpdateInput } from "../index.js";
import type { CliContext } from "./context.js";

/** Collects a repeatable option (`--project a --project b`) into a list. */
export const many = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Today as `YYYY-MM-DD` in local time (the day people worked). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A time as a row: the columns climesync printed. */
export function timeRow(t: Time): Row {
  return { uuid: t.uuid, date: t.dateWorked, user: t.user, project: t.project, activities: t.activities, duration: formatDuration(t.duration), notes: t.notes, issue: t.issueUri };
}

interface FilterFlags {
  user?: string[];
  project?: string[];
  activity?: string[];
  start?: string;
  end?: string;
  includeRevisions?: boolean;
  includeDeleted?: boolean;
}

function filterOptions(command: Command): Command {
  return command
    .option("--user <username>", "only this user's times (repeat for several)", many)
    .option("--project <slug>", "only this project (repeat for several)", many)
    .option("--activity <slug>", "only this activity (repeat for several)", many)
    .option("--start <day>", "from this day on, YYYY-MM-DD")
    .option("--end <day>", "up to this day, YYYY-MM-DD")
    .option("--include-deleted", "also deleted times");
}

function toFilter(flags: FilterFlags): TimeFilter {
  const filter: TimeFilter = {};
  if (flags.user) filter.user = flags.user;
  if (flags.project) filter.project = flags.project;
  if (flags.activity) filter.activity = flags.activity;
  if (flags.start !== undefined) filter.start = flags.start;
  if (flags.end !== undefined) filter.end = flags.end;
  if (flags.includeRevisions) filter.includeRevisions = true;
  if (flags.includeDeleted) filter.includeDeleted = true;
  return filter;
}

export interface TimeFlags {
  duration?: string;
  project?: string;
  activity?: string[];
  date?: string;
  notes?: string;
  issueUri?: string;
  user?: string;
}

/** The options a new time and an update share; on an update `--activity` replaces and `--user` moves. */
function timeOptions(command: Command, use: "create" | "update" = "create"): Command {
  const update = use === "update";
  return command
    .option(
      "--activity <slug>",
      update ? "replace the time's activities (repeat for several)" : "an activity (repeat for several; default: the project's default activity)",
      many,
    )
    .option("--notes <text>", "what was done")
    .option("--issue-uri <uri>", "the issue worked on")
    .option(
      "--user <username>",
      update ? "move the time to this user (who then owns it; you may no longer see it)" : "whose time (default: the logged-in user)",
    );
}

/** Adds the time commands. */
export function addTimeCommands(program: Command, context: CliContext): void {
  // A list prints as a JSON array, one time (log, create, update, --uuid) as a JSON object.
  const print = (data: Time | readonly Time[]) => printRows(context.format, (Array.isArray(data) ? data : [data]).map(timeRow), data);

  withExamples(
    filterOptions(program.command("get-times").description("list times, filtered by user, project, activity and days"))
      .option("--uuid <uuid>", "one time by its uuid")
      .option("--include-revisions", "add earlier revisions (in --json)"),
    "timesync get-times --project imaging --start 2030-03-01 --csv > march.csv",
    "timesync get-times --uuid 1f7e0c2a-... --json",
  ).action(async (flags: FilterFlags & { uuid?: string }) => {
    const ts = await context.client();
    if (flags.uuid !== undefined) {
      print(await ts.getTime(flags.uuid, { includeRevisions: flags.includeRevisions === true, includeDeleted: flags.includeDeleted === true }));
    } else print(await ts.getTimes(toFilter(flags)));
  });

  withExamples(
    filterOptions(program.command("sum-times").description("total time per project, user or activity over the filtered times")).option(
      "--by <what>",
      "project, user or activity",
      "project",
    ),
    "timesync sum-times --by user --start 2030-03-01 --end 2030-03-31",
  ).action(async (flags: FilterFlags & { by: string }) => {
    if (!["project", "user", "activity"].includes(flags.by)) throw new InvalidArgumentError("--by", `must be project, user or activity, got "${flags.by}"`);
    const times = await (await context.client()).getTimes(toFilter(flags));
    const sums = new Map<string, { times: number; seconds: number }>();
    for (const t of times) {
      const keys = flags.by === "user" ? [t.user] : flags.by === "project" ? [t.project[0] ?? ""] : t.activities;
      for (const key of keys) {
        const sum = sums.get(key) ?? { times: 0, seconds: 0 };
        sums.set(key, { times: sum.times + 1, seconds: sum.seconds + t.duration });
      }
    }
    const rows = [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([key, s]) => ({ [flags.by]: key, times: s.times, duration: formatDuration(s.seconds), seconds: s.seconds }));
    printRows(context.format, rows);
  });

  withExamples(
    timeOptions(
      program
        .command("log")
        .description("record time worked: a duration such as 1h30m on a project (today unless --date)")
        .argument("<duration>", "hours and minutes, e.g. 1h30m or 0h45m")
        .requiredOption("--project <slug>", "the project")
        .option("--date <day>", "the day worked, YYYY-MM-DD (default: today)"),
    ),
    'timesync log 1h30m --project imaging --activity dev --notes "Segmentation script"',
  ).action(async (duration: string, flags: TimeFlags & { project: string }) => {
    print(await (await context.client()).createTime(createInput({ ...flags, duration })));
  });

  withExamples(
    timeOptions(
      program
        .command("create-time")
        .description("create a time (climesync's create-time; `log` is the short form)")
        .requiredOption("--duration <duration>", "hours and minutes, e.g. 3h30m")
        .requiredOption("--project <slug>", "the project")
        .requiredOption("--date <day>", "the day worked, YYYY-MM-DD"),
    ),
    "timesync create-time --duration 3h30m --project imaging --date 2030-03-14 --activity docs",
  ).action(async (flags: TimeFlags & { duration: string; project: string }) => {
    print(await (await context.client()).createTime(createInput(flags)));
  });

  withExamples(
    timeOptions(
      program
        .command("update-time")
        .description("change fields of a time (only the options given)")
        .argument("<uuid>", "the time's uuid")
        .option("--duration <duration>", "hours and minutes, e.g. 2h0m")
        .option("--project <slug>", "the project")
        .option("--date <day>", "the day worked, YYYY-MM-DD"),
      "update",
    ),
    'timesync update-time 1f7e0c2a-... --duration 2h0m --notes "Corrected"',
  ).action(async (uuid: string, flags: TimeFlags) => {
    const patch: TimeUpdateInput = {};
    if (flags.duration !== undefined) patch.duration = flags.duration;
    if (flags.project !== undefined) patch.project = flags.project;
    if (flags.activity) patch.activities = flags.activity;
    if (flags.date !== undefined) patch.dateWorked = flags.date;
    if (flags.notes !== undefined) patch.notes = flags.notes;
    if (flags.issueUri !== undefined) patch.issueUri = flags.issueUri;
    if (flags.user !== undefined) patch.user = flags.user;
    print(await (await context.client()).updateTime(uuid, patch));
  });

  withExamples(program.command("delete-time").description("delete a time").argument("<uuid>", "the time's uuid"), "timesync delete-time 1f7e0c2a-...").action(
    async (uuid: string) => {
      await (await context.client()).deleteTime(uuid);
      printRows(context.format, [{ deleted: uuid }], { deleted: uuid });
    },
  );
}

/** The `createTime` input from command-line flags (the SDK checks every field). */
export function createInput(flags: Omit<TimeFlags, "duration"> & { duration: string | number; project: string }): TimeCreateInput {
  return {
    duration: flags.duration,
    project: flags.project,
    dateWorked: flags.date ?? today(),
    ...(flags.activity ? { activities: flags.activity } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
    ...(flags.issueUri !== undefined ? { issueUri: flags.issueUri } : {}),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
  };
}
