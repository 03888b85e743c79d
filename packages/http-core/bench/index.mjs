// http-core request overhead vs raw undici.request on a loopback server, and replay hits from disk.
// Prints JSON lines; ratios are against a baseline measured in the same run.
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { HttpClient, RecordReplayCache, pumapiFormKey } from "../dist/index.js";

const BODY = "login,lname,fname,email\r\n" + '"jdoe","Doe","Jane","jane.doe@lab.example"\r\n'.repeat(20);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.end(BODY));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/pumapi/`;
const form = { action: "getuser", apikey: "bench-key", login: "jdoe" };

const rawAgent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });
// The baseline does what a user of raw undici must do per call too: encode the form, read the body.
const raw = async () => {
  const res = await request(url, { method: "POST", body: new URLSearchParams(form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, dispatcher: rawAgent });
  await res.body.text();
};
const client = new HttpClient({ baseUrl: url, connections: 16 });
const core = async () => {
  await client.request({ method: "POST", url: "", form, idempotent: true });
};

async function timeLoop(fn, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const N = 2000;
const ROUNDS = 7;
await timeLoop(raw, 500);
await timeLoop(core, 500);
const ratios = [];
const rawTimes = [];
const coreTimes = [];
for (let r = 0; r < ROUNDS; r++) {
  // Alternate which goes first so drift does not favour one side.
  const a = r % 2 === 0 ? await timeLoop(raw, N) : undefined;
  const c = await timeLoop(core, N);
  const b = a ?? (await timeLoop(raw, N));
  rawTimes.push(b);
  coreTimes.push(c);
  ratios.push(c / b);
}
console.log(JSON.stringify({ bench: "request: http-core / raw undici (cache off)", value: median(ratios), unit: "x", note: `median of ${ROUNDS} rounds × ${N} sequential requests; goal ≤ 1.10` }));
console.log(JSON.stringify({ bench: "request: raw undici per request", value: median(rawTimes) * 1000, unit: "µs" }));
console.log(JSON.stringify({ bench: "request: http-core per request", value: median(coreTimes) * 1000, unit: "µs" }));

const dir = await mkdtemp(join(tmpdir(), "http-core-bench-"));
const recorder = new HttpClient({ baseUrl: url, cache: new RecordReplayCache({ dir, mode: "record-missing", key: pumapiFormKey() }) });
await recorder.request({ method: "POST", url: "", form });
const replay = new HttpClient({ baseUrl: url, cache: new RecordReplayCache({ dir, mode: "replay", key: pumapiFormKey() }) });
const hit = async () => {
  const res = await replay.request({ method: "POST", url: "", form });
  if (!res.fromCache) throw new Error("expected a cache hit");
};
await timeLoop(hit, 300);
const hitMs = median([await timeLoop(hit, N), await timeLoop(hit, N), await timeLoop(hit, N)]);
console.log(JSON.stringify({ bench: "replay hit from disk", value: 1000 / hitMs, unit: "req/s", note: `${(hitMs * 1000).toFixed(0)} µs per hit` }));
console.log(JSON.stringify({ bench: "replay hit / network request (time)", value: hitMs / median(coreTimes), unit: "x", note: "below 1 = disk is faster than loopback" }));

await Promise.all([client.close(), recorder.close(), replay.close(), rawAgent.close()]);
await rm(dir, { recursive: true, force: true });
server.close();
