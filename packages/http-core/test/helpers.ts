import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server whose handler the test sets; started and stopped by the test. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen: { method: string; url: string; body: string; headers: IncomingMessage["headers"] }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", body, headers: req.headers });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    seen,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A logger that keeps every call. */
export function memoryLogger() {
  const lines: string[] = [];
  const rec = (level: string) => (...args: unknown[]) => lines.push(`${level} ${JSON.stringify(args)}`);
  return { lines, logger: { debug: rec("debug"), info: rec("info"), warn: rec("warn"), error: rec("error") } };
}
