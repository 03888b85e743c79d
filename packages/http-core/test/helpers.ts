import type { ServerResponse } from "node:http";
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
