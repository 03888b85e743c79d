import type { ServerResponse } from "node:http";
import { afterEach } from "vitest";
// A source import: test-cache depends on http-core, so a dev dependency back on it would be a cycle.
import { startLoopbackServer, type LoopbackRequest } from "../../test-cache/src/loopback.js";

/** A loopback server whose handler the test sets; started and stopped by the test. */
export async function startServer(handler: (req: LoopbackRequest, res: ServerResponse, body: string) => void) {
  const server = await startLoopbackServer((req, res) => handler(req, res, req.body));
  return { url: server.url, seen: server.requests, close: server.close };
}

/** A logger that keeps every call. */
export function memoryLogger() {
  const lines: string[] = [];
  const rec = (level: string) => (...args: unknown[]) => lines.push(`${level} ${JSON.stringify(args)}`);
  return { lines, logger: { debug: rec("debug"), info: rec("info"), warn: rec("warn"), error: rec("error") } };
}

/**
 * Registers an `afterEach` that runs what the test deferred, the last deferred first (a client
 * before its server); returns `defer`.
 */
export function useCleanup(): (...steps: (() => Promise<void>)[]) => void {
  const steps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return (...more) => void steps.push(...more);
}

/** Retries without waiting: 1 ms between attempts, no jitter. */
export const fastRetry = { backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: "none" as const } };
