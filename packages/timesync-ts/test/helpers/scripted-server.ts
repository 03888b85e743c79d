import type { IncomingMessage } from "node:http";
import { startLoopbackServer } from "@facility-sdk/test-cache";

/** One request the scripted server received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** What the scripted server answers; `hang: true` never answers. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

/** A throwaway server on 127.0.0.1 (test-cache's loopback server) that answers from a function and records what it saw. */
export async function startScriptedServer(answer: (req: SeenRequest) => ScriptedAnswer) {
  const server = await startLoopbackServer(
    (req, res) => {
      const a = answer(req);
      if (a.hang) return; // close() cuts it
      res.writeHead(a.status ?? 200, a.headers ?? { "content-type": "application/json" });
      res.end(a.body ?? "");
    },
    { path: "/v0" },
  );
  const seen: SeenRequest[] = server.requests;
  return { url: server.url, seen, close: server.close };
}
