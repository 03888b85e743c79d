// `ppms users …`: list (all or active), get one, and the e-mail list staff mail announcements to.
import { withExamples, createProgress, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { PpmsUser } from "../index.js";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";

/** Fetches users (every `getuser` in bulk, with a progress bar on a terminal). */
export async function fetchUsers(context: CliContext, activeOnly: boolean): Promise<PpmsUser[]> {
  const ppms = await context.connection();
  const progress = createProgress("users");
  const users = await ppms.getUsers({ activeOnly, onProgress: ({ done, total }) => progress.update(done, total) }).finally(() => progress.finish());
  return [...users.values()];
}

/** Adds `users list`, `users get` and `users emails`. */
export function addUserCommands(program: Command, context: CliContext): void {
  const users = withExamples(program.command("users").description("PPMS users: list, one user, e-mail addresses"), "ppms users list --active");

  withExamples(
    users.command("list").description("list users (login, name, e-mail, group, active)").option("--active", "only active users"),
    "ppms users list --active",
    "ppms users list --csv > users.csv",
  ).action(async (opts: { active?: boolean }) => {
    const list = await fetchUsers(context, opts.active === true);
    printRows(context.format, list.map(flatten), list);
  });

  withExamples(users.command("get").description("show one user").argument("<login>", "the user's PPMS login"), "ppms users get jdoe --json").action(
    async (login: string) => {
      const user = await (await context.connection()).getUser(login);
      printRows(context.format, [flatten(user)], user);
    },
  );

  withExamples(
    users.command("emails").description("e-mail addresses of users, one per line (as a table: one column)").option("--active", "only active users"),
    "ppms users emails --active --csv > mailing-list.csv",
  ).action(async (opts: { active?: boolean }) => {
    const ppms = await context.connection();
    const progress = createProgress("users");
    const emails = await ppms
      .getUsersEmails({ active: opts.active === true, onProgress: ({ done, total }) => progress.update(done, total) })
      .finally(() => progress.finish());
    printRows(context.format, emails.map((email) => ({ email })), emails);
  });
}
