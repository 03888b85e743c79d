// Benchmarks for timesync-ts (built package). Prints one JSON line per measurement.
// Run: pnpm --filter timesync-ts build && node packages/timesync-ts/bench/index.mjs
import { startFakeTimeSync } from "@facility-sdk/test-cache";
import { parseDuration, TimeSync } from "../dist/index.js";

const print = (bench, value, unit, note) => console.log(JSON.stringify({ bench, value: Number(value.toFixed(2)), unit, note }));

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
  const rounds = 20;
  const time = async (fn) => {
    await fn(); // warm-up
    const start = performance.now();
    for (let i = 0; i < rounds; i++) await fn();
    return (performance.now() - start) / rounds;
  };
  const raw = await time(async () => {
    const res = await fetch(`${server.url}/times?token=${encodeURIComponent(token)}`);
    sink += (await res.json()).length;
  });
  const sdk = await time(async () => {
    sink += (await client.getTimes()).length;
  });
  print("getTimes-500", sdk, "ms", "per call, 500 times, parsed and validated, loopback fake server");
  print("getTimes-500-raw-fetch", raw, "ms", "baseline: global fetch + JSON.parse, same query");
  print("getTimes-vs-raw-fetch", sdk / raw, "x", "ratio of SDK call time to the raw baseline");
  print("getTimes-parse-throughput", (TIMES * 1000) / sdk, "ops/s", "time objects delivered per second");
  await client.close();
} finally {
  await server.close();
}
if (sink === -1) console.log("unreachable");
