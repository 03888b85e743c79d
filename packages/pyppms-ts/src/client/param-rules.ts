import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireDay, requireId, requireReference, requireText } from "../internal/inputs.js";
import { formatDay } from "../models/time.js";
import type { PumapiParams } from "../types.js";

/**
 * The check of one declared parameter: takes the value a method put in the form and gives the
 * text sent, or undefined to leave the field out. Anything else throws a
 * {@link PpmsInvalidArgumentError} naming the parameter, before any request. A `secret`
 * parameter's value is added to the connection's redactor before sending.
 */
export interface ParamRule {
  /** Checks and converts a value (undefined: not sent). */
  readonly check: (field: string, value: unknown) => string | undefined;
  /** The value is a secret (a password): masked in logs, errors and cache file names. */
  readonly secret?: boolean | undefined;
}

const shown = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : typeof value === "object" && value !== null ? "an object" : String(value));

/** Makes a rule optional: undefined is left out, anything else must pass `rule`. */
export function optional(rule: ParamRule): ParamRule {
  return { ...rule, check: (field, value) => (value === undefined ? undefined : rule.check(field, value)) };
}

/** A mandatory non-empty string (logins, group ids, names). */
export const text: ParamRule = { check: (field, value) => requireText(field, value) };

/** Any string, empty allowed (a note, a comment). */
export const anyText: ParamRule = {
  check: (field, value) => {
    if (typeof value !== "string") throw new PpmsInvalidArgumentError(field, `must be a string, got ${shown(value)}`);
    return value;
  },
};

/** A whole number ≥ 0 or digits (ids). */
export const id: ParamRule = { check: (field, value) => requireId(field, value) };

/** A reference sent as given (a manifest reference: `M-71` or `71`): non-empty text, trimmed, or a whole number. */
export const reference: ParamRule = { check: (field, value) => requireReference(field, value) };

/** A boolean, sent as `true` / `false`; strings such as `"yes"` are refused. */
export const flag: ParamRule = {
  check: (field, value) => {
    if (typeof value === "boolean") return String(value);
    if (value === "true" || value === "false") return value;
    throw new PpmsInvalidArgumentError(field, `must be true or false, got ${shown(value)}`);
  },
};

/** A real day, `YYYY-MM-DD` (or a `Date`: its local day). */
export const day: ParamRule = { check: (field, value) => formatDay(requireDay(field, value)) };

/** A finite number > 0 (a quantity). */
export const positiveNumber: ParamRule = {
  check: (field, value) => {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) return String(value);
    throw new PpmsInvalidArgumentError(field, `must be a number > 0, got ${shown(value)}`);
  },
};

/** One of the given texts. */
export function oneOf(...allowed: string[]): ParamRule {
  return {
    check: (field, value) => {
      if (typeof value === "string" && allowed.includes(value)) return value;
      throw new PpmsInvalidArgumentError(field, `must be one of ${allowed.join(", ")}; got ${shown(value)}`);
    },
  };
}

/** A secret (a password): a non-empty string, masked wherever the connection writes. */
export const secret: ParamRule = {
  secret: true,
  check: (field, value) => {
    if (typeof value !== "string" || value === "") throw new PpmsInvalidArgumentError(field, "must be a non-empty string");
    return value;
  },
};

/**
 * Checks a form against an action's declared parameters: every parameter must be declared and
 * pass its rule; undefined values are left out. The error names the action's parameter.
 */
export function checkParams(rules: Readonly<Record<string, ParamRule>>, params: PumapiParams, action: string): { form: Record<string, string>; secrets: string[] } {
  const form: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const rule = Object.hasOwn(rules, name) ? rules[name] : name === "action" || name === "apikey" ? undefined : rules["*"];
    if (rule === undefined) throw new PpmsInvalidArgumentError(`params.${name}`, `is not a parameter of PUMAPI ${action}`);
    const sent = rule.check(name, value);
    if (sent === undefined) continue;
    form[name] = sent;
    if (rule.secret === true) secrets.push(sent);
  }
  for (const [name, rule] of Object.entries(rules)) {
    if (name !== "*" && !(name in form) && !isOptional(rule)) rule.check(name, undefined);
  }
  return { form, secrets };
}

// A rule is optional when it accepts undefined (without throwing).
function isOptional(rule: ParamRule): boolean {
  try {
    return rule.check("(probe)", undefined) === undefined;
  } catch {
    return false;
  }
}

/** `format` (`json` or `csv`), sent by the reads that support JSON when the connection asks for it. */
export const format: ParamRule = optional(oneOf("json", "csv"));

/** A plain value (string, finite number or boolean), sent as text: the parameters of an API2 report. */
export const plainValue: ParamRule = {
  check: (field, value) => {
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return String(value);
    throw new PpmsInvalidArgumentError(field, `must be a string, a number or a boolean, got ${shown(value)}`);
  },
};
