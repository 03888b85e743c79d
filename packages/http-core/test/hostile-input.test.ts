import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HttpClient, HttpRedirectError, HttpStatusError, RecordReplayCache, Redactor, formFieldKey } from "../src/index.js";
import { memoryLogger, startServer, useCleanup } from "./helpers.js";

const defer = useCleanup();
const KEY = "K-123456789-SECRET";
const key = formFieldKey({ folderField: "action", secretFields: ["apikey"] });

function client(opts: ConstructorParameters<typeof HttpClient>[0]) {
  const c = new HttpClient(opts);
  defer(() => c.close());
  return c;
}

describe("a redirect is an error, never data and never followed", () => {
  it("a 302 with a text body and an empty 307 are HttpRedirectErrors with the redacted location; the parser never sees them", async () => {
    const elsewhere = await startServer((_q, res) => res.end("secrets welcome"));
    defer(elsewhere.close);
    const s = await startServer((req, res, body) => {
      const form = Object.fromEntries(new URLSearchParams(body));
      res.statusCode = form["action"] === "getusers" ? 302 : 307;
      res.setHeader("location", `${elsewhere.url}login?apikey=${form["apikey"] ?? ""}&next=%2Fpumapi`);
      res.end(form["action"] === "getusers" ? "Found. Redirecting to /login" : "");
    });
    defer(s.close);
    const redactor = new Redactor({ formFields: ["apikey"] }).addSecretValue(KEY);
    const dir = await mkdtemp(join(tmpdir(), "http-core-redirect-"));
    const c = client({ baseUrl: s.url, redactor, cache: new RecordReplayCache({ dir, mode: "record-missing", key, redactor }) });
    const parsed: string[] = [];
    for (const action of ["getusers", "getsystems"]) {
      const err = await c
        .request({ method: "POST", url: "", form: { action, apikey: KEY }, safe: true, idempotent: true }, (res) => parsed.push(res.body))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpRedirectError);
      expect(err).toBeInstanceOf(HttpStatusError);
      const redirect = err as HttpRedirectError;
      expect(redirect.status).toBe(action === "getusers" ? 302 : 307);
      expect(redirect.location).toBe(`${elsewhere.url}login?apikey=***&next=%2Fpumapi`);
      expect(redirect.message).toContain("redirects are not followed");
      expect(JSON.stringify({ m: redirect.message, l: redirect.location, b: redirect.bodyExcerpt, r: redirect.request })).not.toContain(KEY);
    }
    expect(parsed).toEqual([]);
    expect(elsewhere.seen).toHaveLength(0);
    // Nothing rejected is recorded.
    await expect(readFile(join(dir, "getusers", "response.txt"))).rejects.toThrow();
  });

  it("throwHttpErrors: false hands a redirect to the caller", async () => {
    const s = await startServer((_q, res) => {
      res.statusCode = 301;
      res.setHeader("location", "/elsewhere");
      res.end();
    });
    defer(s.close);
    const res = await client({ baseUrl: s.url }).request({ method: "GET", url: "x", throwHttpErrors: false });
    expect(res.status).toBe(301);
  });
});

describe("percent-encoded secrets are masked", () => {
  it("masks a registered value with any of its characters percent-encoded, in either hex case", () => {
    const r = new Redactor().addSecretValue(KEY);
    for (const echoed of ["K%2D123456789%2DSECRET", "%4B-123456789-SECRET", "%4b%2d%31%32%33%34%35%36%37%38%39%2d%53%45%43%52%45%54", encodeURIComponent(KEY)]) {
      expect(r.redactText(`your key ${echoed} is wrong`)).toBe("your key *** is wrong");
    }
    expect(new Redactor().addSecretValue("pass word é").redactText("p=pass+word+%C3%A9&x=1")).toBe("p=***&x=1");
    expect(r.redactText("K%2D12345 is another key")).toBe("K%2D12345 is another key");
  });

  it("masks a value with spaces echoed form-encoded with + only (no % in the text)", () => {
    const r = new Redactor().addSecretValue("my secret pass");
    expect(r.redactText("login refused for password my+secret+pass")).toBe("login refused for password ***");
    expect(r.redactText("1+1 is not a secret")).toBe("1+1 is not a secret");
  });

  it("in errors, logs and recordings", async () => {
    const s = await startServer((_q, res, body) => {
      const form = Object.fromEntries(new URLSearchParams(body));
      res.statusCode = form["action"] === "bad" ? 500 : 200;
      res.end(`echo: ${encodeURIComponent(form["apikey"] ?? "").replace(/-/g, "%2D")} / ${"%4B" + (form["apikey"] ?? "").slice(1)}`);
    });
    defer(s.close);
    const redactor = new Redactor({ formFields: ["apikey"] }).addSecretValue(KEY);
    const mem = memoryLogger();
    const dir = await mkdtemp(join(tmpdir(), "http-core-encoded-"));
    const c = client({ baseUrl: s.url, redactor, logger: mem.logger, logLevel: "debug", retry: { limit: 0 }, cache: new RecordReplayCache({ dir, mode: "record-missing", key, redactor }) });
    await c.request({ method: "POST", url: "", form: { action: "good", apikey: KEY }, safe: true, idempotent: true });
    const err = (await c.request({ method: "POST", url: "", form: { action: "bad", apikey: KEY } }).catch((e: unknown) => e)) as HttpStatusError;
    expect(err.bodyExcerpt).toBe("echo: *** / ***");
    c.log.log("error", () => ["call failed", { error: err.message, body: err.bodyExcerpt }]);
    expect(await readFile(join(dir, "good", "response.txt"), "utf8")).toBe("echo: *** / ***");
    expect(mem.lines.join("\n")).not.toMatch(/123456789/);
  });
});
