import { type ActionContext, type ActionHandler, flag, int, need, noHeaders, opt, optFlag, pick, today, wantsJson } from "./context.js";
import { type Cell, type Table, bool, csvAnswer, doneAnswer, errorAnswer, escapeEntities, jsonAnswer, linesAnswer, q, tableObjects, textAnswer } from "./render.js";
import type { PumapiGroup, PumapiGroupSeed, PumapiUser, PumapiUserSeed } from "./types.js";

// Users, groups and `auth`.

const USER_HEADER = ["login", "lname", "fname", "email", "phone", "bcode", "affiliation", "unitlogin", "mustchpwd", "mustchbcode", "active"];
const GROUP_HEADER = [
  "unitlogin", "unitname", "headname", "heademail", "unitbcode", "department", "institution", "address",
  "affiliation", "ext", "active", "admname", "admemail", "creationdate",
];
const USER_TEXT_FIELDS = ["lname", "fname", "email", "phone", "bcode", "affiliation", "unitlogin", "pwd"] as const;
const GROUP_TEXT_FIELDS = ["unitname", "headname", "heademail", "unitbcode", "department", "institution", "address", "ext", "affiliation"] as const;

/** `active=true` keeps active records, `active=false` inactive ones, no filter otherwise. */
function activeFilter(ctx: ActionContext): (active: boolean) => boolean {
  const v = opt(ctx, "active");
  if (v === undefined || v === "") return () => true;
  const want = flag("active", v);
  return (active) => active === want;
}

/** `auth`: the key alone answers `OK`; `login` + `pwd` check a user (`rightcheck=true` + `id` a system right too). */
export const auth: ActionHandler = (ctx) => {
  const login = opt(ctx, "login");
  if (login === undefined) return textAnswer("OK\r\n");
  const u = ctx.state.users.get(login);
  if (!u || !u.active || u.pwd === "" || u.pwd !== opt(ctx, "pwd")) return errorAnswer("authentication failed");
  if ((opt(ctx, "rightcheck") ?? "").toLowerCase() === "true") {
    const id = int("id", need(ctx, "id"));
    if (!ctx.state.rightsOf(id).some((r) => r.login === login && r.type !== "D")) return errorAnswer(`no right on system ${id}`);
  }
  return textAnswer("OK\r\n");
};

/**
 * `getusers`: logins, one per line (`active=true` for active ones only), HTML-encoded twice as
 * public notes show it (`o'brien` → `o&amp;#39;brien`); plain logins are sent as they are.
 */
export const getusers: ActionHandler = (ctx) => {
  const onlyActive = (opt(ctx, "active") ?? "").toLowerCase() === "true";
  return linesAnswer([...ctx.state.users.values()].filter((u) => !onlyActive || u.active).map((u) => encodeLogin(encodeLogin(u.login))));
};

/** One round of the HTML encoding PPMS applies to a login (`&`, `<`, `>`, `"`, `'` as `&#39;`). */
function encodeLogin(login: string): string {
  return escapeEntities(login, "&#39;");
}

/** `getuser`: one CSV row (or a JSON object); empty body for an unknown login. */
export const getuser: ActionHandler = (ctx) => {
  const u = ctx.state.users.get(need(ctx, "login"));
  if (!u) return textAnswer("");
  const withId = (opt(ctx, "withuserid") ?? "").toLowerCase() === "true";
  const cap = u.legacyCsv;
  const row: Cell[] = [
    q(u.login), q(u.lname), q(u.fname), q(u.email), q(u.phone), q(u.bcode), q(u.affiliation), q(u.unitlogin),
    bool(u.mustchpwd, cap), bool(u.mustchbcode, cap), bool(u.active, cap),
  ];
  if (withId) row.push(String(u.userid));
  const t: Table = { header: withId ? [...USER_HEADER, "userid"] : USER_HEADER, headerSep: cap ? ", " : ",", rows: [row] };
  return wantsJson(ctx) ? jsonAnswer(tableObjects(t)[0]) : csvAnswer(t, noHeaders(ctx));
};

