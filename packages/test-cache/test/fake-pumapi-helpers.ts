import type { RunningFakePumapi } from "../src/fake-pumapi/index.js";

// Shared by the fake PUMAPI test files: one form POST over real HTTP, as PUMAPI clients send it.

/** The answer of {@link post}. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * POSTs `action` with the server's key (unless `apikey` is given, or `null` to leave it out) and
 * the other fields, form-encoded, to the PUMAPI endpoint (or `url`).
 */
export async function post(
  server: RunningFakePumapi,
  action: string,
  fields: Record<string, string> = {},
  options: { apikey?: string | null; url?: string } = {},
): Promise<Answer> {
  const form = new URLSearchParams({ action, ...fields });
  const key = options.apikey === undefined ? server.apiKey : options.apikey;
  if (key !== null) form.set("apikey", key);
  const res = await fetch(options.url ?? server.url, { method: "POST", body: form });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** Splits a CRLF body into lines, checking there is no bare LF and dropping the final empty piece. */
export function crlfLines(text: string): string[] {
  if (/(^|[^\r])\n/.test(text)) throw new Error(`bare LF in ${JSON.stringify(text)}`);
  const lines = text.split("\r\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
