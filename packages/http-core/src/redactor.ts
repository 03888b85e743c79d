/** Names of secrets, by where they sit. Matching is case-insensitive. */
export interface RedactionRules {
  /** Form fields, e.g. `apikey`, `pwd`; also masked as `name=value` pairs inside any text. */
  formFields?: readonly string[];
  /** Query parameters, e.g. `token`. */
  queryParams?: readonly string[];
  /** Dotted JSON paths in request bodies, e.g. `auth.token`. */
  jsonPaths?: readonly string[];
  /** JSON keys masked at any depth, in request bodies and in any text that holds JSON (answers, excerpts). */
  jsonKeys?: readonly string[];
  /** Header names, e.g. `authorization`. */
  headers?: readonly string[];
  /** Patterns of secret values, masked wherever they match (e.g. bcrypt hashes). Use the `g` flag. */
  textPatterns?: readonly RegExp[];
  /**
   * How to mask the value of a JSON key instead of with `***`: e.g. keep a token's claims but not its
   * signature, so a replayed answer stays usable but can never authenticate.
   */
  maskers?: Readonly<Record<string, (value: string) => string>>;
}

/** What replaces a secret. */
export const REDACTED = "***";

/** The request an error or a log line refers to, with secrets masked. */
export interface RedactedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Absolute URL with secret query parameters masked. */
  url: string;
  /** Form fields with secret values masked, when the request had a form body. */
  form?: Record<string, string>;
  /** JSON body with secrets masked, when the request had a JSON body. */
  json?: unknown;
}

const DEFAULT_HEADERS = ["authorization", "cookie", "set-cookie", "proxy-authorization"];
// Names that are secret in any API: masked even when an SDK forgets to register them.
const DEFAULT_FIELDS = ["apikey", "api_key", "password", "pwd", "token", "access_token", "secret"];
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Masks secrets in URLs, form bodies, JSON bodies, headers and free text. One redactor serves the
 * errors, the logs and the recorder, so a secret named once is masked everywhere. Each SDK
 * registers its own rules ({@link Redactor.merge}) and literal values ({@link Redactor.addSecretValue}).
 *
 * @example
 * ```ts
 * const redactor = new Redactor({ formFields: ["apikey"], queryParams: ["token"], jsonKeys: ["token"] });
 * redactor.addSecretValue(apiKey);                  // masked wherever the literal appears
 * redactor.redactUrl("https://x/?token=abc");      // "https://x/?token=***"
 * redactor.redactText('{"token":"abc.def.ghi"}');  // '{"token":"***"}'
 * ```
 */
export class Redactor {
  private readonly form = new Set<string>(DEFAULT_FIELDS);
  private readonly query = new Set<string>(DEFAULT_FIELDS);
  private readonly headers = new Set<string>(DEFAULT_HEADERS);
  private readonly jsonPaths = new Set<string>();
  private readonly jsonKeys = new Set<string>(DEFAULT_FIELDS);
  private readonly patterns: RegExp[] = [];
  private readonly maskers = new Map<string, (value: string) => string>();
  private readonly values = new Set<string>();
  // Each registered value in any percent-encoded spelling (`K%2D1`, `%4B-1`, either hex case).
  private readonly encodedValues: RegExp[] = [];
  private textRules: { json: RegExp; form: RegExp } | undefined;

  /** Builds a redactor with `rules` on top of the common secret names (`apikey`, `password`, `pwd`, `token`, …). */
  constructor(rules: RedactionRules = {}) {
    this.merge(rules);
  }

  /**
   * Adds more rules (each SDK registers its own). Returns `this`.
   *
   * @example
   * ```ts
   * const redactor = new Redactor().merge({ formFields: ["psapwd"], jsonKeys: ["session_secret"] });
   * ```
   */
  merge(rules: RedactionRules): this {
    for (const n of rules.formFields ?? []) this.form.add(n.toLowerCase());
    for (const n of rules.queryParams ?? []) this.query.add(n.toLowerCase());
    for (const n of rules.headers ?? []) this.headers.add(n.toLowerCase());
    for (const n of rules.jsonPaths ?? []) this.jsonPaths.add(n.toLowerCase());
    for (const n of rules.jsonKeys ?? []) this.jsonKeys.add(n.toLowerCase());
    for (const p of rules.textPatterns ?? []) this.patterns.push(p.global ? p : new RegExp(p.source, `${p.flags}g`));
    for (const [k, fn] of Object.entries(rules.maskers ?? {})) this.maskers.set(k.toLowerCase(), fn);
    this.textRules = undefined;
    return this;
  }

  /**
   * Registers a literal secret (an API key, a token, a hash): any later occurrence in any text is masked.
   *
   * @example
   * ```ts
   * const redactor = new Redactor().addSecretValue("K-123456");
   * redactor.redactText("key K-123456 refused"); // "key *** refused"
   * ```
   */
  addSecretValue(value: string | undefined): this {
    // Very short values would mask innocent text everywhere; real secrets are longer.
    if (value !== undefined && value.length >= 4 && !this.values.has(value)) {
      this.values.add(value);
      this.encodedValues.push(percentEncodedForms(value));
    }
    return this;
  }

  /**
   * Whether a form field or query parameter with this name is secret.
   *
   * @example
   * ```ts
   * new Redactor({ formFields: ["psapwd"] }).isSecretField("PSAPWD"); // true
   * ```
   */
  isSecretField(name: string): boolean {
    const n = name.toLowerCase();
    return this.form.has(n) || this.query.has(n);
  }

