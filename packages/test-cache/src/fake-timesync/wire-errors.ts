/** A response the fake server produces, independent of the transport that carries it. */
export interface FakeResponse {
  /** HTTP status. */
  status: number;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** Body text. */
  body: string;
}

/** Thrown inside route code to answer with a TimeSync error object. */
export class FakeTimeSyncFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly text: string,
    readonly values?: unknown[],
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(text);
  }

  /** The wire answer: `{status, error, text[, values]}` with that HTTP status. */
  toResponse(): FakeResponse {
    const body: Record<string, unknown> = { status: this.status, error: this.errorName, text: this.text };
    if (this.values !== undefined) body["values"] = this.values;
    return {
      status: this.status,
      headers: { "content-type": "application/json; charset=utf-8", ...this.extraHeaders },
      body: JSON.stringify(body),
    };
  }
}

/** One factory per error name the reference server emits. */
export const fail = {
  notFound: (kind: string) => new FakeTimeSyncFailure(404, "Object not found", `Nonexistent ${kind}`),
  serverError: (text: string) => new FakeTimeSyncFailure(500, "Server error", text),
  invalidForeignKey: (text: string) => new FakeTimeSyncFailure(409, "Invalid foreign key", text),
  badObject: (text: string) => new FakeTimeSyncFailure(400, "Bad object", text),
  invalidIdentifier: (expected: string, value: string) =>
    new FakeTimeSyncFailure(400, "The provided identifier was invalid", `Expected ${expected} but received ${value}`, [value]),
  authentication: (text: string) => new FakeTimeSyncFailure(401, "Authentication failure", text),
  // The reference server words one taken slug in the singular; strict mode always uses the spec's plural.
  slugsExist: (slugs: string[], strict: boolean) =>
    new FakeTimeSyncFailure(
      409,
      "The slug provided already exists",
      !strict && slugs.length === 1 ? `slug ${slugs[0]} already exists` : `slugs ${slugs.join(", ")} already exist`,
      slugs,
    ),
  authorization: (text: string) => new FakeTimeSyncFailure(401, "Authorization failure", text),
  methodNotAllowed: (text: string, allow: string) =>
    new FakeTimeSyncFailure(405, "Method not allowed", text, undefined, { allow }),
  badQuery: (text: string, status = 400) => new FakeTimeSyncFailure(status, "Bad query value", text),
  /** timesync-node's wording for an auth type it does not take (login and every authenticated request). */
  badAuthType: (type: unknown) => new FakeTimeSyncFailure(401, "Bad query value", `${String(type)} is not a valid authentication type`),
  usernameExists: (username: string) =>
    new FakeTimeSyncFailure(409, "Username already exists", `username ${username} already exists`, [username]),
};

/** The HTML page the reference server (Express) sends for a route it does not know. */
export function htmlNotFound(method: string, path: string): FakeResponse {
  const safe = path.replace(/[<>&"]/g, "");
  return {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${safe}</pre>\n</body>\n</html>\n`,
  };
}
