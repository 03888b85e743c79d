import type { RedactedRequest, Redactor } from "@facility-sdk/http-core";
import type { z } from "zod";
import { TimeSyncResponseError } from "../errors.js";

/** The answer a parser looks at, and what its errors are built with. */
export interface AnswerContext {
  /** The operation, e.g. `TimeSync getTimes (GET /times)`. */
  operation: string;
  /** HTTP status. */
  status: number;
  /** The raw body text (redacted when an error is built from it). */
  body: string;
  /** The request (redacted). */
  request: RedactedRequest;
  /** Attempts made. */
  attempts: number;
  /** The client's redactor. */
  redactor: Redactor;
}

/** A {@link TimeSyncResponseError} about this answer. */
export function responseError(message: string, answer: AnswerContext, extra: { issues?: string[]; cause?: unknown } = {}): TimeSyncResponseError {
  return new TimeSyncResponseError(message, {
    request: answer.request,
    status: answer.status,
    body: answer.body,
    attempts: answer.attempts,
    redactor: answer.redactor,
    operation: answer.operation,
    ...extra,
  });
}

function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
}

/**
 * Parses one object with `schema`. A mismatch, and anything a schema throws, becomes a
 * {@link TimeSyncResponseError} naming the operation: no `ZodError` ever reaches the caller.
 */
export function parseOne<T>(schema: z.ZodType<T, unknown>, body: unknown, answer: AnswerContext, what = "an object"): T {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(body);
  } catch (error) {
    throw responseError(`answered ${what} the client could not read`, answer, { cause: error });
  }
  if (result.success) return result.data;
  const issues = issueLines(result.error);
  const shape = body === undefined ? "an empty body" : `${what} of an unexpected shape (${issues[0] ?? "invalid"})`;
  throw responseError(`answered ${shape}`, answer, { issues });
}

/** Parses a JSON array of objects with `schema`. */
export function parseList<T>(schema: z.ZodType<T, unknown>, body: unknown, answer: AnswerContext): T[] {
  if (!Array.isArray(body)) {
    throw responseError(`answered ${body === undefined ? "an empty body" : "something other than a list"} where a list was due`, answer);
  }
  return body.map((item, i) => parseOne(schema, item, answer, `an item (#${i})`));
}
