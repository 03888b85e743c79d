import { type ActionContext, type ActionHandler, day, int, need, opt, table } from "./context.js";
import { type Cell, doneAnswer, errorAnswer, linesAnswer, q, textAnswer } from "./render.js";
import { localDay, localHourMinute, parseLocalTime } from "./store.js";
import type { PumapiSession } from "./types.js";

// Bookings: the running session, the next one, the running sheet and session notes.

const MINUTE = 60_000;

/** Now rounded down to the minute, as PPMS counts "minutes from now". */
function nowMinute(ctx: ActionContext): number {
  return Math.floor(ctx.now.getTime() / MINUTE) * MINUTE;
}

function sessionsOf(ctx: ActionContext, systemId: number): PumapiSession[] {
  return ctx.state.sessions.filter((s) => s.systemId === systemId);
}

/**
 * `getbooking`: the session running now on system `id` — login, minutes until it ends, session id —
 * or an empty body.
 */
export const getbooking: ActionHandler = (ctx) => {
  const id = int("id", need(ctx, "id"));
  const now = nowMinute(ctx);
  const own = sessionsOf(ctx, id);
  const running = own.find((s) => parseLocalTime(s.start).getTime() <= now && now < parseLocalTime(s.end).getTime());
  if (!running) return textAnswer("");
  const start = parseLocalTime(running.start).getTime();
  // The reported quirk: at the very minute B starts where A ended, PPMS may not see B yet.
  if (ctx.backToBackQuirk && start === now && own.some((s) => parseLocalTime(s.end).getTime() === start)) return textAnswer("");
  return linesAnswer([running.login, Math.round((parseLocalTime(running.end).getTime() - now) / MINUTE), running.id]);
};

/**
 * `nextbooking`: the next session to start on system `id` — login, minutes until it starts, session
 * id — or an empty body (also when it starts beyond the horizon).
 */
export const nextbooking: ActionHandler = (ctx) => {
  const id = int("id", need(ctx, "id"));
  const now = nowMinute(ctx);
  const next = sessionsOf(ctx, id)
    .map((s) => ({ s, start: parseLocalTime(s.start).getTime() }))
    .filter(({ start }) => start > now)
    .sort((a, b) => a.start - b.start)[0];
  if (!next) return textAnswer("");
  const minutes = Math.round((next.start - now) / MINUTE);
  return minutes > ctx.horizonMinutes ? textAnswer("") : linesAnswer([next.s.login, minutes, next.s.id]);
};

/**
 * `getrunningsheet`: CSV of the sessions starting on `day` on the systems of core facility
 * `plateformid`, by start time. The header alone for a day without sessions; empty for an unknown core.
 */
export const getrunningsheet: ActionHandler = (ctx) => {
  const core = int("plateformid", need(ctx, "plateformid"));
  const wanted = day("day", need(ctx, "day"));
  if (!ctx.state.cores.some((c) => c.id === core)) return textAnswer("");
  const rows = ctx.state.sessions
    .map((s) => ({ s, sys: ctx.state.systems.get(s.systemId), start: parseLocalTime(s.start) }))
    .filter(({ sys, start }) => sys?.coreId === core && localDay(start) === wanted)
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map(({ s, sys, start }): Cell[] => [
      q(sys?.localisation ?? ""), q(localHourMinute(start)), q(localHourMinute(parseLocalTime(s.end))), q(sys?.name ?? ""),
      q(ctx.state.fullName(s.login)), q(s.training ? "true" : ""), q(s.assisted ? "true" : ""),
    ]);
  const header = ["Location", "Start time", "End time", "Object", "User", "Training", "Assisted"];
  return table(ctx, { header, headerSep: ", ", rows }, false);
};

function session(ctx: ActionContext): PumapiSession | string {
  const resid = need(ctx, "resid");
  const id = int("resid", resid);
  return ctx.state.sessions.find((s) => s.id === id) ?? resid;
}

/** `getsessionnote`: the note's text (CRLF line ends); empty when none or the session is unknown. */
export const getsessionnote: ActionHandler = (ctx) => {
  const s = session(ctx);
  if (typeof s === "string" || s.note === "") return textAnswer("");
  return textAnswer(`${s.note.replace(/\r?\n/g, "\r\n")}\r\n`);
};

/** `setsessionnote`: sets (an absent `note` clears) the note of session `resid`; answers `done`. */
export const setsessionnote: ActionHandler = (ctx) => {
  const s = session(ctx);
  if (typeof s === "string") return errorAnswer(`invalid session ${s}`);
  s.note = opt(ctx, "note") ?? "";
  return doneAnswer();
};
