// climesync's project commands: get-projects, create-project, update-project, delete-project.
import { withExamples, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { Project, ProjectUpdateInput } from "../index.js";
import type { CliContext } from "./context.js";
import { many } from "./times.js";

const projectRow = (p: Project) => ({ name: p.name, slugs: p.slugs, uri: p.uri, defaultActivity: p.defaultActivity, users: Object.keys(p.users ?? {}), deleted: p.deletedAt ?? "" });

/** Adds the project commands. */
export function addProjectCommands(program: Command, context: CliContext): void {
  const print = (data: Project | readonly Project[]) => printRows(context.format, (Array.isArray(data) ? data : [data]).map(projectRow), data);

  withExamples(
    program
      .command("get-projects")
      .description("list projects, or one with --slug")
      .option("--slug <slug>", "one project")
      .option("--user <username>", "only projects of this user (repeat for several)", many)
      .option("--include-deleted", "also deleted projects"),
    "timesync get-projects --user ann",
  ).action(async (flags: { slug?: string; user?: string[]; includeDeleted?: boolean }) => {
    const ts = await context.client();
    if (flags.slug !== undefined) print(await ts.getProject(flags.slug));
    else print(await ts.getProjects({ ...(flags.user ? { user: flags.user } : {}), ...(flags.includeDeleted ? { includeDeleted: true } : {}) }));
  });

  withExamples(
    program
      .command("create-project")
      .description("create a project (site managers and admins)")
      .requiredOption("--name <name>", "display name")
      .requiredOption("--slug <slug>", "a slug (repeat for several)", many)
      .option("--uri <uri>", "the project's home page")
      .option("--default-activity <slug>", "activity of times that name none"),
    'timesync create-project --name "Imaging pipeline" --slug imaging --slug img --default-activity dev',
  ).action(async (flags: { name: string; slug: string[]; uri?: string; defaultActivity?: string }) => {
    const input = { name: flags.name, slugs: flags.slug, ...(flags.uri ? { uri: flags.uri } : {}), ...(flags.defaultActivity ? { defaultActivity: flags.defaultActivity } : {}) };
    print(await (await context.client()).createProject(input));
  });

  withExamples(
    program
      .command("update-project")
      .description("change a project (only the options given)")
      .argument("<slug>", "the project")
      .option("--name <name>", "display name")
      .option("--slugs <slug>", "its new slugs (repeat for several; replaces them all)", many)
      .option("--uri <uri>", "home page")
      .option("--default-activity <slug>", "activity of times that name none"),
    "timesync update-project imaging --default-activity docs",
  ).action(async (slug: string, flags: { name?: string; slugs?: string[]; uri?: string; defaultActivity?: string }) => {
    const patch: ProjectUpdateInput = {};
    if (flags.name !== undefined) patch.name = flags.name;
    if (flags.slugs) patch.slugs = flags.slugs;
    if (flags.uri !== undefined) patch.uri = flags.uri;
    if (flags.defaultActivity !== undefined) patch.defaultActivity = flags.defaultActivity;
    print(await (await context.client()).updateProject(slug, patch));
  });

  withExamples(program.command("delete-project").description("delete a project").argument("<slug>", "the project"), "timesync delete-project old-project").action(
    async (slug: string) => {
      await (await context.client()).deleteProject(slug);
      printRows(context.format, [{ deleted: slug }], { deleted: slug });
    },
  );
}
