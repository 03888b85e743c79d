import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// Source import: test-cache depends on http-core, so a dev dependency back would be a cycle.
import { startFaultyServer, type FaultSpec } from "../../test-cache/src/faulty-server.js";
import {
  CacheMissError, FacilitySdkError, HttpClient, HttpClientError, InvalidArgumentError, RecordReplayCache, Redactor, ResponseParseError, formFieldKey, notRecorded, restKey,
  type HttpResponse,
} from "../src/index.js";
import { fastRetry, useCleanup } from "./helpers.js";

const defer = useCleanup();
const key = formFieldKey({ folderField: "action", secretFields: ["apikey"] });
const read = { method: "POST" as const, url: "", safe: true, idempotent: true, operation: "RPC getuser", form: { action: "getuser", login: "jdoe", apikey: "K-123456" } };
const files = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

async function setup(fault: FaultSpec | ((n: number) => FaultSpec), mode: "record-missing" | "record-all" | "replay" = "record-missing", extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const server = await startFaultyServer({ fault: typeof fault === "function" ? (_req, n) => fault(n) : fault });
  defer(server.close);
  const dir = await mkdtemp(join(tmpdir(), "record-rules-"));
  const redactor = extra.redactor ?? new Redactor({ formFields: ["apikey"] });
  const cache = new RecordReplayCache({ dir, mode, key, redactor });
  const client = new HttpClient({ baseUrl: server.url, cache, redactor, retry: fastRetry, timeout: { attemptMs: 2_000, totalMs: 5_000 }, ...extra });
  defer(() => client.close());
  return { server, dir, cache, client };
}

/** What an SDK does with a PUMAPI-like answer: anything but data is rejected. */
function accept(res: HttpResponse): string[] {
  const text = res.body.trim();
  const fail = (why: string) => new ResponseParseError(why, { operation: res.operation, request: res.request, body: res.body });
  if (text === "") throw fail("empty answer");
  if (text.startsWith("<")) throw fail("an HTML page, not data");
  if (/^request not authorized$/i.test(text)) throw fail("not authorized");
  if (/^error\b/i.test(text)) throw fail("an error text");
  return text.split(/\r?\n/);
}

describe("only accepted answers are recorded", () => {
  const faults: [string, FaultSpec][] = [
    ["a 503 after all retries", { kind: "status", status: 503, body: "busy" }],
    ["a 200 'request not authorized'", { kind: "ok", body: "request not authorized" }],
    ["an HTML error page with 200", { kind: "html" }],
    ["an 'error: ...' answer", { kind: "ok", body: "error: invalid user jdoe" }],
    ["an empty 200", { kind: "empty" }],
    ["a body truncated by a closed connection", { kind: "truncate", body: "login,lname\r\n\"jdoe\",\"Doe\"\r\n", afterBytes: 10 }],
    ["a body reset mid-way", { kind: "reset", afterBytes: 100 }],
    ["invalid UTF-8", { kind: "invalid-utf8" }],
    ["a body over the size limit", { kind: "huge", bytes: 300_000 }],
  ];
  it.each(faults)("%s is not written, and the server is asked again once it recovers", async (_name, fault) => {
    const { server, dir, client } = await setup((n) => (n <= 3 ? fault : { kind: "ok", body: "jdoe\r\n" }), "record-missing", { maxResponseBytes: 100_000 });
    const error = await client.request(read, accept).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FacilitySdkError);
    expect((error as Error).message).toContain("RPC getuser");
    expect(await files(dir)).toEqual([]);
    // Retries of the read may have used up the fault; ask until the server has recovered.
    while (server.requests.length < 3) await client.request(read, accept).catch(() => undefined);
    const before = server.requests.length;
    expect(await client.request(read, accept)).toEqual(["jdoe"]);
    expect(server.requests.length).toBe(before + 1);
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("jdoe\r\n");
    const again = await client.request(read, accept);
    expect(again).toEqual(["jdoe"]);
    expect(server.requests.length).toBe(before + 1);
  });

  it("records a rejected answer only with the explicit recordFaults opt-in", async () => {
    const { server, dir } = await setup({ kind: "ok", body: "error: invalid user jdoe" });
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key, recordFaults: true });
    const client = new HttpClient({ baseUrl: server.url, cache });
    defer(() => client.close());
    await expect(client.request(read, accept)).rejects.toBeInstanceOf(ResponseParseError);
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("error: invalid user jdoe");
  });
});

describe("writes are never answered from the cache outside replay", () => {
  const write = { method: "POST" as const, url: "", operation: "RPC setright", form: { action: "setright", id: "31", login: "bkovac", type: "A", apikey: "K-123456" } };

  it("an unsafe call reaches the server every time in record-missing and record-all, and is recorded for replay", async () => {
    for (const mode of ["record-missing", "record-all"] as const) {
      const { server, dir, client } = await setup({ kind: "ok", body: "done" }, mode);
      for (let i = 0; i < 3; i++) expect((await client.request(write)).fromCache).toBe(false);
      expect(server.requests).toHaveLength(3);
      expect(await readFile(join(dir, "setright", "id--31__login--bkovac__type--A.txt"), "utf8")).toBe("done");
      const offline = new HttpClient({ baseUrl: "http://127.0.0.1:9/", cache: new RecordReplayCache({ dir, mode: "replay", key }) });
      const replayed = await offline.request(write);
      expect(replayed.fromCache).toBe(true);
      expect(replayed.body).toBe("done");
    }
  });

  it("'refresh' asks the server again and records; 'bypass' neither reads nor writes, and is refused in replay", async () => {
    const { server, dir, client } = await setup((n) => ({ kind: "ok", body: `v${n}` }));
    expect((await client.request(read)).body).toBe("v1");
    expect((await client.request(read)).body).toBe("v1");
    expect((await client.request({ ...read, cache: "refresh" })).body).toBe("v2");
    expect((await client.request(read)).body).toBe("v2");
    expect((await client.request({ ...read, cache: "bypass" })).body).toBe("v3");
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("v2");
    expect(server.requests).toHaveLength(3);
    const offline = new HttpClient({ cache: new RecordReplayCache({ dir, mode: "replay", key }), baseUrl: "http://127.0.0.1:9/" });
    await expect(offline.request({ ...read, cache: "bypass" })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await offline.request({ ...read, cache: "refresh" })).body).toBe("v2");
  });
});

