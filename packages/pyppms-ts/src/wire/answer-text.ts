/** PUMAPI's refusal of a key (sent with HTTP 200). */
export function isNotAuthorized(text: string): boolean {
  return text.trim().toLowerCase() === "request not authorized";
}

/** An answer that is an error message instead of data (`error: ...`). */
export function isErrorAnswer(text: string): boolean {
  return /^\s*error\b\s*:/i.test(text);
}

/** An HTML page (a login, proxy or maintenance page) where PUMAPI text was expected. */
export function isHtmlPage(text: string): boolean {
  return /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text);
}
