import { type ActionContext, type ActionHandler, ActionFailure, day, int, need, opt, optFlag, table, today, wantsJson } from "./context.js";
import { type Cell, bool, doneAnswer, errorAnswer, jsonAnswer, linesAnswer, q, tableObjects, textAnswer } from "./render.js";
import type { PumapiProject, PumapiProjectSeed } from "./types.js";

// Projects and billing codes.

const PROJECT_HEADER = [
  "Core facility ref.", "Project name", "Phase", "Active", "Bcode", "Project ref.", "Affiliation", "Project Type", "Project Group", "Descr",
];

/** The JSON keys public samples show for these columns; the other columns keep their CSV names. */
const JSON_KEYS: Record<string, string> = { "Project ref.": "ProjectRef", "Project name": "ProjectName", Active: "Active", "Expiration date": "ExpirationDate" };

/**
 * `getprojects`: CSV (header as the 2014 documentation lists it, a line break inside `Descr` sent as
 * `|`) or JSON (keys `ProjectRef`, `ProjectName`, `Active`, `ExpirationDate` as public samples show;
 * the others as in CSV; line breaks as `\n`); `ExpirationDate=true` adds `Expiration date` (its CSV
 * name is the fake's own).
 */
export const getprojects: ActionHandler = (ctx) => {
  const withExpiry = (opt(ctx, "ExpirationDate") ?? opt(ctx, "expirationdate") ?? "").toLowerCase() === "true";
  const rows = [...ctx.state.projects.values()].map((p): Cell[] => {
    const row: Cell[] = [
      String(p.coreId), q(p.name), String(p.phase), bool(p.active, true), q(p.bcode), String(p.id),
      q(p.affiliation), q(p.type), q(p.group), q(wantsJson(ctx) ? p.descr : p.descr.replace(/\r\n|\r|\n/g, "|")),
    ];
    if (withExpiry) row.push(q(p.expirationDate));
    return row;
  });
  const header = withExpiry ? [...PROJECT_HEADER, "Expiration date"] : PROJECT_HEADER;
  if (wantsJson(ctx)) return jsonAnswer(tableObjects({ header: header.map((h) => JSON_KEYS[h] ?? h), rows }));
  return table(ctx, { header, rows }, false);
};

function projectFields(ctx: ActionContext): Partial<PumapiProjectSeed> {
  const fields: Partial<PumapiProjectSeed> = {};
  const text = (name: string): string | undefined => opt(ctx, name);
  const name = text("name");
  if (name !== undefined) fields.name = name;
  for (const [form, key] of [["bcode", "bcode"], ["affiliation", "affiliation"], ["ptype", "type"], ["descr", "descr"], ["group", "group"]] as const) {
    const v = text(form);
    if (v !== undefined) fields[key] = v;
  }
  const phase = text("phase");
  if (phase !== undefined && phase !== "") fields.phase = int("phase", phase);
  const active = optFlag(ctx, "active");
  if (active !== undefined) fields.active = active;
  const expiry = text("expirationdate");
  if (expiry !== undefined) fields.expirationDate = expiry === "" ? "" : day("expirationdate", expiry);
  return fields;
}

function coreOf(ctx: ActionContext): number {
  const core = int("plateformid", need(ctx, "plateformid"));
  if (!ctx.state.cores.some((c) => c.id === core)) throw new ActionFailure(errorAnswer(`invalid core facility ${core}`));
  return core;
}

/** `newproject`: creates a project in core facility `plateformid`; answers the new project id (digits only). */
export const newproject: ActionHandler = (ctx) => {
  need(ctx, "name");
  const p = ctx.state.addProject({ coreId: coreOf(ctx), name: "", ...projectFields(ctx) });
  return textAnswer(String(p.id));
};

function project(ctx: ActionContext): PumapiProject | undefined {
  return ctx.state.projects.get(int("projectid", need(ctx, "projectid")));
}

/** `updproject`: updates the fields given of project `projectid`; answers `done`. */
export const updproject: ActionHandler = (ctx) => {
  const p = project(ctx);
  if (!p) return errorAnswer(`invalid project ${ctx.form.projectid ?? ""}`);
  const fields = projectFields(ctx);
  if (opt(ctx, "plateformid") !== undefined) fields.coreId = coreOf(ctx);
  Object.assign(p, fields);
  return doneAnswer();
};

/** `getprojectusers`: logins, one per line; empty for an unknown project. */
export const getprojectusers: ActionHandler = (ctx) => linesAnswer(project(ctx)?.users ?? []);

/** `getprojectgroups`: group ids, one per line; empty for an unknown project. */
export const getprojectgroups: ActionHandler = (ctx) => linesAnswer(project(ctx)?.groups ?? []);

/** `getuserprojects`: ids of the projects a login belongs to, one per line. */
export const getuserprojects: ActionHandler = (ctx) => {
  const login = need(ctx, "login");
  return linesAnswer([...ctx.state.projects.values()].filter((p) => p.users.includes(login)).map((p) => p.id));
};

/** `addprojectentry`: adds a journal entry (dated today) to a project; answers `done`. */
export const addprojectentry: ActionHandler = (ctx) => {
  const title = need(ctx, "title");
  const content = need(ctx, "content");
  const p = project(ctx);
  if (!p) return errorAnswer(`invalid project ${ctx.form.projectid ?? ""}`);
  p.entries.push({ title, content, date: today(ctx) });
  return doneAnswer();
};

/** `getbcodes`: CSV with `", "` between fields, in the header and in the rows. */
export const getbcodes: ActionHandler = (ctx) => {
  const rows = ctx.state.bcodes.map((b): Cell[] => [q(b.bcode), q(b.user), q(b.group), q(b.project), q(b.subsidy), q(b.charges)]);
  return table(ctx, { header: ["Bcode", "User", "Group", "Project", "Subsidy", "Charges"], headerSep: ", ", rowSep: ", ", rows }, false);
};

/** `getvalidbcodes`: CSV `Bcode,Expiration date` (one code with `bcode`; header alone when not valid). */
export const getvalidbcodes: ActionHandler = (ctx) => {
  const only = opt(ctx, "bcode");
  const rows = [...ctx.state.validBcodes.values()]
    .filter((v) => only === undefined || only === "" || v.bcode === only)
    .map((v): Cell[] => [q(v.bcode), q(v.expirationdate)]);
  return table(ctx, { header: ["Bcode", "Expiration date"], rows }, false);
};

/** `addvalidbcode`: makes a code valid (or changes its `expirationdate`); answers `done`. */
export const addvalidbcode: ActionHandler = (ctx) => {
  const bcode = need(ctx, "bcode");
  const expiry = opt(ctx, "expirationdate");
  const expirationdate = expiry === undefined || expiry === "" ? "" : day("expirationdate", expiry);
  ctx.state.validBcodes.set(bcode, { bcode, expirationdate });
  return doneAnswer();
};

/** `delvalidbcode`: removes a valid code; answers `done`, or `error: invalid bcode <code>` when unknown. */
export const delvalidbcode: ActionHandler = (ctx) => {
  const bcode = need(ctx, "bcode");
  return ctx.state.validBcodes.delete(bcode) ? doneAnswer() : errorAnswer(`invalid bcode ${bcode}`);
};
