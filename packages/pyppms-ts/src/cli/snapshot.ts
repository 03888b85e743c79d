// `ppms snapshot users > a.json` and `ppms diff a.json b.json`: the weekly "who joined, who left,
// whose e-mail or group changed" job, without keeping last week's CSV by hand.
import { withExamples, cellText, printRows, type Row } from "@facility-sdk/cli-kit";
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { InvalidArgumentError } from "../index.js";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";
import { fetchUsers } from "./users.js";

/** What a snapshot file holds. */
interface UsersSnapshot {
  snapshot: "ppms users";
  takenAt: string;
  users: Row[];
}

function readSnapshot(file: string): Map<string, Row> {
  let parsed: Partial<UsersSnapshot>;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<UsersSnapshot>;
  } catch (error) {
    throw new InvalidArgumentError(file, `cannot be read as JSON (${(error as Error).message})`);
  }
  if (parsed?.snapshot !== "ppms users" || !Array.isArray(parsed.users)) {
    throw new InvalidArgumentError(file, "is not a users snapshot", { hint: "make one with: ppms snapshot users > file.json" });
  }
  return new Map(parsed.users.map((user) => [String(user.username), user]));
}

/** The differences between two snapshots: one row per added or removed user and per changed field. */
export function diffSnapshots(before: ReadonlyMap<string, Row>, after: ReadonlyMap<string, Row>): Row[] {
  const rows: Row[] = [];
  const logins = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const login of logins) {
    const a = before.get(login);
    const b = after.get(login);
    if (!a) rows.push({ change: "added", login, field: "", before: "", after: cellText(b?.email) });
    else if (!b) rows.push({ change: "removed", login, field: "", before: cellText(a.email), after: "" });
    else {
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (cellText(a[field]) !== cellText(b[field])) rows.push({ change: "changed", login, field, before: cellText(a[field]), after: cellText(b[field]) });
      }
    }
  }
  return rows;
}

/** Adds `snapshot users` and `diff`. */
export function addSnapshotCommands(program: Command, context: CliContext): void {
  const snapshot = withExamples(program.command("snapshot").description("save data as JSON, to compare later with `ppms diff`"), "ppms snapshot users > a.json");
  withExamples(snapshot.command("users").description("every user (active or not) as a JSON snapshot on stdout"), "ppms snapshot users > users-2030-03-14.json").action(
    async () => {
      const users = (await fetchUsers(context, false)).map(flatten).sort((x, y) => String(x.username).localeCompare(String(y.username)));
      const data: UsersSnapshot = { snapshot: "ppms users", takenAt: new Date().toISOString(), users };
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    },
  );

  withExamples(
    program
      .command("diff")
      .description("what changed between two user snapshots: added, removed, and each changed field")
      .argument("<before>", "the older snapshot")
      .argument("<after>", "the newer snapshot"),
    "ppms diff users-2030-03-07.json users-2030-03-14.json",
  ).action((before: string, after: string) => {
    const rows = diffSnapshots(readSnapshot(before), readSnapshot(after));
    printRows(context.format, rows);
  });
}
