// http-core against its floors, each as a ratio to a baseline measured in the same run:
// - a request with the cache off vs raw `undici.request` + `body.text()` on a loopback server;
// - a replay hit vs a bare `readFileSync` of the same recording.
// Prints JSON lines (see scripts/bench.mjs).
//
// Profile notes (node --cpu-prof, 20k requests): before the rework, a request went through
// `undici.request` and its BodyReadable stream, and an attempt timed out on undici's ~1 s timers;
// now a handler of our own collects chunks without a stream and one timer holds the attempt.
// A hit was async open/read/close plus a failed open of the status file; it is now one
// `readFileSync` plus one `stat` of the folder (its listing is kept in memory). Then: a request
// URL is parsed once per distinct URL (URL parsing showed as ~5% of a request), and the response is
// a small class whose redacted request is a prototype getter (an object literal with a getter cost
// 0.36 µs per response, a third of a hit's JS time).
// Since: an entry is one file (a status other than 200 is its first line), so a hit is one
// readFileSync and nothing else: no stat of the folder, no status file (1.79x -> ~1.5x here).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { HttpClient, RecordReplayCache, formFieldKey } from "../dist/index.js";

const BODY = "login,lname,fname,email\r\n" + '"jdoe","Doe","Jane","jane.doe@lab.example"\r\n'.repeat(20);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.end(BODY));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/pumapi/`;
const form = { action: "getuser", apikey: "bench-key", login: "jdoe" };
const key = formFieldKey({ folderField: "action", secretFields: ["apikey"] });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeLoop(fn, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / n;
}
/** Runs a and b in alternating order for `rounds` rounds; returns per-call ms medians and the median ratio a/b. */
async function pair(a, b, n, rounds) {
  await timeLoop(a, Math.ceil(n / 4));
  await timeLoop(b, Math.ceil(n / 4));
  const as = [];
  const bs = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const ta = first ? await timeLoop(a, n) : undefined;
    const tb = await timeLoop(b, n);
    const a2 = ta ?? (await timeLoop(a, n));
    as.push(a2);
    bs.push(tb);
    ratios.push(a2 / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

// 1. Request overhead, cache off.
const rawAgent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });
const raw = async () => {
  const res = await request(url, { method: "POST", body: new URLSearchParams(form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, dispatcher: rawAgent });
  await res.body.text();
};
const client = new HttpClient({ baseUrl: url, connections: 16 });
const core = () => client.request({ method: "POST", url: "", form, idempotent: true, operation: "bench getuser" });
const req = await pair(core, raw, 2000, 9);
console.log(JSON.stringify({ bench: "request: http-core / raw undici.request (cache off)", value: req.ratio, unit: "x", target: "<= 1.05", note: `${(req.a * 1000).toFixed(0)} µs vs ${(req.b * 1000).toFixed(0)} µs; median of 9 rounds x 2000` }));

// 2. Replay hit vs a bare readFileSync of the same file.
const dir = await mkdtemp(join(tmpdir(), "http-core-bench-"));
const recorder = new HttpClient({ baseUrl: url, cache: new RecordReplayCache({ dir, mode: "record-missing", key }) });
await recorder.request({ method: "POST", url: "", form, safe: true, idempotent: true });
await new Promise((r) => setTimeout(r, 100)); // let the folder's mtime age past the racy window
const file = join(dir, "getuser", "login--jdoe.txt");
const replay = new HttpClient({ baseUrl: url, cache: new RecordReplayCache({ dir, mode: "replay", key }) });
const hit = async () => {
  const res = await replay.request({ method: "POST", url: "", form, safe: true, idempotent: true });
  if (!res.fromCache) throw new Error("expected a cache hit");
};
const bare = async () => {
  readFileSync(file, "utf8");
};
const hits = await pair(hit, bare, 5000, 9);
console.log(JSON.stringify({ bench: "replay hit / bare readFileSync of the same file", value: hits.ratio, unit: "x", target: "<= 2", note: `${(hits.a * 1000).toFixed(1)} µs vs ${(hits.b * 1000).toFixed(1)} µs` }));
console.log(JSON.stringify({ bench: "replay hits per second", value: 1000 / hits.a, unit: "req/s" }));

await Promise.all([client.close(), recorder.close(), replay.close(), rawAgent.close()]);
await rm(dir, { recursive: true, force: true });
server.close();
