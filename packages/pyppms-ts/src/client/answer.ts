import type { HttpResponse, RedactedRequest, Redactor } from "@facility-sdk/http-core";
import type { PumapiAnswerDetails } from "../errors/answer.js";
import type { PumapiResponse } from "../types.js";

/** An answer inside http-core's `accept` callback, with what its errors are built from. */
export interface PumapiAnswer extends PumapiResponse {
  /** The request (redacted). */
  readonly request: RedactedRequest;
  /** Request, body, status and the connection's redactor: the context of every error about this answer. */
  readonly context: PumapiAnswerDetails;
}

/** Wraps an http-core response as the answer to `action`. */
export function toAnswer(action: string, res: HttpResponse, redactor: Redactor): PumapiAnswer {
  const request = res.request;
  return {
    action,
    status: res.status,
    text: res.body,
    fromCache: res.fromCache,
    request,
    context: { request, body: res.body, status: res.status, redactor },
  };
}

/**
 * Thrown inside `accept` to hand a value back without recording the answer: an answer that is
 * not data (e.g. `setright`'s `error: invalid user`) still has a result for the caller (`false`),
 * but is never written to the cache.
 */
export class Unrecorded<T> {
  /** @param value - what the call returns */
  constructor(readonly value: T) {}
}
