import { describe, expect, it } from "vitest";
import { checkOptionKeys, FacilitySdkError, InvalidArgumentError, type OptionKeysSpec } from "../src/index.js";

const spec: OptionKeysSpec = {
  field: "options",
  known: ["baseUrl", "apiKey", "cacheUsersOnly"],
  transport: true,
  required: ["baseUrl"],
  foreign: { api_key: { from: "pyppms", use: "apiKey" }, test: { from: "pymesync", note: "use a fake server instead" } },
};

function thrown(value: unknown, s: OptionKeysSpec = spec): InvalidArgumentError {
  try {
    checkOptionKeys(value, s);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("checkOptionKeys did not throw");
}

describe("checkOptionKeys", () => {
  it("accepts known keys, transport keys included, and returns the object", () => {
    const options = { baseUrl: "https://x.example/", apiKey: "k", timeout: 5, logLevel: "warn" };
    expect(checkOptionKeys(options, spec)).toBe(options);
  });

  it("suggests the camelCase name of a snake_case key", () => {
    const error = thrown({ base_url: "https://x.example/" });
    expect(error.field).toBe("options.base_url");
    expect(error.problem).toBe('unknown option; did you mean "baseUrl"?');
    expect(thrown({ baseUrl: "u", cache_users_only: true }).problem).toContain('"cacheUsersOnly"');
  });

  it("suggests the nearest key by edit distance, transport keys included", () => {
    expect(thrown({ baseUrl: "u", timeoutMs: 100 }).problem).toBe('unknown option; did you mean "timeout"?');
    expect(thrown({ baseUrl: "u", apikey: "k" }).problem).toContain('"apiKey"');
    expect(thrown({ baseUrl: "u", maxResponsBytes: 1 }).problem).toContain('"maxResponseBytes"');
  });

  it("lists the known keys when nothing is close", () => {
    const error = thrown({ baseUrl: "u", colour: "red" });
    expect(error.problem).toBe("unknown option");
    expect(error.hint).toContain("baseUrl, apiKey, cacheUsersOnly, timeout");
  });

  it("names the ported library's key and its counterpart", () => {
    const error = thrown({ baseUrl: "u", api_key: "SECRET-KEY-123" });
    expect(error.message).toBe('Invalid options.api_key: "api_key" is the pyppms name; here it is "apiKey"');
    expect(error.message).not.toContain("SECRET-KEY-123");
    expect(thrown({ baseUrl: "u", test: true }).hint).toBe("use a fake server instead");
  });

  it("says missing when a required key is absent or undefined", () => {
    expect(thrown({ apiKey: "k" }).message).toBe("Invalid options.baseUrl: missing (required)");
    expect(thrown({ baseUrl: undefined }).problem).toBe("missing (required)");
    const either = thrown({}, { field: "options", known: ["baseUrl", "url"], required: [["baseUrl", "url"]] });
    expect(either.field).toBe("options.baseUrl");
    expect(either.problem).toBe("missing (give baseUrl or url)");
  });

  it("reports a misspelt key before the missing one it was meant to be", () => {
    expect(thrown({ base_url: "u" }).field).toBe("options.base_url");
  });

  it("rejects a non-object with the given hint, never echoing the value", () => {
    const error = thrown("https://x.example/", { ...spec, notAnObject: "pass { baseUrl }" });
    expect(error.message).toBe("Invalid options: must be an object, got a string (pass { baseUrl })");
    expect(thrown(null).problem).toBe("must be an object, got null");
    expect(thrown([]).problem).toBe("must be an object, got an array");
  });

  it("throws the SDK's own error class when given one", () => {
    class SdkArgumentError extends InvalidArgumentError {}
    const error = thrown({ nope: 1 }, { ...spec, error: (f, p, o) => new SdkArgumentError(f, p, o) });
    expect(error).toBeInstanceOf(SdkArgumentError);
    expect(error).toBeInstanceOf(FacilitySdkError);
  });
});
