import type { z } from "zod";
import { TimeSyncValidationError } from "../errors.js";
import { snakeToCamel } from "../wire/names.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The camelCase field a snake_case key most likely meant, when the schema has it. */
function camelHint(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  const camel = snakeToCamel(key);
  if (camel === key) return undefined;
  const shape = path.length === 0 ? (schema as { shape?: Record<string, unknown> }).shape : undefined;
  // Nested objects have no snake_case-prone fields of their own; only top-level keys get a hint.
  return shape !== undefined && camel in shape ? `did you mean ${camel}?` : undefined;
}

/**
 * Validates `input` with `schema`; the first problem becomes a {@link TimeSyncValidationError} naming
 * the field (prefixed with `what`, e.g. `time.dateWorked`). A snake_case field the SDK knows in
 * camelCase wins over other problems and carries a "did you mean" hint, so `date_worked` instead of
 * the required `dateWorked` is reported as such, not as a missing field. Messages never echo values.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new TimeSyncValidationError(what, "expected an object");
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const hint = camelHint(schema, issue.path, key);
      if (hint !== undefined) throw new TimeSyncValidationError([what, ...issue.path.map(String), key].join("."), "unknown field", { hint });
    }
  }
  const issue = issues[0]!;
  if (issue.code === "unrecognized_keys") {
    throw new TimeSyncValidationError([what, ...issue.path.map(String), issue.keys[0] ?? "?"].join("."), "unknown field");
  }
  const field = [what, ...issue.path.map(String)].join(".");
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    throw new TimeSyncValidationError(field, "is required");
  }
  if (issue.code === "invalid_union") {
    // Prefer the message of a branch whose type matched but whose format check failed.
    const specific = issue.errors.flat().find((i) => i.code !== "invalid_type");
    throw new TimeSyncValidationError(field, specific?.message ?? issue.message);
  }
  throw new TimeSyncValidationError(field, issue.message);
}

/** The `signal` of a call's options, checked, and the other options. */
export function takeSignal<T extends object>(options: T | undefined, what = "options"): { signal: AbortSignal | undefined; rest: Omit<T, "signal"> } {
  if (options === undefined) return { signal: undefined, rest: {} as Omit<T, "signal"> };
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TimeSyncValidationError(what, "expected an object");
  const { signal, ...rest } = options as T & { signal?: unknown };
  // Duck-typed: a signal from another realm or a polyfill works with undici too.
  const looksLikeSignal = (v: unknown): v is AbortSignal =>
    typeof v === "object" && v !== null && typeof (v as AbortSignal).aborted === "boolean" && typeof (v as AbortSignal).addEventListener === "function";
  if (signal !== undefined && !looksLikeSignal(signal)) throw new TimeSyncValidationError(`${what}.signal`, "expected an AbortSignal");
  return { signal, rest: rest as Omit<T, "signal"> };
}

/** The `signal` of a method whose options hold nothing else; any other key is refused. */
export function signalOf(options: object | undefined, what = "options"): AbortSignal | undefined {
  const { signal, rest } = takeSignal(options, what);
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new TimeSyncValidationError(`${what}.${extra}`, "unknown option", { hint: "this method takes only { signal }" });
  return signal;
}
