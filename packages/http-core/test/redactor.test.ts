import { describe, expect, it } from "vitest";
import { Redactor } from "../src/index.js";

describe("Redactor", () => {
  const r = new Redactor({ formFields: ["psapwd"], queryParams: ["sig"], jsonPaths: ["deep.secret"], headers: ["x-api-key"] }).addSecretValue("LITERAL-SECRET");
  it("masks form fields, query params, JSON paths, headers and literal values", () => {
    expect(r.redactForm({ action: "auth", apikey: "a", psapwd: "b", note: "has LITERAL-SECRET inside" }))
      .toEqual({ action: "auth", apikey: "***", psapwd: "***", note: "has *** inside" });
    expect(r.redactUrl("https://u:p@h/x?sig=1&token=2&keep=3")).toBe("https://***:***@h/x?sig=***&token=***&keep=3");
    const input = { auth: { type: "token", token: "T" }, object: { password: "P", name: "n" }, deep: { secret: 1 } };
    expect(r.redactJson(input)).toEqual({ auth: { type: "token", token: "***" }, object: { password: "***", name: "n" }, deep: { secret: "***" } });
    expect(input.auth.token).toBe("T");
    expect(r.redactHeaders({ Authorization: "Bearer x", "x-api-key": "k", accept: "*/*" })).toEqual({ Authorization: "***", "x-api-key": "***", accept: "*/*" });
    expect(r.redactText("a LITERAL-SECRET b LITERAL-SECRET")).toBe("a *** b ***");
  });
  it("ignores too-short literal values that would mask ordinary text", () => {
    expect(new Redactor().addSecretValue("a").redactText("banana")).toBe("banana");
  });
});

describe("Redactor on answer texts", () => {
  const r = new Redactor({ jsonKeys: ["token"], textPatterns: [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/], maskers: { token: (t) => `${t.split(".")[0]}.masked` } });
  it("masks secret JSON keys at any depth, even in JSON cut off by an excerpt", () => {
    expect(r.redactText('{"a":{"token":"hdr.claims.sig"},"b":1}')).toBe('{"a":{"token":"hdr.masked"},"b":1}');
    expect(r.redactText('{"password" : "p\\"w", "x": "y"}')).toBe('{"password" : "***", "x": "y"}');
    expect(r.redactText('{"token":"hdr.cla')).toBe('{"token":"hdr.masked');
  });
  it("masks secret patterns and name=value pairs of secret fields in any text", () => {
    const hash = "$2a$10$abcdefghijklmnopqrstuuJ8vmyJpD0gOuVXX6RgtvsbSZ4mnG2bi";
    expect(r.redactText(`stored ${hash} for you`)).toBe("stored *** for you");
    expect(r.redactText("action=auth&apikey=K-99&login=x")).toBe("action=auth&apikey=***&login=x");
  });
  it("redacts request JSON by key and keeps the input as it was", () => {
    const input = { auth: { token: "a.b.c" }, object: { password: "p", name: "n" } };
    expect(r.redactJson(input)).toEqual({ auth: { token: "a.masked" }, object: { password: "***", name: "n" } });
    expect(input.auth.token).toBe("a.b.c");
  });
});
