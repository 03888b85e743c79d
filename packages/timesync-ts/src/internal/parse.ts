import type { z } from "zod";
import { TimeSyncResponseError } from "../response-error.js";

/** Where an answer came from (redacted URL), for parse errors. */
export interface AnswerOrigin {
  method: string;
  url: string;
}

function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
}

/** Parses one object with `schema`; a mismatch becomes a {@link TimeSyncResponseError}. */
export function parseOne<T>(schema: z.ZodType<T, unknown>, body: unknown, where: AnswerOrigin): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = issueLines(result.error);
  throw new TimeSyncResponseError(`TimeSync answered an object of an unexpected shape (${issues[0] ?? "invalid"})`, {
    request: { method: where.method, url: where.url },
    issues,
  });
}

/** Parses a JSON array of objects with `schema`. */
export function parseList<T>(schema: z.ZodType<T, unknown>, body: unknown, where: AnswerOrigin): T[] {
  if (!Array.isArray(body)) {
    throw new TimeSyncResponseError("TimeSync answered something other than a list", { request: { method: where.method, url: where.url } });
  }
  return body.map((item) => parseOne(schema, item, where));
}
