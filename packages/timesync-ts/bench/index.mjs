// Benchmarks for timesync-ts (built package). Prints one JSON line per measurement.
//
// Profile notes (node --cpu-prof, getTimes of 500 times against the fake server): the SDK side was
// snake→camel renaming by regex per key per object (16%), a zod transform per field, and an object
// spread of a freshly built object per time, which V8 runs on a slow path (~4 µs each: 2 of the
// 2.6 ms). Now names are converted once and cached, a time's fields are checked as plain zod types
// and converted once, written out without a spread, and blank bodies are found without trim().
// What is left is JSON.parse (as in the baseline) and zod's compiled object check.
// Run: pnpm --filter timesync-ts build && node packages/timesync-ts/bench/index.mjs
import { startFakeTimeSync } from "@facility-sdk/test-cache";
import { parseDuration, TimeSync } from "../dist/index.js";

const print = (bench, value, unit, note, target) => console.log(JSON.stringify({ bench, value: Number(value.toFixed(3)), unit, note, ...(target ? { target } : {}) }));

function opsPerSecond(fn, minMs = 400) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 1000; i++) fn(i);
    n += 1000;
  }
  return (n * 1000) / (performance.now() - start);
}

// 1. parseDuration against a bare regex match (the least any parser must do).
const inputs = ["3h30m", "0h0m", "23h59m", "12h5m", 5400];
const bare = /^(2[0-3]|[01]?\d)h([0-5]?\d)m$/i;
let sink = 0;
const baseline = opsPerSecond((i) => {
  const v = inputs[i % inputs.length];
  sink += typeof v === "number" ? v : Number(bare.exec(v)?.[1] ?? 0);
});
const parse = opsPerSecond((i) => {
  sink += parseDuration(inputs[i % inputs.length]);
});
print("parseDuration", parse, "ops/s", "mixed HhMm strings and integers");
print("parseDuration-vs-bare-regex", parse / baseline, "x", "ratio to a bare regex exec (1 = as fast)");

// 2. getTimes over HTTP on 127.0.0.1 against the fake server: validated+parsed vs raw fetch+JSON.parse.
const TIMES = 500;
const server = await startFakeTimeSync({
  users: [{ username: "pat", password: "bench-password" }],
  activities: [{ name: "Development", slug: "dev" }],
  projects: [{ name: "Website", slugs: ["web"], default_activity: "dev", users: { pat: { member: true } } }],
  times: Array.from({ length: TIMES }, (_, i) => ({ duration: 60 + i, user: "pat", project: "web", date_worked: "2024-05-02", notes: `entry ${i}` })),
});
try {
  const client = new TimeSync({ baseUrl: server.url });
  await client.authenticate({ username: "pat", password: "bench-password" });
  const token = client.token;
  // Alternate the two in rounds, after a warm-up, and take the median of the per-round ratios: the
  // fake server's own work is in both, so the ratio is the SDK's cost (HTTP, validation, conversion).
  const CALLS = 10;
  const ROUNDS = 11;
  const raw = async () => {
    const res = await fetch(`${server.url}/times?token=${encodeURIComponent(token)}`);
    sink += (await res.json()).length;
  };
  const sdk = async () => {
    sink += (await client.getTimes()).length;
  };
  const time = async (fn) => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await fn();
    return (performance.now() - start) / CALLS;
  };
  for (let i = 0; i < 5; i++) await Promise.all([raw(), sdk()]);
  const ratios = [];
  const sdkTimes = [];
  const rawTimes = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = r % 2 === 0 ? await time(sdk) : undefined;
    const b = await time(raw);
    const c = a ?? (await time(sdk));
    sdkTimes.push(c);
    rawTimes.push(b);
    ratios.push(c / b);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  print("getTimes-500-vs-fetch+JSON.parse", median(ratios), "x", `${median(sdkTimes).toFixed(2)} ms vs ${median(rawTimes).toFixed(2)} ms; validated, camelCased; median of ${ROUNDS} rounds x ${CALLS}`, "<= 1.3");
  print("getTimes-parse-throughput", (TIMES * 1000) / median(sdkTimes), "ops/s", "time objects delivered per second");
  await client.close();
} finally {
  await server.close();
}
if (sink === -1) console.log("unreachable");
