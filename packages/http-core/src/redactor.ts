/** Names of secrets, by where they sit in a request. Matching is case-insensitive. */
export interface RedactionRules {
  /** Form body fields, e.g. `apikey`, `password`. */
  formFields?: readonly string[];
  /** Query parameters, e.g. `token`. */
  queryParams?: readonly string[];
  /** Dotted JSON paths, e.g. `auth.token`, `object.password`. */
  jsonPaths?: readonly string[];
  /** Header names, e.g. `authorization`, `cookie`. */
  headers?: readonly string[];
}

/** What replaces a secret. */
export const REDACTED = "***";

const DEFAULT_HEADERS = ["authorization", "cookie", "set-cookie", "proxy-authorization"];
// Names that are secret in any API: masked even when an SDK forgets to register them.
const DEFAULT_FIELDS = ["apikey", "api_key", "password", "pwd", "token", "access_token", "secret"];
const DEFAULT_JSON_PATHS = ["auth.token", "auth.password", "object.password"];

/**
 * Masks secrets in URLs, form bodies, JSON bodies, headers and free text. One redactor serves the
 * errors, the logs and the recorder, so a secret named once is masked everywhere.
 *
 * @example
 * ```ts
 * const redactor = new Redactor({ formFields: ["apikey"], queryParams: ["token"] });
 * redactor.addSecretValue(apiKey);               // masked wherever the literal appears
 * redactor.redactUrl("https://x/?token=abc");   // "https://x/?token=***"
 * ```
 */
export class Redactor {
  private readonly form = new Set<string>(DEFAULT_FIELDS);
  private readonly query = new Set<string>(DEFAULT_FIELDS);
  private readonly headers = new Set<string>(DEFAULT_HEADERS);
  private readonly jsonPaths = new Set<string>(DEFAULT_JSON_PATHS);
  private readonly values = new Set<string>();

  /**
   * Builds a redactor with the given rules. Common secret names (`apikey`, `password`, `pwd`, `token`,
   * `auth.token`, `auth.password`, `object.password`, authorization and cookie headers) are always masked.
   */
  constructor(rules: RedactionRules = {}) {
    this.merge(rules);
  }

  /** Adds more secret names (each SDK registers its own). Returns `this`. */
  merge(rules: RedactionRules): this {
    for (const n of rules.formFields ?? []) this.form.add(n.toLowerCase());
    for (const n of rules.queryParams ?? []) this.query.add(n.toLowerCase());
    for (const n of rules.headers ?? []) this.headers.add(n.toLowerCase());
    for (const n of rules.jsonPaths ?? []) this.jsonPaths.add(n.toLowerCase());
    return this;
  }

  /** Registers a literal secret (an API key, a token): any later occurrence in any text is masked. */
  addSecretValue(value: string | undefined): this {
    // Very short values would mask innocent text everywhere; real secrets are longer.
    if (value !== undefined && value.length >= 4) this.values.add(value);
    return this;
  }

  /** Whether a form field or query parameter with this name is secret. */
  isSecretField(name: string): boolean {
    const n = name.toLowerCase();
    return this.form.has(n) || this.query.has(n);
  }

  /** Masks registered secret values in free text. */
  redactText(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /** Masks secret query parameters and any userinfo in a URL. */
  redactUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return this.redactText(url);
    }
    if (parsed.username || parsed.password) {
      parsed.username = parsed.username ? REDACTED : "";
      parsed.password = parsed.password ? REDACTED : "";
    }
    if (parsed.search !== "") {
      const kept = new URLSearchParams();
      for (const [k, v] of parsed.searchParams) kept.append(k, this.isSecretField(k) ? REDACTED : v);
      parsed.search = kept.toString();
    }
    return this.redactText(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }

  /** Returns a copy of a form body with secret fields masked. */
  redactForm(form: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) out[k] = this.isSecretField(k) ? REDACTED : this.redactText(v);
    return out;
  }

  /** Returns a deep copy of a JSON value with secret paths masked (the input is never changed). */
  redactJson(value: unknown, path = ""): unknown {
    if (Array.isArray(value)) return value.map((v) => this.redactJson(v, path));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const p = path ? `${path}.${k.toLowerCase()}` : k.toLowerCase();
        out[k] = this.jsonPaths.has(p) ? REDACTED : this.redactJson(v, p);
      }
      return out;
    }
    return typeof value === "string" ? this.redactText(value) : value;
  }

  /** Returns a copy of headers with secret headers masked. */
  redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) out[k] = this.headers.has(k.toLowerCase()) ? REDACTED : this.redactText(v);
    return out;
  }
}
