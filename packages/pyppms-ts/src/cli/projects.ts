// `ppms projects list [--members]`: projects, and with --members the logins of each one's members.
import { withExamples, createProgress, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";

/** Adds `projects list`. */
export function addProjectCommands(program: Command, context: CliContext): void {
  const projects = withExamples(program.command("projects").description("PPMS projects"), "ppms projects list");
  withExamples(
    projects.command("list").description("list projects (id, name, phase, active, billing code, ...)").option("--members", "add each project's members (one request per project)"),
    "ppms projects list --members",
  ).action(async (opts: { members?: boolean }) => {
    const ppms = await context.connection();
    const list = [...(await ppms.getProjects()).values()];
    if (!opts.members) {
      printRows(context.format, list.map(flatten), list);
      return;
    }
    const progress = createProgress("members");
    const withMembers = [];
    for (const [i, project] of list.entries()) {
      withMembers.push({ ...project, members: await ppms.getProjectUsers(project.projectId) });
      progress.update(i + 1, list.length);
    }
    progress.finish();
    printRows(context.format, withMembers.map(flatten), withMembers);
  });
}
