// climesync's activity commands: get-activities, create-activity, update-activity, delete-activity.
import { withExamples, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { ActivityUpdateInput } from "../index.js";
import type { CliContext } from "./context.js";

interface ActivityLike {
  name: string;
  slug: string | null;
  deletedAt: string | null;
}
const activityRow = (a: ActivityLike) => ({ slug: a.slug ?? "", name: a.name, deleted: a.deletedAt ?? "" });

/** Adds the activity commands. */
export function addActivityCommands(program: Command, context: CliContext): void {
  const print = (data: ActivityLike | readonly ActivityLike[]) => printRows(context.format, (Array.isArray(data) ? data : [data]).map(activityRow), data);

  withExamples(
    program.command("get-activities").description("list activities, or one with --slug").option("--slug <slug>", "one activity").option("--include-deleted", "also deleted activities"),
    "timesync get-activities",
  ).action(async (flags: { slug?: string; includeDeleted?: boolean }) => {
    const ts = await context.client();
    if (flags.slug !== undefined) print(await ts.getActivity(flags.slug));
    else print(flags.includeDeleted ? await ts.getActivities({ includeDeleted: true }) : await ts.getActivities());
  });

  withExamples(
    program
      .command("create-activity")
      .description("create an activity (site managers and admins)")
      .requiredOption("--name <name>", "display name")
      .requiredOption("--slug <slug>", "its slug"),
    'timesync create-activity --name "Code review" --slug review',
  ).action(async (flags: { name: string; slug: string }) => {
    print(await (await context.client()).createActivity({ name: flags.name, slug: flags.slug }));
  });

  withExamples(
    program
      .command("update-activity")
      .description("change an activity (only the options given)")
      .argument("<slug>", "the activity")
      .option("--name <name>", "display name")
      .option("--new-slug <slug>", "its new slug"),
    'timesync update-activity review --name "Reviews"',
  ).action(async (slug: string, flags: { name?: string; newSlug?: string }) => {
    const patch: ActivityUpdateInput = {};
    if (flags.name !== undefined) patch.name = flags.name;
    if (flags.newSlug !== undefined) patch.slug = flags.newSlug;
    print(await (await context.client()).updateActivity(slug, patch));
  });

  withExamples(program.command("delete-activity").description("delete an activity").argument("<slug>", "the activity"), "timesync delete-activity review").action(
    async (slug: string) => {
      await (await context.client()).deleteActivity(slug);
      printRows(context.format, [{ deleted: slug }], { deleted: slug });
    },
  );
}