describe("logins are never recorded or replayed", () => {
  const login = { method: "POST" as const, url: "login", operation: "API login", authentication: true, json: { auth: { username: "pat", password: "pw-right" } } };

  it("reach the server every time, leave nothing on disk, and a replay refuses them", async () => {
    const { server, dir, client } = await setup({ kind: "ok", body: '{"token":"aaa.bbb.ccc"}', contentType: "application/json" }, "record-missing");
    await client.request(login);
    await client.request(login);
    expect(server.requests).toHaveLength(2);
    expect(await files(dir)).toEqual([]);
    const offline = new HttpClient({ baseUrl: server.url, cache: new RecordReplayCache({ dir, mode: "replay", key: restKey({ secretQuery: [] }) }) });
    const err = await offline.request({ ...login, json: { auth: { username: "pat", password: "any-other" } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CacheMissError);
    expect((err as Error).message).toMatch(/logins are never recorded or replayed/);
    expect(server.requests).toHaveLength(2);
  });
});

describe("secrets never reach the disk or an error", () => {
  const TOKEN = "eyJ0eXAiOiJKV1QifQ==.eyJzdWIiOiJwYXQifQ==.c2lnbmF0dXJlLXNlY3JldA==";
  const HASH = "$2a$10$abcdefghijklmnopqrstuuJ8vmyJpD0gOuVXX6RgtvsbSZ4mnG2bi";
  const redactor = () => new Redactor({ jsonKeys: ["token"], textPatterns: [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g] });
  const body = { auth: { type: "token", token: TOKEN }, object: { username: "pat", password: HASH, note: "fine" } };

  it("masks an echoed token and bcrypt hash in the recording", async () => {
    const server = await startFaultyServer({ fault: { kind: "echo" } });
    defer(server.close);
    const dir = await mkdtemp(join(tmpdir(), "record-rules-"));
    const cache = new RecordReplayCache({ dir, mode: "record-all", key: restKey({ secretQuery: ["token"], bodyDigest: { at: "object", omitFields: ["password"] } }), redactor: redactor() });
    const c = new HttpClient({ baseUrl: server.url, cache, redactor: redactor() });
    defer(() => c.close());
    const written = await c.request({ method: "POST", url: "users", json: body });
    expect(JSON.parse(written.body).object.note).toBe("fine");
    const recorded = await files(dir);
    expect(recorded).toHaveLength(1);
    const all = await readFile(recorded[0] as string, "utf8");
    expect(all).toContain('"note":"fine"');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain("c2lnbmF0dXJlLXNlY3JldA");
    expect(all).not.toContain(HASH);
    expect(all).not.toContain("$2a$");
  });

  it("masks them in the excerpt of an error, built redacted", async () => {
    const server = await startFaultyServer({ fault: { kind: "echo", status: 400 } });
    defer(server.close);
    const c = new HttpClient({ baseUrl: server.url, redactor: redactor() });
    defer(() => c.close());
    const err = (await c.request({ method: "POST", url: "users", json: body, operation: "API createUser" }).catch((e: unknown) => e)) as HttpClientError;
    expect(err).toBeInstanceOf(HttpClientError);
    const seen = JSON.stringify({ m: err.message, b: err.bodyExcerpt, r: err.request });
    expect(err.bodyExcerpt).toContain('"note":"fine"');
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(HASH);
    expect(Object.getOwnPropertyDescriptor(err, "bodyExcerpt")?.writable).toBe(true); // set once, in the constructor
  });
});

describe("a ready cache built without the SDK's rules", () => {
  it("still records through the client's redactor (literal secrets the SDK registered)", async () => {
    const server = await startFaultyServer({ fault: { kind: "ok", body: "welcome, your key is K-LITERAL-9876" } });
    defer(server.close);
    const dir = await mkdtemp(join(tmpdir(), "record-rules-"));
    const cache = new RecordReplayCache({ dir, mode: "record-missing", key }); // its own, default redactor
    const c = new HttpClient({ baseUrl: server.url, cache, redactor: new Redactor().addSecretValue("K-LITERAL-9876") });
    defer(() => c.close());
    await c.request(read);
    expect(await readFile(join(dir, "getuser", "login--jdoe.txt"), "utf8")).toBe("welcome, your key is ***");
  });
});

describe("notRecorded: an accepted answer handed back without a recording", () => {
  it("returns the wrapped value and writes nothing; a plain return is recorded", async () => {
    const { dir, client } = await setup({ kind: "ok", body: "" });
    const value = await client.request(read, (res) => (res.body === "" ? notRecorded([] as string[]) : res.body.split("\n")));
    expect(value).toEqual([]);
    expect(await files(dir)).toEqual([]);
    const plain = await client.request(read, (res) => res.body.length);
    expect(plain).toBe(0);
    expect(await files(dir)).toHaveLength(1);
  });
});
