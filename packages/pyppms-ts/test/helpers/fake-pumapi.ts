import { startLoopbackServer } from "@facility-sdk/test-cache";

/** What the handler answers: a body, optionally a status and a delay. */
export interface ScriptedAnswer {
  status?: number;
  body: string;
  delayMs?: number;
}

/** A tiny scripted PUMAPI on 127.0.0.1 that records form requests and tracks requests in flight. */
export interface ScriptedPumapi {
  url: string;
  forms: Record<string, string>[];
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** Starts the scripted PUMAPI on test-cache's loopback server; `answer` decides each reply from the parsed form. */
export async function startScriptedPumapi(answer: (form: Record<string, string>, count: number) => ScriptedAnswer): Promise<ScriptedPumapi> {
  const forms: Record<string, string>[] = [];
  const server = await startLoopbackServer(
    (req, res) => {
      const form = Object.fromEntries(new URLSearchParams(req.body));
      forms.push(form);
      const count = forms.filter((f) => JSON.stringify(f) === JSON.stringify(form)).length;
      const reply = answer(form, count);
      setTimeout(() => {
        if (res.destroyed) return; // the test closed the server meanwhile
        res.writeHead(reply.status ?? 200, { "content-type": "text/plain; charset=utf-8" });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    },
    { path: "/pumapi/" },
  );
  return {
    url: server.url,
    forms,
    // the loopback server counts a request in flight until its response is finished
    get maxInFlight() {
      return server.inFlight.max;
    },
    close: server.close,
  };
}

/** A getuser answer for an invented user. */
export function userAnswer(login: string, email = `${login}@lab.example`): string {
  return (
    "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active\r\n" +
    `"${login}","Last${login}","First","${email}","","","","bench_group",false,false,true\r\n`
  );
}