/** `getadmins`: logins, one per line. */
export const getadmins: ActionHandler = (ctx) => linesAnswer(ctx.state.admins);

function userFields(ctx: ActionContext, login: string): PumapiUserSeed {
  const fields: PumapiUserSeed = { login, ...pick(ctx, USER_TEXT_FIELDS) };
  for (const name of ["mustchpwd", "mustchbcode", "active"] as const) {
    const v = optFlag(ctx, name);
    if (v !== undefined) fields[name] = v;
  }
  return fields;
}

/** `newuser`: creates (or updates) a user; answers `OK newuser`. */
export const newuser: ActionHandler = (ctx) => {
  const login = need(ctx, "login");
  for (const name of ["lname", "fname", "email", "unitlogin"]) need(ctx, name);
  const email = need(ctx, "email").toLowerCase();
  const clash = [...ctx.state.users.values()].find((u) => u.login !== login && u.email.toLowerCase() === email);
  if (clash) return errorAnswer("a user with this email exists");
  ctx.state.upsertUser(userFields(ctx, login), today(ctx));
  return textAnswer("OK newuser\r\n");
};

/** `upduser`: updates the fields given (creating the user when unknown); answers `done`. */
export const upduser: ActionHandler = (ctx) => {
  ctx.state.upsertUser(userFields(ctx, need(ctx, "login")), today(ctx));
  return doneAnswer();
};

/** `getgroups`: group ids, one per line (`active` filter). */
export const getgroups: ActionHandler = (ctx) => {
  const keep = activeFilter(ctx);
  return linesAnswer([...ctx.state.groups.values()].filter((g) => keep(g.active)).map((g) => g.unitlogin));
};

function groupRow(g: PumapiGroup): Cell[] {
  return [
    q(g.unitlogin), q(g.unitname), q(g.headname), q(g.heademail), q(g.unitbcode), q(g.department), q(g.institution),
    q(g.address), q(g.affiliation), q(g.ext), bool(g.active, g.legacyCsv), q(g.admname), q(g.admemail), q(g.creationdate),
  ];
}

/** `getgroup`: one CSV row ending in the extra fields `,"",` (or a JSON object); empty if unknown. */
export const getgroup: ActionHandler = (ctx) => {
  const g = ctx.state.groups.get(need(ctx, "unitlogin"));
  if (!g) return textAnswer("");
  const t: Table = { header: GROUP_HEADER, rows: [groupRow(g)], rowSuffix: ',"",' };
  return wantsJson(ctx) ? jsonAnswer(tableObjects(t)[0]) : csvAnswer(t, noHeaders(ctx));
};

/** `getgroupusers`: the group's logins, one per line (`active` filter on users); empty if unknown. */
export const getgroupusers: ActionHandler = (ctx) => {
  const unit = need(ctx, "unitlogin");
  const keep = activeFilter(ctx);
  const members = [...ctx.state.users.values()].filter((u: PumapiUser) => u.unitlogin === unit && keep(u.active));
  return linesAnswer(members.map((u) => u.login));
};

function groupFields(ctx: ActionContext): PumapiGroupSeed {
  const fields: PumapiGroupSeed = { unitlogin: need(ctx, "unitlogin"), ...pick(ctx, GROUP_TEXT_FIELDS) };
  const active = optFlag(ctx, "active");
  if (active !== undefined) fields.active = active;
  return fields;
}

/** `newgroup` and `updgroup`: create or update a group; answer `done`. */
export const newgroup: ActionHandler = (ctx) => {
  ctx.state.upsertGroup(groupFields(ctx), today(ctx));
  return doneAnswer();
};

/** `updgroup`: same as `newgroup` (PUMAPI creates what an update does not find). */
export const updgroup: ActionHandler = newgroup;
