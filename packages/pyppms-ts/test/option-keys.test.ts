import { describe, expect, it } from "vitest";
import { PpmsConnection, PpmsInvalidArgumentError, type PpmsConnectionOptions } from "../src/index.js";
import { useScriptedPumapi } from "./helpers/harness.js";

// Plain JavaScript: options as an untyped caller writes them.
const untyped = (value: unknown): PpmsConnectionOptions => value as PpmsConnectionOptions;
const API_KEY = "option-keys-Key-51c0e2";
const { start } = useScriptedPumapi();

async function refusal(options: unknown): Promise<PpmsInvalidArgumentError> {
  const error: unknown = await PpmsConnection.connect(untyped(options)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof PpmsInvalidArgumentError) return error;
  throw new Error(`expected a PpmsInvalidArgumentError, got ${String(error)}`);
}

describe("connect checks its option keys at runtime, before any request", () => {
  it("names pyppms' keyword arguments and never shows the key", async () => {
    const s = await start(() => ({ body: "OK" }));
    const error = await refusal({ baseUrl: s.url, api_key: API_KEY });
    expect(error.message).toBe('Invalid options.api_key: "api_key" is the pyppms name; here it is "apiKey"');
    expect(error.message).not.toContain(API_KEY);
    expect((await refusal({ baseUrl: s.url, apiKey: API_KEY, cache_users_only: true })).problem).toContain('"cacheUsersOnly"');
    expect(s.forms).toEqual([]);
  });

  it("suggests the camelCase or nearest name of a misspelt key", async () => {
    const s = await start(() => ({ body: "OK" }));
    expect((await refusal({ base_url: s.url, apiKey: API_KEY })).problem).toBe('unknown option; did you mean "baseUrl"?');
    const timeout = await refusal({ baseUrl: s.url, apiKey: API_KEY, timeoutMs: 5000 });
    expect(timeout.field).toBe("options.timeoutMs");
    expect(timeout.problem).toBe('unknown option; did you mean "timeout"?');
    expect(s.forms).toEqual([]);
  });

  it("says missing when neither baseUrl nor url is given", async () => {
    expect((await refusal({ apiKey: API_KEY })).message).toBe("Invalid options.baseUrl: missing (give baseUrl or url)");
  });

  it("explains pyppms' positional PpmsConnection(url, api_key)", async () => {
    const error = await refusal("https://ppms.example/pumapi/");
    expect(error.problem).toBe("must be an object, got a string");
    expect(error.hint).toContain("PpmsConnection.connect({ baseUrl: url, apiKey: key })");
  });
});
