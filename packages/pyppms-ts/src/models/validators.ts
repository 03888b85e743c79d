import { ResponseFormatError } from "../errors/format.js";

/*
 * Small field checks at the PUMAPI boundary, one per wire type. They accept both raw CSV strings
 * and values the CSV helpers already converted (booleans), so they check the output of the public
 * parsing helpers as well as the connection's own parsing. Their messages are the ones pyppms-ts
 * has always produced (they came from zod, which these replace), e.g. `expected a whole number`.
 */

/** Checks and converts one field; `optional` fields may be absent. */
export interface FieldCheck<T> {
  /** Whether the field may be absent (then it takes its default). */
  readonly optional: boolean;
  /** Converts a present value, or throws a {@link FieldProblem} saying what is wrong. */
  check(value: unknown): T;
}

/** What is wrong with one field value (turned into a {@link ResponseFormatError} naming the field). */
export class FieldProblem extends Error {}

// zod's wording for a value of the wrong type, kept so messages stay as they were.
const WRONG_TYPE = "Invalid input";
const fail = (message: string): never => {
  throw new FieldProblem(message);
};
const required = <T>(check: (value: unknown) => T): FieldCheck<T> => ({ optional: false, check });
const optional = <T, D>(inner: FieldCheck<T>, fallback: D): FieldCheck<T | D> => ({
  optional: true,
  check: (value) => (value === undefined ? fallback : inner.check(value)),
});

/** A text field; a value the CSV helpers turned into a boolean goes back to `"true"`/`"false"`. */
export const text: FieldCheck<string> = required((v) => (typeof v === "string" ? v : typeof v === "boolean" ? String(v) : fail(WRONG_TYPE)));

/** A non-empty text field (ids, logins). */
export const nonEmptyText: FieldCheck<string> = required((v) => {
  const value = text.check(v);
  return value.trim() === "" ? fail("must not be empty") : value;
});

/** An optional text field that defaults to `""`. */
export const optionalText: FieldCheck<string> = optional(text, "");

/** `true`/`True`/`false`/`False` on the wire, a real boolean after parsing. */
export const flag: FieldCheck<boolean> = required((v) => {
  if (typeof v === "boolean") return v;
  if (typeof v !== "string") return fail(WRONG_TYPE);
  const lower = v.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return fail(`expected true or false, got '${v}'`);
});

/** An optional flag (undefined when absent). */
export const optionalFlag: FieldCheck<boolean | undefined> = optional(flag, undefined);

/** Digits on the wire, a number after parsing. */
export const integer: FieldCheck<number> = required((v) => {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return typeof v === "string" || typeof v === "number" ? fail(`expected a whole number, got '${String(v)}'`) : fail(WRONG_TYPE);
});

/** An optional whole number (undefined when absent), e.g. `getuser`'s `userid` column. */
export const optionalInteger: FieldCheck<number | undefined> = optional(integer, undefined);

/**
 * An optional yes/no field that PUMAPI fills loosely (`getgroup`'s `ext`): `true`/`false`,
 * `1`/`0`, `yes`/`no` in any letter case, or empty or absent for false.
 */
export const looseFlag: FieldCheck<boolean> = optional(
  required((v) => {
    if (typeof v === "boolean") return v;
    if (typeof v !== "string") return fail(WRONG_TYPE);
    const lower = v.trim().toLowerCase();
    if (lower === "true" || lower === "1" || lower === "yes") return true;
    if (lower === "false" || lower === "0" || lower === "no" || lower === "") return false;
    return fail(`expected true or false, got '${v}'`);
  }),
  false,
);

/** A decimal number on the wire (hours), a number after parsing. */
export const decimal: FieldCheck<number> = required((v) => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return typeof v === "string" || typeof v === "number" ? fail(`expected a number, got '${String(v)}'`) : fail(WRONG_TYPE);
});

/** Field name → check. */
export type RecordShape = Readonly<Record<string, FieldCheck<unknown>>>;

/** The checked record a {@link RecordShape} describes. */
export type RecordOf<S extends RecordShape> = { -readonly [K in keyof S]: S[K] extends FieldCheck<infer T> ? T : never };

