// Reading answer bodies by what they hold, not by their content type: the reference server labels
// the JSON of POST answers `text/html`, and a successful DELETE is an empty 200.

/** What an answer body holds. */
export type AnswerBody = { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "text" };

/** Classifies an answer body: empty (or blank), JSON, or other text (an HTML page, a proxy's message). */
export function readAnswerBody(text: string): AnswerBody {
  if (!/\S/.test(text)) return { kind: "empty" }; // blank (a regex stops at the first character; trim would copy the body)
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "text" };
  }
}

/** The error object the server sends with every error status. */
export interface WireError {
  /** The `status` member, when present (the HTTP status is what counts). */
  status?: number;
  /** The error name, e.g. `Object not found`. */
  error: string;
  /** The message (`""` when absent). */
  text: string;
  /** Offending values, when listed. */
  values?: unknown[];
}

/** The TimeSync error object in a parsed body, or undefined when the body is not one. */
export function readErrorBody(body: unknown): WireError | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const { status, error, text, values } = body as Record<string, unknown>;
  if (typeof error !== "string") return undefined;
  return {
    ...(typeof status === "number" ? { status } : {}),
    error,
    text: typeof text === "string" ? text : "",
    ...(Array.isArray(values) ? { values } : {}),
  };
}
