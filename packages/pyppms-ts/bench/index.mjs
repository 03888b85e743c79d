// pyppms-ts benchmarks. Prints one JSON line per measurement.
//  1. bulk getUsers of 1,000 users from test-cache's replay server on 127.0.0.1 with 20 ms injected
//     latency: concurrency 8 vs 1 (the ratio is the figure; the goal is >= 6x).
//  2. parsing a generated 10,000-row getuser-style CSV body and a 10,000-row running sheet (rows/s).
// The 1,000 user fixture files are generated into a temp dir, never into the repo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startReplayServer } from "@facility-sdk/test-cache";
import { PpmsConnection, parseMultilineResponse, pumapiFormKey } from "../dist/index.js";

const USERS = 1000;
const LATENCY_MS = 20;
const HEADER = "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active";
const print = (bench, value, unit, note, target) => console.log(JSON.stringify({ bench, value, unit, note, ...(target ? { target } : {}) }));
const login = (i) => `bench.user${String(i).padStart(4, "0")}`;
const userLine = (i) =>
  `"${login(i)}","Last${i}","First${i}","${login(i)}@lab.example","","","Lab ${i % 7}, Dept. ${i % 3}","group_${i % 13}",false,false,${i % 5 === 0 ? "True" : "true"}`;

function writeFixtures(dir) {
  const put = (path, body) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), body);
  };
  put("auth/response.txt", "OK\r\n");
  put("getusers/active--true.txt", Array.from({ length: USERS }, (_, i) => login(i)).join("\r\n") + "\r\n");
  for (let i = 0; i < USERS; i++) put(`getuser/login--${login(i)}.txt`, `${HEADER}\r\n${userLine(i)}\r\n`);
}

async function timedGetUsers(url, concurrency) {
  const ppms = await PpmsConnection.connect({ baseUrl: url, apiKey: "bench-key", concurrency });
  try {
    const start = performance.now();
    const users = await ppms.getUsers();
    const ms = performance.now() - start;
    if (users.size !== USERS) throw new Error(`expected ${USERS} users, got ${users.size}`);
    return ms;
  } finally {
    await ppms.close();
  }
}

// The floor the SDK is held against besides N x latency / concurrency: the same 1,000 getuser POSTs
// sent with bare undici.request, 8 at a time, to the same server.
async function timedRawUndici(url, concurrency) {
  // undici as http-core resolves it (pyppms-ts itself does not depend on it).
  const here = createRequire(import.meta.url);
  const { Agent, request } = createRequire(here.resolve("@facility-sdk/http-core/package.json"))("undici");
  const agent = new Agent({ connections: concurrency });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < USERS) {
        const form = new URLSearchParams({ action: "getuser", apikey: "bench-key", login: login(next++) }).toString();
        const res = await request(url, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" }, dispatcher: agent });
        await res.body.text();
      }
    }),
  );
  const ms = performance.now() - start;
  await agent.close();
  return ms;
}

// The replay server runs in a worker thread, as a real server runs elsewhere: its CPU time must not
// share the client's event loop, or the client's concurrency would be measured against it.
if (!isMainThread) {
  const server = await startReplayServer({
    dirs: [workerData.dir],
    key: pumapiFormKey(),
    latencyMs: LATENCY_MS,
  });
  parentPort.postMessage(server.url);
  parentPort.once("message", async () => {
    await server.close();
    process.exit(0);
  });
}

function startServerThread(dir) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { dir } });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (url) =>
      resolve({
        url,
        close: () => new Promise((done) => {
          worker.once("exit", done);
          worker.postMessage("close");
        }),
      }),
    );
  });
}

async function benchBulk() {
  const dir = mkdtempSync(join(tmpdir(), "pyppms-ts-bench-"));
  writeFixtures(dir);
  const server = await startServerThread(dir);
  try {
    const raw = await timedRawUndici(server.url, 8);
    const parallel = await timedGetUsers(server.url, 8);
    const serial = await timedGetUsers(server.url, 1);
    print("getUsers-1000-concurrency-8", parallel, "ms", `${USERS} users, ${LATENCY_MS} ms injected latency`);
    print("getUsers-1000-concurrency-1", serial, "ms", "baseline: one at a time, as pyppms");
    print("getUsers-1000-speedup-8-vs-1", serial / parallel, "x", "concurrency 8 vs one at a time, as pyppms", ">= 6");
    const ideal = (USERS * LATENCY_MS) / 8;
    print("getUsers-1000-vs-raw-undici", parallel / raw, "x", `${parallel.toFixed(0)} ms vs ${raw.toFixed(0)} ms for the same ${USERS} POSTs with undici.request, 8 at a time (the server's own timer slop is in both)`);
    print("getUsers-1000-vs-ideal", parallel / ideal, "x", `${parallel.toFixed(0)} ms vs N x latency / concurrency = ${ideal} ms`, "<= 1.1");
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rowsPerSecond(body, expectedRows) {
  // Warm up, then time a bounded number of passes.
  parseMultilineResponse(body);
  const passes = 10;
  const start = performance.now();
  for (let p = 0; p < passes; p++) {
    const rows = parseMultilineResponse(body);
    if (rows.length !== expectedRows) throw new Error(`expected ${expectedRows} rows, got ${rows.length}`);
  }
  return (expectedRows * passes) / ((performance.now() - start) / 1000);
}

function benchParsing() {
  const ROWS = 10_000;
  const users = [HEADER, ...Array.from({ length: ROWS }, (_, i) => userLine(i))].join("\r\n") + "\r\n";
  print("parse-getuser-csv-10000-rows", rowsPerSecond(users, ROWS), "ops/s", "rows/s, parseMultilineResponse");
  const sheet =
    [
      "Location, Start time, End time, Object, User, Training, Assisted",
      ...Array.from({ length: ROWS }, (_, i) => {
        const h = String(i % 24).padStart(2, "0");
        return `"Room B.${i % 20}","${h}:00","${h}:45","Confocal, upright ${i % 9}","Last${i} First${i}","",""`;
      }),
    ].join("\r\n") + "\r\n";
  print("parse-runningsheet-10000-rows", rowsPerSecond(sheet, ROWS), "ops/s", "rows/s, parseMultilineResponse");
}

if (isMainThread) {
  benchParsing();
  await benchBulk();
  await import("./parse.mjs"); // parsing vs. a naive split loop (ratios); main thread only, not in the server worker
}
