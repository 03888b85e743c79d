/** PUMAPI's refusal of a key (sent with HTTP 200). */
export function isNotAuthorized(text: string): boolean {
  return text.trim().toLowerCase() === "request not authorized";
}

/** An answer that is an error message instead of data (`error: ...`). */
export function isErrorAnswer(text: string): boolean {
  return /^\s*error\b\s*:/i.test(text);
}

/** The first line of an answer, shortened, for error messages. */
export function answerExcerpt(text: string, max = 200): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}
