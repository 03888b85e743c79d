import { AuthenticationError, NoDataError, PumapiActionError, PumapiUnexpectedAnswerError } from "../errors/answer.js";
import { PumapiValidationError, ResponseFormatError } from "../errors/format.js";
import { isErrorAnswer, isHtmlPage, isNotAuthorized } from "../wire/answer-text.js";
import type { PumapiAnswer } from "./answer.js";

/** `request not authorized` (HTTP 200) → {@link AuthenticationError} naming the action. */
export function checkAuthorized(answer: PumapiAnswer): void {
  if (isNotAuthorized(answer.text)) throw new AuthenticationError(answer.action, answer.context);
}

/** An HTML page (HTTP 200) → {@link PumapiUnexpectedAnswerError} naming the action. */
export function checkNotHtml(answer: PumapiAnswer): void {
  if (isHtmlPage(answer.text)) throw new PumapiUnexpectedAnswerError(answer.action, "an HTML page", answer.context);
}

/** The checks of every read: authorized, not HTML, not an `error: ...` text (→ {@link PumapiActionError}). */
export function checkReadAnswer(answer: PumapiAnswer): void {
  checkAuthorized(answer);
  checkNotHtml(answer);
  if (isErrorAnswer(answer.text)) throw new PumapiActionError(answer.action, answer.context);
}

/** An empty answer where data must come → {@link NoDataError} naming the action. */
export function requireData(answer: PumapiAnswer): void {
  if (answer.text.trim() === "") throw new NoDataError("answered nothing where data must come", { ...answer.context, action: answer.action });
}

/**
 * `auth`: a refusal, an error text or an HTML page → {@link AuthenticationError}. An empty answer
 * is a success: it is what PUMAPI answers pyppms' key-only `auth` (pyppms counts it so).
 */
export function checkAuthAnswer(text: string, context: PumapiAnswer["context"]): void {
  if (isNotAuthorized(text) || text.toLowerCase().includes("error")) throw new AuthenticationError("auth", context);
  if (isHtmlPage(text)) throw new AuthenticationError("auth", { ...context, reason: "answered an HTML page, not PUMAPI" });
}

/** A write's default confirmation: anything but an error text; an empty answer confirms nothing. */
export function confirmWrite(answer: PumapiAnswer): void {
  const text = answer.text.toLowerCase();
  if (text.includes("error") || text.includes("not authorized")) throw new PumapiActionError(answer.action, answer.context);
  if (text.trim() === "") throw new PumapiActionError(answer.action, { ...answer.context, reason: "answered nothing, which confirms nothing" });
}

/** The validation error for a format problem in an answer, naming action, field and (redacted) body. */
export function validationError(answer: PumapiAnswer, error: ResponseFormatError, where?: string): PumapiValidationError {
  const field = error.field ?? "(answer)";
  const message = where === undefined ? error.message : `${where}: ${error.message}`;
  return new PumapiValidationError({ ...answer.context, action: answer.action, field, issues: [{ field, message }], cause: error });
}

/**
 * Runs a parser over an answer: its format errors become {@link PumapiValidationError}s and its
 * no-data errors name the action, both built with the answer's request, body and redactor.
 */
export function parseAnswer<T>(answer: PumapiAnswer, parse: () => T, where?: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ResponseFormatError) throw validationError(answer, error, where);
    if (error instanceof NoDataError && error.action === undefined) {
      throw new NoDataError(error.message, { ...answer.context, action: answer.action, cause: error });
    }
    throw error;
  }
}
