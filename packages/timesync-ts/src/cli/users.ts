// climesync's user commands: get-users, create-user, update-user, delete-user. A new password is
// read from stdin (`--password-stdin`), never from a flag, so it stays out of the shell history.
import { withExamples, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import { InvalidArgumentError, type User, type UserUpdateInput } from "../index.js";
import type { CliContext } from "./context.js";

const userRow = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  active: u.active,
  siteAdmin: u.siteAdmin,
  siteManager: u.siteManager,
  siteSpectator: u.siteSpectator,
});

async function passwordFromStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.replace(/\r?\n$/, "");
  if (!password) throw new InvalidArgumentError("--password-stdin", "stdin held no password");
  return password;
}

interface UserFlags {
  displayName?: string;
  email?: string;
  meta?: string;
  siteAdmin?: boolean;
  siteManager?: boolean;
  siteSpectator?: boolean;
  inactive?: boolean;
  passwordStdin?: boolean;
}

function userOptions(command: Command): Command {
  return command
    .option("--display-name <name>", "full name")
    .option("--email <address>", "e-mail address")
    .option("--meta <text>", "free text")
    .option("--site-admin", "make a site administrator")
    .option("--site-manager", "make a site manager")
    .option("--site-spectator", "make a site spectator")
    .option("--inactive", "mark the user inactive")
    .option("--password-stdin", "read the password from stdin (the SDK hashes it before sending)");
}

async function fields(flags: UserFlags): Promise<UserUpdateInput> {
  const patch: UserUpdateInput = {};
  if (flags.displayName !== undefined) patch.displayName = flags.displayName;
  if (flags.email !== undefined) patch.email = flags.email;
  if (flags.meta !== undefined) patch.meta = flags.meta;
  if (flags.siteAdmin) patch.siteAdmin = true;
  if (flags.siteManager) patch.siteManager = true;
  if (flags.siteSpectator) patch.siteSpectator = true;
  if (flags.inactive) patch.active = false;
  if (flags.passwordStdin) patch.password = await passwordFromStdin();
  return patch;
}

/** Adds the user commands. */
export function addUserCommands(program: Command, context: CliContext): void {
  const print = (data: User | readonly User[]) => printRows(context.format, (Array.isArray(data) ? data : [data]).map(userRow), data);

  withExamples(
    program.command("get-users").description("list users, or one with --username").option("--username <name>", "one user").option("--include-deleted", "also deleted users"),
    "timesync get-users --csv",
  ).action(async (flags: { username?: string; includeDeleted?: boolean }) => {
    const ts = await context.client();
    const options = flags.includeDeleted ? { includeDeleted: true } : {};
    print(flags.username !== undefined ? await ts.getUser(flags.username, options) : await ts.getUsers(options));
  });

  withExamples(
    userOptions(program.command("create-user").description("create a user (site admins); the password comes from stdin").argument("<username>", "the new login")),
    'timesync create-user sam --password-stdin --display-name "Sam Example" < sam-password.txt',
  ).action(async (username: string, flags: UserFlags) => {
    if (!flags.passwordStdin) throw new InvalidArgumentError("--password-stdin", "a new user needs a password, read from stdin");
    const { password, ...rest } = await fields(flags);
    print(await (await context.client()).createUser({ username, password: password ?? "", ...rest }));
  });

  withExamples(
    userOptions(program.command("update-user").description("change a user (only the options given)").argument("<username>", "the login")),
    "timesync update-user sam --email sam@lab.example",
  ).action(async (username: string, flags: UserFlags) => {
    print(await (await context.client()).updateUser(username, await fields(flags)));
  });

  withExamples(program.command("delete-user").description("delete a user").argument("<username>", "the login"), "timesync delete-user sam").action(async (username: string) => {
    await (await context.client()).deleteUser(username);
    printRows(context.format, [{ deleted: username }], { deleted: username });
  });
}
