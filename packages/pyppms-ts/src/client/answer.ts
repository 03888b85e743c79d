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

/**
 * Wraps an http-core response as the answer to `action`. The redacted request (and so the error
 * context) is built only when something asks for it: redacting costs a URL parse, and most answers
 * are parsed without error.
 */
export function toAnswer(action: string, res: HttpResponse, redactor: Redactor): PumapiAnswer {
  return new Answer(action, res, redactor);
}

class Answer implements PumapiAnswer {
  readonly status: number;
  readonly text: string;
  readonly fromCache: boolean;
  #context: PumapiAnswerDetails | undefined;

  constructor(
    readonly action: string,
    private readonly res: HttpResponse,
    private readonly redactor: Redactor,
  ) {
    this.status = res.status;
    this.text = res.body;
    this.fromCache = res.fromCache;
  }

  get request(): RedactedRequest {
    return this.res.request;
  }

  get context(): PumapiAnswerDetails {
    this.#context ??= { request: this.res.request, body: this.res.body, status: this.res.status, redactor: this.redactor };
    return this.#context;
  }
}