/** A record check: its fields, and whether fields outside the shape are kept (`loose`) or dropped. */
export interface RecordSpec<S extends RecordShape> {
  /** The fields, checked in this order (the first problem is reported). */
  readonly shape: S;
  /** Keep fields the shape does not name (default true). */
  readonly loose: boolean;
}

/**
 * Describes a record: its fields in order, and whether other fields are kept.
 *
 * @param shape - field name → check
 * @param loose - keep fields the shape does not name (default true)
 * @returns the record spec
 */
export function recordSpec<S extends RecordShape>(shape: S, loose = true): RecordSpec<S> {
  return { shape, loose };
}

/** A spec's fields as [name, check] pairs, and an object holding each of them as undefined, in order. */
interface SpecLayout {
  readonly fields: ReadonlyArray<readonly [string, FieldCheck<unknown>]>;
  readonly blank: Readonly<Record<string, unknown>>;
}

// Worked out once per spec: checks run once per record. A checked record starts as a copy of
// `blank`, so it is made at its full size at once instead of growing field by field.
const layouts = new WeakMap<RecordSpec<RecordShape>, SpecLayout>();
const layoutOf = (spec: RecordSpec<RecordShape>): SpecLayout => {
  let layout = layouts.get(spec);
  if (layout === undefined) {
    const fields = Object.entries(spec.shape);
    const blank: Record<string, unknown> = {};
    for (const [field] of fields) blank[field] = undefined;
    layout = { fields, blank };
    layouts.set(spec, layout);
  }
  return layout;
};

/**
 * A copy of a record's own fields, in their order. Not `{ ...input }`: V8 gives a spread copy a
 * map without shared transitions, so adding an absent optional field to it (`getuser`'s `userid`)
 * took a slow path per record. A `__proto__` field stays a plain field, as in a spread.
 */
function copyFields(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in input) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: input[key], enumerable: true, writable: true, configurable: true });
    else out[key] = input[key];
  }
  return out;
}

const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * Checks a parsed value against a record spec, converting each field, and throws a
 * {@link ResponseFormatError} naming the first field that does not fit (prefixed by `where`,
 * e.g. `record 3`): `field 'login' is missing`, `field 'System id' expected a whole number, got 'abc'`.
 *
 * @param spec - the record spec
 * @param value - a parsed record
 * @param where - where it came from, for the message
 * @returns the checked record
 */
export function checkRecord<S extends RecordShape>(spec: RecordSpec<S>, value: unknown, where?: string): RecordOf<S> {
  return checkInto(spec, value, where, spec.loose);
}

/**
 * {@link checkRecord} for a caller that reads only the spec's own fields (a model's `fromRecord`):
 * the same checks and messages, without copying the record's other columns into the result.
 *
 * @param spec - the record spec (its `loose` is ignored)
 * @param value - a parsed record
 * @param where - where it came from, for the message
 * @returns the checked fields of the spec
 */
export function checkFields<S extends RecordShape>(spec: RecordSpec<S>, value: unknown, where?: string): RecordOf<S> {
  return checkInto(spec, value, where, false);
}

function checkInto<S extends RecordShape>(spec: RecordSpec<S>, value: unknown, where: string | undefined, keepOthers: boolean): RecordOf<S> {
  const prefix = where === undefined ? "" : `${where}: `;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ResponseFormatError(`${prefix}field '(answer)' Invalid input: expected object, received ${kindOf(value)}`, { field: "(answer)" });
  }
  const input = value as Record<string, unknown>;
  const layout = layoutOf(spec);
  const out: Record<string, unknown> = keepOthers ? copyFields(input) : { ...layout.blank };
  for (const [field, check] of layout.fields) {
    const raw = input[field];
    if (raw === undefined && !check.optional) throw new ResponseFormatError(`${prefix}field '${field}' is missing`, { field });
    try {
      out[field] = check.check(raw);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      throw new ResponseFormatError(`${prefix}field '${field}' ${error.message}`, { field });
    }
  }
  return out as RecordOf<S>;
}
