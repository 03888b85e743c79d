// A replayed `getUser`, the whole public call, against a bare `readFileSync` of the same recordings.
// 1,000 different logins recorded in pyppms' layout in a temp dir; a PpmsConnection in replay mode
// (no API key: offline, nothing on the network) asks for each of them once per round, a fresh
// connection per round so its in-memory user cache never answers; three warm-up rounds, then three
// measured rounds, each beside a pass of `readFileSync(file, "utf8")` over the same 1,000 files.
// The figure is the median per-call ratio; the goal is ≤ 3×. Prints JSON lines (scripts/bench.mjs).
//
// Profile notes (`BENCH_ROUNDS=12 node --cpu-prof packages/pyppms-ts/bench/replay.mjs`, 12,000 hits
// beside 12,000 bare reads, on 2 shared cores). Before: a hit was readFileSync of the body (open,
// fstat, read, close) plus a stat of the folder to prove its in-memory listing current (and a read of
// the status side file where one was listed); open/stat/fstat/read/close were the top self times of
// the hit, and the SDK round took 3.9x the bare round's samples. Now an entry is one file (a status
// other than 200 is its first line), so a hit is one readFileSync: the hit's own read costs what
// the bare read costs (12.4 % vs 13.4 % of samples: it passes a prebuilt options object, which
// readFileSync would otherwise copy per call), and the SDK round is 2.7x the bare round. Then: the
// client made two named closures per call (the build names each one with a property definition,
// ~3 % of a hit), awaited a synchronous accept, and copied the form through Object.entries; none of
// that is left. What remains beside the read is mostly pyppms-ts's answer parsing and checking
// (parseAnswer, checkRecord, fromRecord: about as much as the read itself) and GC (~10 %).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PpmsConnection } from "../dist/index.js";

const USERS = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3); // more for a profile: BENCH_ROUNDS=6 node --cpu-prof …
const HEADER = "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active";
const login = (i) => `replay.user${String(i).padStart(4, "0")}`;
const userLine = (i) => `"${login(i)}","Last${i}","First${i}","${login(i)}@lab.example","","","Lab ${i % 7}","group_${i % 13}",false,false,true`;
const print = (bench, value, unit, note, target) => console.log(JSON.stringify({ bench, value, unit, note, ...(target ? { target } : {}) }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "pyppms-ts-replay-bench-"));
mkdirSync(join(dir, "getuser"));
const files = [];
for (let i = 0; i < USERS; i++) {
  const file = join(dir, "getuser", `login--${login(i)}.txt`);
  writeFileSync(file, `${HEADER}\r\n${userLine(i)}\r\n`);
  files.push(file);
}
// Let the folder's mtime age past any "changed just now" window a cache may keep.
await new Promise((r) => setTimeout(r, 100));

/** Per-call µs of 1,000 replayed getUser calls on a fresh offline connection. */
async function sdkRound() {
  const ppms = await PpmsConnection.connect({ baseUrl: "http://127.0.0.1:9/pumapi/", cache: { dir, mode: "replay" } });
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < USERS; i++) {
      const user = await ppms.getUser(login(i));
      if (user.username !== login(i)) throw new Error(`expected ${login(i)}, got ${user.username}`);
    }
    return Number(process.hrtime.bigint() - start) / 1e3 / USERS;
  } finally {
    await ppms.close();
  }
}

/** Per-call µs of a bare readFileSync of the same 1,000 files. */
function bareRound() {
  const start = process.hrtime.bigint();
  let bytes = 0;
  for (const file of files) bytes += readFileSync(file, "utf8").length;
  if (bytes === 0) throw new Error("read nothing");
  return Number(process.hrtime.bigint() - start) / 1e3 / USERS;
}

try {
  // Warm-up (not measured): long enough for the JIT to settle on both sides.
  for (let w = 0; w < 3; w++) {
    await sdkRound();
    bareRound();
  }
  const sdk = [];
  const bare = [];
  const ratios = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always runs on a warmer page cache.
    const b1 = r % 2 === 0 ? bareRound() : undefined;
    const s = await sdkRound();
    const b = b1 ?? bareRound();
    sdk.push(s);
    bare.push(b);
    ratios.push(s / b);
  }
  const note = `${median(sdk).toFixed(1)} µs vs ${median(bare).toFixed(1)} µs per call; ${USERS} logins x ${ROUNDS} rounds, median`;
  print("replayed getUser (whole public call) / bare readFileSync of the same file", median(ratios), "x", note, "<= 3");
  print("replayed getUser calls per second", 1e6 / median(sdk), "req/s", `${USERS} different logins, replay mode`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
