import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TimeSync, TimeSyncValidationError } from "../src/index.js";

// Plain JavaScript: options and credentials as an untyped caller writes them.
const untyped = <T>(value: unknown): T => value as T;

function thrown(run: () => unknown): TimeSyncValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof TimeSyncValidationError) return error;
    throw error;
  }
  throw new Error("expected a TimeSyncValidationError");
}

// A server that counts requests: a credentials mistake must be found before anything is sent.
let requests = 0;
let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v0`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the TimeSync constructor checks its option keys at runtime", () => {
  it("suggests the camelCase or nearest name of a misspelt key", () => {
    expect(thrown(() => new TimeSync(untyped({ base_url: url }))).message).toBe('Invalid options.base_url: unknown option; did you mean "baseUrl"?');
    const e = thrown(() => new TimeSync(untyped({ baseUrl: url, timeoutMs: 100 })));
    expect(e.field).toBe("options.timeoutMs");
    expect(e.problem).toBe('unknown option; did you mean "timeout"?');
  });

  it("names pymesync's own arguments", () => {
    expect(thrown(() => new TimeSync(untyped({ baseurl: url }))).problem).toBe('"baseurl" is the pymesync name; here it is "baseUrl"');
    expect(thrown(() => new TimeSync(untyped({ baseUrl: url, test: true }))).hint).toContain("startFakeTimeSync");
  });

  it("says missing when baseUrl is left out", () => {
    expect(thrown(() => new TimeSync(untyped({ token: "t" }))).message).toBe("Invalid options.baseUrl: missing (required)");
  });

  it("explains pymesync's positional form", () => {
    const e = thrown(() => new TimeSync(untyped(url)));
    expect(e.problem).toBe("must be an object, got a string");
    expect(e.hint).toContain("new TimeSync({ baseUrl, token })");
  });
});

describe("authenticate checks its credential keys before sending", () => {
  it("names pymesync's auth_type and never shows the password", async () => {
    const ts = new TimeSync({ baseUrl: url });
    const error = await ts.authenticate(untyped({ username: "pat", password: "pw-Secret-77", auth_type: "ldap" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeSyncValidationError);
    expect((error as Error).message).toBe('Invalid credentials.auth_type: "auth_type" is the pymesync name; here it is "authType"');
    expect((error as Error).message).not.toContain("pw-Secret-77");
    await expect(ts.authenticate(untyped({ username: "pat" }))).rejects.toThrow("Invalid credentials.password: missing (required)");
    await expect(ts.authenticate(untyped("pat"))).rejects.toThrow("authenticate({ username, password, authType })");
    expect(requests).toBe(0);
    await ts.close();
  });
});