  /**
   * Masks secrets in free text: registered values, secret patterns, the string values of secret
   * JSON keys (`"token": "…"`, even in cut-off JSON) and `name=value` pairs of secret form fields.
   *
   * @example
   * ```ts
   * const redactor = new Redactor({ jsonKeys: ["token"] });
   * redactor.redactText('{"token":"abc.def.ghi","user":"pat"}'); // '{"token":"***","user":"pat"}'
   * redactor.redactText("action=auth&apikey=K-1"); // "action=auth&apikey=***"
   * ```
   */
  redactText(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    // Encoded forms: percent-escapes, or `+` for a space (a password with spaces, form-encoded).
    if (out.includes("%") || out.includes("+")) for (const re of this.encodedValues) out = out.replace(re, REDACTED);
    for (const p of this.patterns) {
      p.lastIndex = 0;
      out = out.replace(p, REDACTED);
    }
    const rules = (this.textRules ??= this.buildTextRules());
    if (out.includes('"')) {
      out = out.replace(rules.json, (_all, key: string, gap: string, value: string, close: string) => `"${key}"${gap}"${this.mask(key, value)}${close}`);
    }
    if (out.includes("=")) out = out.replace(rules.form, (_all, lead: string, key: string) => `${lead}${key}=${REDACTED}`);
    return out;
  }

  /**
   * Masks secret query parameters and any userinfo in a URL.
   *
   * @example
   * ```ts
   * new Redactor().redactUrl("https://u:p@api.example/x?token=abc&q=1"); // "https://***:***@api.example/x?token=***&q=1"
   * ```
   */
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

  /**
   * Returns a copy of a form body with secret fields masked.
   *
   * @example
   * ```ts
   * new Redactor().redactForm({ action: "getuser", apikey: "K-1" }); // { action: "getuser", apikey: "***" }
   * ```
   */
  redactForm(form: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) out[k] = this.isSecretField(k) ? REDACTED : this.redactText(v);
    return out;
  }

  /**
   * Returns a deep copy of a JSON value with secret keys and paths masked (the input is never changed).
   *
   * @example
   * ```ts
   * new Redactor().redactJson({ auth: { token: "T" }, object: { name: "n" } }); // { auth: { token: "***" }, object: { name: "n" } }
   * ```
   */
  redactJson(value: unknown, path = ""): unknown {
    if (Array.isArray(value)) return value.map((v) => this.redactJson(v, path));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const key = k.toLowerCase();
        const p = path ? `${path}.${key}` : key;
        const secret = this.jsonKeys.has(key) || this.jsonPaths.has(p);
        out[k] = secret ? (typeof v === "string" ? this.mask(key, v) : REDACTED) : this.redactJson(v, p);
      }
      return out;
    }
    return typeof value === "string" ? this.redactText(value) : value;
  }

  /**
   * Returns a copy of headers with secret headers masked.
   *
   * @example
   * ```ts
   * new Redactor().redactHeaders({ authorization: "Bearer x", accept: "text/plain" }); // { authorization: "***", accept: "text/plain" }
   * ```
   */
  redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) out[k] = this.headers.has(k.toLowerCase()) ? REDACTED : this.redactText(v);
    return out;
  }

  /**
   * Returns a redacted copy of a request (idempotent: redacting twice changes nothing more).
   *
   * @example
   * ```ts
   * new Redactor().redactRequest({ method: "POST", url: "https://api.example/", form: { apikey: "K-1" } }); // form.apikey is "***"
   * ```
   */
  redactRequest(request: RedactedRequest): RedactedRequest {
    const out: RedactedRequest = { method: request.method, url: this.redactUrl(request.url) };
    if (request.form !== undefined) out.form = this.redactForm(request.form);
    if (request.json !== undefined) out.json = this.redactJson(request.json);
    return out;
  }

  private mask(key: string, value: string): string {
    if (value === REDACTED) return value;
    const masker = this.maskers.get(key.toLowerCase());
    return masker ? masker(value) : REDACTED;
  }

  private buildTextRules(): { json: RegExp; form: RegExp } {
    const keys = [...this.jsonKeys].map(escapeRe).join("|");
    const fields = [...new Set([...this.form, ...this.query])].map(escapeRe).join("|");
    return {
      // "key" : "value" — the closing quote is optional, so a value cut off by an excerpt is masked too.
      json: new RegExp(`"(${keys})"(\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)("?)`, "gi"),
      form: new RegExp(`(^|[?&\\s;,])(${fields})=[^&\\s;,]*`, "gi"),
    };
  }
}

const hexDigit = (d: string): string => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d);

/**
 * A pattern matching `value` with any of its characters percent-encoded (as UTF-8 bytes, hex in
 * either case; a space also as `+`), so a secret a server echoes URL-encoded is masked too.
 */
function percentEncodedForms(value: string): RegExp {
  let source = "";
  for (const ch of value) {
    const encoded = [...Buffer.from(ch, "utf8")].map((b) => `%${[...b.toString(16).padStart(2, "0")].map(hexDigit).join("")}`).join("");
    const plain = escapeRe(ch);
    source += `(?:${plain}|${encoded}${ch === " " ? "|\\+" : ""})`;
  }
  return new RegExp(source, "g");
}
