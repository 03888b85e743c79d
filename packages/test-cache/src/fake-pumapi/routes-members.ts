import { type ActionContext, type ActionHandler, int, need } from "./context.js";
import { type Cell, csvAnswer, doneAnswer, errorAnswer, linesAnswer, q, textAnswer } from "./render.js";
import type { PumapiProject } from "./types.js";

// Project members, a group's projects and the right check. No public source shows these answers
// in full, so the fake answers only what public consumers read and leaves the rest out or empty:
// - getprojectmember: headerless CSV lines; column 1 is the user id and column 8 the login (as
//   UQ-RCC/pitschi-xapi reads them); columns 2–7 are not published and are left empty here;
// - getgroupprojects: project ids, one per line (the shape of getuserprojects);
// - rightcheck (`login`, `id`): `OK` when the login holds a right other than `D` on the system,
//   else an `error: ...` text;
// - createprojectmember / deleteprojectmember (`projectid`, `login`): `done`, or an error text.

function projectOf(ctx: ActionContext): PumapiProject | undefined {
  return ctx.state.projects.get(int("projectid", need(ctx, "projectid")));
}

/** `getprojectmember`: one headerless line per member (user id in column 1, login in column 8). */
export const getprojectmember: ActionHandler = (ctx) => {
  const project = projectOf(ctx);
  if (project === undefined) return textAnswer("");
  const rows: Cell[][] = project.users.map((login) => {
    const userid = ctx.state.users.get(login)?.userid ?? 0;
    return [String(userid), "", "", "", "", "", "", q(login)];
  });
  return csvAnswer({ header: [], rows }, true);
};

/** `createprojectmember`: adds a known login to a known project. */
export const createprojectmember: ActionHandler = (ctx) => {
  const project = projectOf(ctx);
  const login = need(ctx, "login");
  if (project === undefined) return errorAnswer(`invalid project ${ctx.form.projectid ?? ""}`);
  if (!ctx.state.users.has(login)) return errorAnswer(`invalid user ${login}`);
  if (!project.users.includes(login)) project.users.push(login);
  return doneAnswer();
};

/** `deleteprojectmember`: removes a member from a known project. */
export const deleteprojectmember: ActionHandler = (ctx) => {
  const project = projectOf(ctx);
  const login = need(ctx, "login");
  if (project === undefined) return errorAnswer(`invalid project ${ctx.form.projectid ?? ""}`);
  const at = project.users.indexOf(login);
  if (at < 0) return errorAnswer(`${login} is not a member of project ${project.id}`);
  project.users.splice(at, 1);
  return doneAnswer();
};

/** `getgroupprojects`: ids of the projects of a group (`unitlogin`), one per line. */
export const getgroupprojects: ActionHandler = (ctx) => {
  const group = need(ctx, "unitlogin");
  return linesAnswer([...ctx.state.projects.values()].filter((p) => p.group === group || p.groups.includes(group)).map((p) => p.id));
};

/** `rightcheck`: `OK` when `login` holds a right other than `D` on system `id`. */
export const rightcheck: ActionHandler = (ctx) => {
  const login = need(ctx, "login");
  const id = int("id", need(ctx, "id"));
  return ctx.state.rightsOf(id).some((r) => r.login === login && r.type !== "D") ? textAnswer("OK\r\n") : errorAnswer(`no right on system ${id}`);
};
