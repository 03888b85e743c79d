import type { z } from "zod";
import { ResponseFormatError } from "../errors.js";

/**
 * Validates a parsed value against a zod schema and turns the first issue into a
 * `ResponseFormatError` naming the field (prefixed by `where`, e.g. `record 3`).
 */
export function checkShape<S extends z.ZodType>(schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(answer)";
  const missing = issue !== undefined && valueAt(value, issue.path) === undefined;
  const message = missing ? "is missing" : (issue?.message ?? "invalid");
  const prefix = where === undefined ? "" : `${where}: `;
  throw new ResponseFormatError(`${prefix}field '${field}' ${message}`, { field });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
