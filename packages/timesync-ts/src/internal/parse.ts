import type { z } from "zod";
import { TimeSyncResponseError } from "../response-error.js";

/** Parses one object or a list with `schema`; a mismatch becomes a {@link TimeSyncResponseError}. */
export function parseOne<T>(schema: z.ZodType<T, unknown>, body: unknown, where: { method: string; url: string }): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new TimeSyncResponseError(`TimeSync answered an object of an unexpected shape: ${result.error.issues[0]?.message ?? "invalid"}`, {
    ...where,
    issues: result.error.issues,
  });
}

/** Parses a JSON array of objects with `schema`. */
export function parseList<T>(schema: z.ZodType<T, unknown>, body: unknown, where: { method: string; url: string }): T[] {
  if (!Array.isArray(body)) {
    throw new TimeSyncResponseError("TimeSync answered something other than a list", where);
  }
  return body.map((item) => parseOne(schema, item, where));
}
