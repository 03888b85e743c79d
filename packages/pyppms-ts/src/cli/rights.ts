// `ppms rights …`: who may book a system, what a user may book, and `rights set` in bulk from a CSV
// (login,system,permission). The CSV is checked whole before anything is sent; `--dry-run` prints
// the plan (current right → wanted right) and sends no write.
import { withExamples, createProgress, printRows, type Row } from "@facility-sdk/cli-kit";
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { FacilitySdkError, InvalidArgumentError, isSystemPermission, parseCsv, type PpmsConnection, type SystemPermission } from "../index.js";
import type { CliContext } from "./context.js";

/** One line of a `rights set` file. */
interface RightChange {
  line: number;
  login: string;
  system: number;
  permission: SystemPermission;
}

/** Reads `login,system,permission` lines (header required, any column order, case ignored). */
function readChanges(file: string): RightChange[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InvalidArgumentError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const [header, ...lines] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new InvalidArgumentError(file, `the header line has no "${name}" column`, { hint: "the first line must be: login,system,permission" });
    return i;
  };
  const [iLogin, iSystem, iPermission] = [col("login"), col("system"), col("permission")];
  return lines.map((cells, n) => {
    const at = `${file} line ${n + 2}`;
    const login = (cells[iLogin] ?? "").trim();
    const system = (cells[iSystem] ?? "").trim();
    const permission = (cells[iPermission] ?? "").trim().toUpperCase();
    if (!login) throw new InvalidArgumentError(`${at} login`, "is empty");
    if (!/^\d+$/.test(system)) throw new InvalidArgumentError(`${at} system`, `must be a system id, got "${system}"`);
    if (!isSystemPermission(permission)) throw new InvalidArgumentError(`${at} permission`, `must be A, N, S or D, got "${permission}"`);
    return { line: n + 2, login, system: Number(system), permission };
  });
}

/** The plan: each change with the rights the user holds now on that system. */
async function plan(ppms: PpmsConnection, changes: readonly RightChange[]): Promise<Row[]> {
  const current = new Map<number, Map<string, string>>();
  for (const system of new Set(changes.map((c) => c.system))) {
    const byLogin = new Map<string, string>();
    for (const right of await ppms.getSystemRights(system)) byLogin.set(right.login, (byLogin.get(right.login) ?? "") + right.permission);
    current.set(system, byLogin);
  }
  return changes.map((c) => {
    const now = current.get(c.system)?.get(c.login) ?? "";
    return { line: c.line, login: c.login, system: c.system, current: now, wanted: c.permission, action: now === c.permission ? "unchanged" : "set" };
  });
}

/** Adds `rights get` and `rights set`. */
export function addRightsCommands(program: Command, context: CliContext): void {
  const rights = withExamples(
    program.command("rights").description("booking rights: A autonomous, N novice, S superuser, D deactivated"),
    "ppms rights get --system 31",
  );

  withExamples(
    rights
      .command("get")
      .description("the rights on a system (--system) or of a user (--user)")
      .option("--system <id>", "list who holds which right on this system")
      .option("--user <login>", "list the systems this user holds a right on"),
    "ppms rights get --system 31",
    "ppms rights get --user jdoe --csv",
  ).action(async (opts: { system?: string; user?: string }) => {
    if ((opts.system === undefined) === (opts.user === undefined)) throw new InvalidArgumentError("--system/--user", "give exactly one of them");
    const ppms = await context.connection();
    const list = opts.system !== undefined ? await ppms.getSystemRights(opts.system) : await ppms.getUserRights(opts.user ?? "");
    printRows(context.format, list.map((r) => ({ ...r })), list);
  });

  withExamples(
    rights
      .command("set")
      .description("set rights in bulk from a CSV file with the header login,system,permission")
      .argument("<file>", "CSV file, e.g. a line `jdoe,31,A`")
      .option("--dry-run", "print the plan (current and wanted right per line) and send nothing"),
    "ppms rights set new-rights.csv --dry-run",
    "ppms rights set new-rights.csv",
  ).action(async (file: string, opts: { dryRun?: boolean }) => {
    const changes = readChanges(file);
    const ppms = await context.connection();
    const rows = await plan(ppms, changes);
    if (opts.dryRun) {
      printRows(context.format, rows);
      return;
    }
    const progress = createProgress("setright");
    let failed = 0;
    for (const [i, row] of rows.entries()) {
      const change = changes[i] as RightChange;
      if (row.action === "set") {
        try {
          row.result = (await ppms.setSystemBookingPermissions(change.login, change.system, change.permission)) ? "done" : "refused";
        } catch (error) {
          if (!(error instanceof FacilitySdkError)) throw error;
          row.result = `error: ${error.message}`;
        }
        if (row.result !== "done") failed++;
      } else row.result = "skipped";
      progress.update(i + 1, rows.length);
    }
    progress.finish();
    printRows(context.format, rows);
    if (failed > 0) throw new FacilitySdkError(`${failed} of ${rows.length} rights were not set (see the result column)`);
  });
}
