import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultSpec, startFaultyServer } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FacilitySdkError,
  HttpConnectionError,
  HttpCoreError,
  HttpNotFoundError,
  HttpRateLimitError,
  HttpServerError,
  HttpTimeoutError,
  ResponseDecodeError,
  ResponseTooLargeError,
  TimeSync,
  type TimeSyncOptions,
  TimeSyncResponseError,
} from "../src/index.js";

// Every way a server (or what stands in front of it) can misanswer ends in a typed error that names
// the TimeSync operation, with no secret in it; writes are sent once; nothing is recorded.

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64");
const SIGNATURE = b64("invented-signature-for-fault-tests");
const TOKEN = `${b64({ typ: "JWT", alg: "HMAC-SHA512" })}.${b64({ iss: "fault-test", sub: "pat", exp: 4_102_444_800_000, iat: 4_102_443_000_000 })}.${SIGNATURE}`;
const PASSWORD = "fault-test-password-never-shown";
const BCRYPT = /\$2[abxy]?\$\d\d\$/;
const UUID = "3f0c4e1a-1b2c-4d3e-8f90-0123456789ab";

type ErrorClass = abstract new (...args: never[]) => Error;
interface Case {
  name: string;
  fault: FaultSpec;
  error: ErrorClass;
  options?: Partial<TimeSyncOptions>;
}

const cases: Case[] = [
  { name: "refused connection", fault: { kind: "refuse" }, error: HttpConnectionError },
  { name: "hang", fault: { kind: "hang" }, error: HttpTimeoutError },
  { name: "stalled headers", fault: { kind: "stall-headers", ms: 5_000, body: "[]" }, error: HttpTimeoutError },
  { name: "stalled body", fault: { kind: "stall-body", body: "[".padEnd(512, " ") + "]" }, error: HttpTimeoutError },
  {
    name: "trickle past the total deadline",
    fault: { kind: "trickle", body: "[".padEnd(200, " ") + "]", intervalMs: 20 },
    error: HttpTimeoutError,
    options: { timeout: { attemptMs: 10_000, totalMs: 700 } },
  },
  { name: "reset mid-body", fault: { kind: "reset", body: '[{"duration":60}]'.padEnd(400, " ") }, error: HttpConnectionError },
  { name: "truncated body", fault: { kind: "truncate", body: '[{"duration":60}]'.padEnd(400, " ") }, error: HttpConnectionError },
  { name: "429 with Retry-After", fault: { kind: "status", status: 429, retryAfter: 1, body: "slow down" }, error: HttpRateLimitError },
  { name: "429 without Retry-After", fault: { kind: "status", status: 429, body: "slow down" }, error: HttpRateLimitError },
  { name: "503 with Retry-After", fault: { kind: "status", status: 503, retryAfter: 1, body: "maintenance" }, error: HttpServerError },
  { name: "500 without Retry-After", fault: { kind: "status", status: 500, body: "oops" }, error: HttpServerError },
  { name: "HTML 200", fault: { kind: "html" }, error: TimeSyncResponseError },
  { name: "HTML 404", fault: { kind: "html", status: 404 }, error: HttpNotFoundError },
  { name: "empty 200", fault: { kind: "empty" }, error: TimeSyncResponseError },
  { name: "huge answer", fault: { kind: "huge", bytes: 1024 * 1024 }, error: ResponseTooLargeError, options: { maxResponseBytes: 64 * 1024 } },
  { name: "invalid UTF-8", fault: { kind: "invalid-utf8" }, error: ResponseDecodeError },
  { name: "echo of the request (token and bcrypt hash)", fault: { kind: "echo" }, error: TimeSyncResponseError },
];

let cacheRoot: string;
beforeAll(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), "timesync-faults-"));
});
afterAll(async () => {
  await rm(cacheRoot, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** Everything an error shows: message, own fields, stack, and its causes' messages. */
function everything(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    parts.push(e.message, String(e.stack), JSON.stringify(e));
  }
  return parts.join("\n");
}

describe("faults", () => {
  it.each(cases)("$name ends in a typed error naming the operation", async ({ name, fault, error: Expected, options }) => {
    const server = await startFaultyServer({ fault, path: "/v0" });
    const dir = join(cacheRoot, name.replace(/\W+/g, "-"));
    const client = new TimeSync({
      baseUrl: server.url,
      token: TOKEN,
      timeout: { attemptMs: 400, totalMs: 1_500 },
      retry: { limit: 1, backoff: { initialMs: 10, maxMs: 10, jitter: "none" } },
      cache: { dir, mode: "record-missing" },
      ...options,
    });
    try {
      const started = Date.now();
      const read = await client.getTimes({ project: ["web"] }).catch((e: unknown) => e);
      const write = await client.updateUser("pat", { password: PASSWORD }).catch((e: unknown) => e);
      const remove = await client.deleteTime(UUID).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(10_000);

      for (const [e, operation] of [
        [read, "TimeSync getTimes (GET /times)"],
        [write, "TimeSync updateUser (POST /users/:username)"],
      ] as const) {
        expect(e).toBeInstanceOf(Expected);
        expect(e).toBeInstanceOf(HttpCoreError);
        expect(e).toBeInstanceOf(FacilitySdkError);
        expect((e as HttpCoreError).operation).toBe(operation);
        expect((e as Error).message).toContain(operation);
        const text = everything(e);
        for (const secret of [TOKEN, SIGNATURE, PASSWORD]) expect(text).not.toContain(secret);
        expect(text).not.toMatch(BCRYPT);
      }
      if (name.startsWith("trickle")) expect((read as Error).message).toMatch(/total timeout/);

      // An empty or echoed (empty) 200 is a successful DELETE; anything else fails like the others.
      if (remove !== undefined) {
        expect((remove as HttpCoreError).operation).toBe("TimeSync deleteTime (DELETE /times/:uuid)");
        const text = everything(remove);
        for (const secret of [TOKEN, SIGNATURE]) expect(text).not.toContain(secret);
      } else expect(["empty", "echo"]).toContain(fault.kind);

      // Writes (POST, DELETE) are sent once, whatever happened; reads may be retried.
      for (const method of ["POST", "DELETE"]) {
        expect(server.requests.filter((r) => r.method === method).length, method).toBe(fault.kind === "refuse" ? 0 : 1);
      }
      expect((write as HttpCoreError).attempts).toBeLessThanOrEqual(1);
      if (name === "429 with Retry-After" || name === "503 with Retry-After") {
        expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(2);
      }
      if (fault.kind === "echo") {
        // The echoed request held the token and the hash: the excerpt shows the masked form only.
        expect((write as TimeSyncResponseError).bodyExcerpt).toContain('"password":"***"');
        expect((write as TimeSyncResponseError).bodyExcerpt).not.toContain(SIGNATURE);
      }

      // No fault is ever recorded: the cache holds only what was accepted (here, at most that DELETE).
      const accepted = remove === undefined ? [join(dir, `DELETE_v0_times_${UUID}`, "response.txt")] : [];
      expect(await files(dir)).toEqual(accepted);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
