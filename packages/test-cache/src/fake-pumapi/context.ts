import { type Table, csvAnswer, errorAnswer, jsonAnswer, tableObjects } from "./render.js";
import { type FakePumapiState, localDay } from "./store.js";
import type { PumapiFakeResponse } from "./options.js";

/** What an action handler gets. */
export interface ActionContext {
  state: FakePumapiState;
  form: Record<string, string>;
  /** The fake's clock, read once per request. */
  now: Date;
  /** `nextbooking` horizon in minutes. */
  horizonMinutes: number;
  backToBackQuirk: boolean;
}

/** An action handler. */
export type ActionHandler = (ctx: ActionContext) => PumapiFakeResponse;

/** A failed check: its answer is sent as is. */
export class ActionFailure extends Error {
  /** @param answer - the answer to send */
  constructor(readonly answer: PumapiFakeResponse) {
    super(answer.body);
  }
}

/** A form value, or undefined when absent. */
export function opt(ctx: ActionContext, name: string): string | undefined {
  return ctx.form[name];
}

/** A mandatory form value; absent or blank fails with `error: missing parameter: <name>`. */
export function need(ctx: ActionContext, name: string): string {
  const value = ctx.form[name];
  if (value === undefined || value.trim() === "") throw new ActionFailure(errorAnswer(`missing parameter: ${name}`));
  return value;
}

/** Parses a whole number, failing with `error: invalid <name>: <value>`. */
export function int(name: string, value: string): number {
  const n = Number(value.trim());
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new ActionFailure(errorAnswer(`invalid ${name}: ${value}`));
  return n;
}

/** Parses a form boolean (`true`/`false`/`1`/`0`, any case). */
export function flag(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new ActionFailure(errorAnswer(`invalid ${name}: ${value}`));
}

/** An optional boolean field: undefined when absent. */
export function optFlag(ctx: ActionContext, name: string): boolean | undefined {
  const v = ctx.form[name];
  return v === undefined ? undefined : flag(name, v);
}

/** Checks a `YYYY-MM-DD` day. */
export function day(name: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new ActionFailure(errorAnswer(`invalid ${name}: ${value}`));
  return value.trim();
}

/** The fake's today, `YYYY-MM-DD`. */
export function today(ctx: ActionContext): string {
  return localDay(ctx.now);
}

/** `noheaders=true` asked. */
export function noHeaders(ctx: ActionContext): boolean {
  return (ctx.form.noheaders ?? "").toLowerCase() === "true";
}

/** `format=json` asked. */
export function wantsJson(ctx: ActionContext): boolean {
  return (ctx.form.format ?? "").toLowerCase() === "json";
}

/** A table as CSV, or as a JSON array of string-valued objects when `format=json` is asked and allowed. */
export function table(ctx: ActionContext, t: Table, json: boolean): PumapiFakeResponse {
  return json && wantsJson(ctx) ? jsonAnswer(tableObjects(t)) : csvAnswer(t, noHeaders(ctx));
}

/** Copies the given form fields that are present, under the same names. */
export function pick<K extends string>(ctx: ActionContext, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const n of names) {
    const v = ctx.form[n];
    if (v !== undefined) out[n] = v;
  }
  return out;
}
