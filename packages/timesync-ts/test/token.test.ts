import { describe, expect, it } from "vitest";
import { TimeSyncValidationError } from "../src/errors.js";
import { decodeTimeSyncToken } from "../src/client/token.js";

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64");
const HEADER = b64({ typ: "JWT", alg: "HMAC-SHA512" });

describe("decodeTimeSyncToken", () => {
  it("decodes padded standard base64 with millisecond times", () => {
    const claims = { iss: "ts", sub: "pat", exp: 1_717_000_000_000, iat: 1_716_998_200_000 };
    const payload = b64(claims);
    const token = `${HEADER}.${payload}.${"+/+/abc=="}`;
    expect(decodeTimeSyncToken(token)).toEqual(claims);
  });

  it("copes with + / and = inside the payload", () => {
    // A sub chosen so the payload's base64 contains '+' or '/' characters and padding.
    let claims = { sub: "", exp: 1 };
    let payload = "";
    for (let i = 0; i < 500 && !/[+/]/.test(payload); i++) {
      claims = { sub: `u${"?".repeat(i % 7)}>${i}`, exp: 1_700_000_000_000 + i };
      payload = b64(claims);
    }
    expect(payload).toMatch(/[+/]/);
    expect(decodeTimeSyncToken(`${HEADER}.${payload}.sig=`)).toEqual(claims);
  });

  it("accepts base64url too", () => {
    const payload = b64({ sub: "pat", exp: 5 }).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(decodeTimeSyncToken(`${HEADER}.${payload}.x`).exp).toBe(5);
  });

  it.each([
    ["two parts", "a.b"],
    ["not base64", `${HEADER}.***.x`],
    ["not JSON", `${HEADER}.${Buffer.from("nope").toString("base64")}.x`],
    ["no sub", `${HEADER}.${b64({ exp: 1 })}.x`],
    ["no exp", `${HEADER}.${b64({ sub: "pat" })}.x`],
  ])("rejects a token with %s, without echoing it", (_label, token) => {
    try {
      decodeTimeSyncToken(token);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TimeSyncValidationError);
      expect((error as TimeSyncValidationError).field).toBe("token");
      expect((error as Error).message).not.toContain(token);
    }
  });
});
