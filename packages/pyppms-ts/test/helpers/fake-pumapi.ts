import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the handler answers: a body, optionally a status and a delay. */
export interface FakeAnswer {
  status?: number;
  body: string;
  delayMs?: number;
}

/** A tiny PUMAPI stand-in on 127.0.0.1 that records form requests and tracks requests in flight. */
export interface FakePumapi {
  url: string;
  forms: Record<string, string>[];
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts the stand-in; `answer` decides each reply from the parsed form. */
export async function startFakePumapi(answer: (form: Record<string, string>, count: number) => FakeAnswer): Promise<FakePumapi> {
  let inFlight = 0;
  const state: FakePumapi = { url: "", forms: [], maxInFlight: 0, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      state.forms.push(form);
      const count = state.forms.filter((f) => JSON.stringify(f) === JSON.stringify(form)).length;
      const reply = answer(form, count);
      setTimeout(() => {
        inFlight--;
        res.writeHead(reply.status ?? 200, { "content-type": "text/plain; charset=utf-8" });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/pumapi/`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** A getuser answer for an invented user. */
export function userAnswer(login: string, email = `${login}@lab.example`): string {
  return (
    "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active\r\n" +
    `"${login}","Last${login}","First","${email}","","","","bench_group",false,false,true\r\n`
  );
}
