import { type ActionHandler, int, need, opt, table, today } from "./context.js";
import { type Cell, bool, doneAnswer, errorAnswer, linesAnswer, q, textAnswer } from "./render.js";
import type { PumapiSystem } from "./types.js";

// Systems, rights, user experience and incidents.

const SYSTEM_HEADER = [
  "Core facility ref", "System id", "Type", "Name", "Localisation", "Active", "Schedules", "Stats", "Bookable",
  "Autonomy Required", "Autonomy Required After Hours",
];
const VALID_RIGHTS = new Set(["A", "N", "S", "D"]);

function systemRow(s: PumapiSystem): Cell[] {
  const cap = !s.legacyCsv;
  return [
    String(s.coreId), String(s.id), q(s.type), q(s.name), q(s.localisation), bool(s.active, cap), bool(s.schedules, cap),
    bool(s.stats, cap), bool(s.bookable, cap), bool(s.autonomyRequired, cap), bool(s.autonomyRequiredAfterHours, cap),
  ];
}

/** `getsystems`: CSV (or JSON) of every system, or of one with `id`; empty for an unknown id. */
export const getsystems: ActionHandler = (ctx) => {
  const idText = opt(ctx, "id");
  let systems = [...ctx.state.systems.values()];
  if (idText !== undefined && idText !== "") {
    const id = int("id", idText);
    systems = systems.filter((s) => s.id === id);
    if (systems.length === 0) return textAnswer("");
  }
  return table(ctx, { header: SYSTEM_HEADER, rows: systems.map(systemRow) }, true);
};

/** `getsysrights`: `LETTER:login` lines (`format=csv`: `LETTER,"login"` rows); empty for an unknown system. */
export const getsysrights: ActionHandler = (ctx) => {
  const rights = ctx.state.rightsOf(int("id", need(ctx, "id")));
  const csv = (opt(ctx, "format") ?? "").toLowerCase() === "csv";
  return linesAnswer(rights.map((r) => (csv ? `${r.type},"${r.login}"` : `${r.type}:${r.login}`)));
};

/**
 * `setright`: replaces the login's letters on the system. An unknown system answers `system right not
 * authorized`, an unknown login `error: invalid user <login>`, and an invalid letter `done` while
 * changing nothing (PUMAPI accepts it silently).
 */
export const setright: ActionHandler = (ctx) => {
  const id = int("id", need(ctx, "id"));
  const login = need(ctx, "login");
  const type = need(ctx, "type");
  if (!ctx.state.systems.has(id)) return textAnswer("system right not authorized\r\n");
  if (!ctx.state.users.has(login)) return errorAnswer(`invalid user ${login}`);
  if (VALID_RIGHTS.has(type)) ctx.state.setRight(id, login, type);
  return doneAnswer();
};

/** `getuserrights`: `LETTER:systemid` lines for a login; empty when it holds none or is unknown. */
export const getuserrights: ActionHandler = (ctx) => {
  const login = need(ctx, "login");
  return linesAnswer(ctx.state.rights.filter((r) => r.login === login).map((r) => `${r.type}:${r.systemId}`));
};

/** `getuserexp`: CSV of experience rows, filtered by `login` and/or `id`. */
export const getuserexp: ActionHandler = (ctx) => {
  const login = opt(ctx, "login");
  const idText = opt(ctx, "id");
  const id = idText === undefined || idText === "" ? undefined : int("id", idText);
  const rows = ctx.state.userExperience
    .filter((e) => (login === undefined || login === "" || e.login === login) && (id === undefined || e.systemId === id))
    .map((e): Cell[] => [
      q(e.login), String(e.systemId), String(e.bookedHours), String(e.usedHours),
      q(e.lastRes === "" ? "n/a" : e.lastRes), q(e.lastTrain === "" ? "n/a" : e.lastTrain),
    ]);
  return table(ctx, { header: ["login", "id", "booked_hours", "used_hours", "last_res", "last_train"], rows }, false);
};

/** `getinc`: CSV of a system's incidents; empty for an unknown system. */
export const getinc: ActionHandler = (ctx) => {
  const id = int("id", need(ctx, "id"));
  if (!ctx.state.systems.has(id)) return textAnswer("");
  const rows = ctx.state.incidents
    .filter((i) => i.systemId === id)
    .map((i): Cell[] => [String(i.id), String(i.systemId), String(i.severity), q(i.descr), q(i.date), bool(i.active, true)]);
  return table(ctx, { header: ["Incident id", "System id", "Severity", "Description", "Date", "Active"], rows }, false);
};

/** `createinc`: reports an incident (severity 1–3, default 1) dated today; answers `done`. */
export const createinc: ActionHandler = (ctx) => {
  const id = int("id", need(ctx, "id"));
  if (!ctx.state.systems.has(id)) return errorAnswer(`invalid system ${id}`);
  const severityText = opt(ctx, "severity");
  const severity = severityText === undefined || severityText === "" ? 1 : int("severity", severityText);
  if (severity < 1 || severity > 3) return errorAnswer(`invalid severity: ${severity}`);
  const nextId = Math.max(500, ...ctx.state.incidents.map((i) => i.id)) + 1;
  ctx.state.incidents.push({ id: nextId, systemId: id, severity, descr: opt(ctx, "descr") ?? "", date: today(ctx), active: true });
  return doneAnswer();
};
