import { describe, expect, it } from "vitest";
import {
  CacheMissError, FacilitySdkError, HttpClientError, HttpCoreError, HttpNotFoundError, HttpRateLimitError, HttpServerError, HttpStatusError,
  InvalidArgumentError, Redactor, ResponseParseError,
} from "../src/index.js";

const request = { method: "GET", url: "https://api.example/v0/x?token=TOKEN-1234567" };
const res = (status: number, body = "") => ({ status, body, attempts: 1, request, headers: {} as Record<string, string> });

describe("one error tree", () => {
  it("roots every error at FacilitySdkError", () => {
    for (const e of [
      new InvalidArgumentError("f", "bad"),
      new HttpCoreError("x"),
      HttpStatusError.fromResponse(res(500)),
      new ResponseParseError("x"),
      new CacheMissError("x", "f", undefined),
    ]) expect(e).toBeInstanceOf(FacilitySdkError);
  });

  it("the status classes match by status, whatever class built the error", () => {
    class ApiNotFound extends HttpStatusError {}
    const json404 = new ApiNotFound("not found", { status: 404 });
    const html404 = HttpStatusError.fromResponse(res(404, "<html>nope</html>"));
    for (const e of [json404, html404]) {
      expect(e).toBeInstanceOf(HttpNotFoundError);
      expect(e).toBeInstanceOf(HttpClientError);
      expect(e).not.toBeInstanceOf(HttpServerError);
    }
    expect(json404).toBeInstanceOf(ApiNotFound);
    expect(html404).not.toBeInstanceOf(ApiNotFound);
    expect(HttpStatusError.fromResponse(res(429))).toBeInstanceOf(HttpRateLimitError);
    expect(HttpStatusError.fromResponse(res(503))).toBeInstanceOf(HttpServerError);
    expect(new HttpCoreError("no status")).not.toBeInstanceOf(HttpClientError);
  });

  it("redacts in the constructor: message, URL, form, JSON and excerpt", () => {
    const redactor = new Redactor({ queryParams: ["token"] }).addSecretValue("LITERAL-SECRET");
    const e = new HttpCoreError("failed with LITERAL-SECRET", {
      request: { method: "POST", url: request.url, form: { apikey: "A-KEY-9", q: "1" }, json: { auth: { token: "T" } } },
      body: '{"token":"TOKEN-1234567","note":"LITERAL-SECRET here"}',
      redactor,
      operation: "API demo",
    });
    const seen = JSON.stringify({ m: e.message, u: e.url, r: e.request, b: e.bodyExcerpt });
    for (const secret of ["LITERAL-SECRET", "TOKEN-1234567", "A-KEY-9"]) expect(seen).not.toContain(secret);
    expect(e.message.startsWith("API demo: failed with ***")).toBe(true);
    expect(e.operation).toBe("API demo");
  });

  it("gives argument errors a field, a problem and a hint", () => {
    const e = new InvalidArgumentError("time.date_worked", "is not a field", { hint: 'did you mean "dateWorked"?' });
    expect([e.field, e.problem, e.hint]).toEqual(["time.date_worked", "is not a field", 'did you mean "dateWorked"?']);
    expect(e.message).toBe('Invalid time.date_worked: is not a field (did you mean "dateWorked"?)');
  });
});

describe("built package", () => {
  it("keeps each error class's own name (the bundler must not rename them)", async () => {
    const built = await import("../dist/index.js");
    const error = built.HttpStatusError.fromResponse(res(429));
    expect(error.name).toBe("HttpRateLimitError");
    expect(new built.HttpNotFoundError("x").name).toBe("HttpNotFoundError");
  });
});
