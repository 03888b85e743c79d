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
