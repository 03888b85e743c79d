import { join } from "node:path";
import { startFaultyServer, type FaultSpec } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import {
  FacilitySdkError,
  HttpConnectionError,
  HttpRateLimitError,
  HttpServerError,
  HttpTimeoutError,
  NoDataError,
  PumapiActionError,
  PumapiUnexpectedAnswerError,
  ResponseDecodeError,
  ResponseTooLargeError,
  type PpmsConnectionOptions,
} from "../src/index.js";
import { filesUnder } from "./helpers/files.js";
import { useConnections } from "./helpers/harness.js";

const API_KEY = "faults-Key-0b77c2";
const FAST_RETRY = { limit: 1, backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: "none" as const }, maxRetryAfterMs: 2_000 };
const SHORT = { attemptMs: 300, totalMs: 900 };

type ErrorClass = abstract new (...args: never[]) => Error;

interface FaultCase {
  name: string;
  fault: FaultSpec;
  /** The error of a read (`getsystems`) and of a write (`createinc`). */
  read: ErrorClass;
  write: ErrorClass;
  options?: Partial<PpmsConnectionOptions>;
}

const cases: FaultCase[] = [
  { name: "refuse", fault: { kind: "refuse" }, read: HttpConnectionError, write: HttpConnectionError },
  { name: "hang", fault: { kind: "hang" }, read: HttpTimeoutError, write: HttpTimeoutError },
  { name: "stall headers", fault: { kind: "stall-headers", ms: 5_000, body: "x" }, read: HttpTimeoutError, write: HttpTimeoutError },
  { name: "stall body", fault: { kind: "stall-body", body: "done\r\n".repeat(100) }, read: HttpTimeoutError, write: HttpTimeoutError },
  {
    name: "trickle past the total deadline",
    fault: { kind: "trickle", body: "done\r\n".repeat(40), intervalMs: 20 },
    read: HttpTimeoutError,
    write: HttpTimeoutError,
    options: { timeout: { attemptMs: 5_000, totalMs: 500 } },
  },
  { name: "reset mid-body", fault: { kind: "reset", body: "done\r\n".repeat(200) }, read: HttpConnectionError, write: HttpConnectionError },
  { name: "truncate", fault: { kind: "truncate", body: "done\r\n".repeat(200) }, read: HttpConnectionError, write: HttpConnectionError },
  { name: "429 with Retry-After", fault: { kind: "status", status: 429, retryAfter: 1, body: "slow down" }, read: HttpRateLimitError, write: HttpRateLimitError },
  { name: "429 without Retry-After", fault: { kind: "status", status: 429, body: "slow down" }, read: HttpRateLimitError, write: HttpRateLimitError },
  { name: "503 with Retry-After", fault: { kind: "status", status: 503, retryAfter: 1, body: "busy" }, read: HttpServerError, write: HttpServerError },
  { name: "503 without Retry-After", fault: { kind: "status", status: 503, body: "busy" }, read: HttpServerError, write: HttpServerError },
  { name: "HTML 200", fault: { kind: "html" }, read: PumapiUnexpectedAnswerError, write: PumapiUnexpectedAnswerError },
  { name: "empty 200", fault: { kind: "empty" }, read: NoDataError, write: PumapiActionError },
  {
    name: "huge body",
    fault: { kind: "huge", bytes: 1024 * 1024 },
    read: ResponseTooLargeError,
    write: ResponseTooLargeError,
    options: { maxResponseBytes: 64 * 1024 },
  },
  { name: "invalid UTF-8", fault: { kind: "invalid-utf8" }, read: ResponseDecodeError, write: ResponseDecodeError },
];

const { serve, connect, tempDir } = useConnections({ apiKey: API_KEY, retry: FAST_RETRY, timeout: SHORT });

const actionOf = (body: string): string => new URLSearchParams(body).get("action") ?? "";

describe("faults: every case ends in a typed error naming the PUMAPI action, writes are sent once, nothing is recorded", () => {
  const table = cases.flatMap((c) => [
    { ...c, kind: "read" as const, action: "getsystems", expected: c.read },
    { ...c, kind: "write" as const, action: "createinc", expected: c.write },
  ]);

  it.each(table)("$name → $kind ($action)", async ({ fault, options, kind, action, expected }) => {
    // auth answers OK, so the connection opens; every other request meets the fault.
    const server = serve(await startFaultyServer({ fault: (req) => (actionOf(req.body) === "auth" ? { kind: "ok", body: "OK" } : fault), path: "/pumapi/" }));
    const dir = join(tempDir("pyppms-ts-faults-"), "cache");
    const ppms = await connect({ baseUrl: server.url, cache: { dir, mode: "record-missing" }, ...options });

    const call = kind === "read" ? ppms.getSystems() : ppms.createIncident(31, 2, "Stage drift");
    const error = await call.then(
      () => expect.unreachable(`${kind} should have failed`),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FacilitySdkError);
    expect(error).toBeInstanceOf(expected);
    expect((error as Error).message).toContain(`PUMAPI ${action}`);
    expect((error as FacilitySdkError).operation).toBe(`PUMAPI ${action}`);
    expect((error as Error).message).not.toContain(API_KEY);

    const sent = server.requests.filter((r) => actionOf(r.body) === action).length;
    if (kind === "write") expect(sent).toBe(1);
    else expect(sent).toBeGreaterThanOrEqual(1);
    expect(filesUnder(dir)).toEqual([]);
  });
});
