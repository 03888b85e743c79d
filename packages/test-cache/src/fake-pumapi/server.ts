import { type LoopbackRequest, startLoopbackServer } from "../loopback.js";
import { FakePumapi } from "./fake-pumapi.js";
import type { FakePumapiState } from "./store.js";
import type { FakePumapiOptions, PumapiRequestLogEntry } from "./options.js";

/** A running fake PUMAPI server on 127.0.0.1 (see {@link startFakePumapi}). */
export interface RunningFakePumapi {
  /** The PUMAPI endpoint, `http://127.0.0.1:<port>/pumapi/`. */
  url: string;
  /** The API2 endpoint, `http://127.0.0.1:<port>/API2/`. */
  api2Url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The key PUMAPI calls must send as `apikey`. */
  apiKey: string;
  /** The key API2 calls must send as `apikey`. */
  api2Key: string;
  /** The in-memory data (read it to check what writes stored). */
  state: FakePumapiState;
  /** The transport-free core the server calls. */
  fake: FakePumapi;
  /** Requests received so far: endpoint, action and form, with `apikey`/`pwd`/`code`/`psapwd` masked as `***`. */
  requests: PumapiRequestLogEntry[];
  /** Stops the server, cutting open connections. */
  close(): Promise<void>;
}

/** Form fields of a request: the query string, then the form-encoded body (the body wins). */
function formOf(req: LoopbackRequest): Record<string, string> {
  const url = new URL(req.url, "http://127.0.0.1");
  const form: Record<string, string> = Object.fromEntries(url.searchParams);
  const type = req.headers["content-type"] ?? "";
  if (req.body !== "" && (type === "" || type.startsWith("application/x-www-form-urlencoded"))) {
    Object.assign(form, Object.fromEntries(new URLSearchParams(req.body)));
  }
  return form;
}

/**
 * Starts a stateful fake PUMAPI server over real HTTP on 127.0.0.1 (random port), built on
 * {@link startLoopbackServer}. With no options it serves {@link defaultPumapiSeed} and wants the
 * key `"fake-pumapi-key"`. The actions, their parameters and answers are listed in
 * `src/fake-pumapi/README.md`.
 *
 * @param options - keys, system codes, clock, latency, seed and quirks
 * @returns the running server; call `close()` when done
 * @example
 * ```ts
 * const server = await startFakePumapi({ now: () => new Date(2030, 2, 14, 9, 0).getTime() });
 * const res = await fetch(server.url, {
 *   method: "POST",
 *   body: new URLSearchParams({ action: "getbooking", apikey: server.apiKey, id: "31" }),
 * });
 * await res.text(); // "jdoe\r\n210\r\n12345\r\n"
 * await server.close();
 * ```
 */
export async function startFakePumapi(options: FakePumapiOptions = {}): Promise<RunningFakePumapi> {
  const fake = new FakePumapi(options);
  const latencyMs = options.latencyMs ?? 0;
  const loopback = await startLoopbackServer(
    async (req, res) => {
      const answer = fake.handle({ path: new URL(req.url, "http://127.0.0.1").pathname, form: formOf(req) });
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
      res.end(answer.body);
    },
    { path: "/pumapi/" },
  );
  return {
    url: loopback.url,
    api2Url: `${loopback.origin}/API2/`,
    origin: loopback.origin,
    apiKey: fake.apiKey,
    api2Key: fake.api2Key,
    state: fake.state,
    fake,
    requests: fake.requests,
    close: () => loopback.close(),
  };
}
