// CSV parsing vs. a naive loop over the same body, in the same run. Prints one JSON line per body.
// The naive loop (split on CRLF, split on ",", strip quotes, one object per row) is the floor: it is
// wrong on quoted commas, ours must stay right and cost at most 1.5x its time.
//
// Profile notes (node --cpu-prof over this file, self time per function):
//   before: ratios 2.5-3.8x. The garbage collector took 37-49% of the whole run: the tokenizer
//     built every field one character at a time (`field += c`), a cons string per character.
//     parseCsv itself 14-17%, processResponseValues' map callback 5-7% (a lowercased copy of
//     every value), parseMultilineResponse 8-9% (copying the rows with `[header, ...data]`, then
//     map + zipRecord's forEach closure per record); the naive loop 14-15%.
//   after: ratios 0.75-1.1x. GC down to 17%, the naive loop is now the largest item (34%);
//     parseCsv 19% + its indexOf helper 6%, zipRecord 7%, parseMultilineResponse 9%. Fields are
//     sliced whole between indexOf hits, a quote-free line is one native split, values are
//     lowercased only when 4-5 characters long (and "true"/"True"/"false"/"False" compared first).
import { parseMultilineResponse } from "../dist/index.js";

const ROWS = 10_000;
const ROUNDS = 21;
const WARMUP = 5;
const TARGET = 1.5;

const print = (bench, value, unit, note, target) => console.log(JSON.stringify({ bench, value, unit, note, ...(target ? { target } : {}) }));
const crlf = (lines) => lines.join("\r\n") + "\r\n";
const rows = (make) => Array.from({ length: ROWS }, (_, i) => make(i));

const USER_HEADER = "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active";
const login = (i) => `bench.user${String(i).padStart(4, "0")}`;
const userLine = (i) =>
  `"${login(i)}","Last${i}","First${i}","${login(i)}@lab.example","","","Lab ${i % 7}, Dept. ${i % 3}","group_${i % 13}",false,false,${i % 5 === 0 ? "True" : "true"}`;
const sheetLine = (i) => {
  const h = String(i % 24).padStart(2, "0");
  return `"Room B.${i % 20}","${h}:00","${h}:45","Confocal, upright ${i % 9}","Last${i} First${i}","",""`;
};
const SYSTEMS_HEADER =
  "Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours";
const systemLine = (i) =>
  `${2 + (i % 3)},${31 + i},"Confocal","${i % 2 === 0 ? "Confocal, upright" : "Zeiss LSM 900"} ${i}","Room B.${i % 20}",True,True,${i % 4 === 0 ? "False" : "True"},True,true,false`;
const systemPlainLine = (i) =>
  `${2 + (i % 3)},${31 + i},Confocal,Zeiss LSM 900 ${i},Room B.${i % 20},True,True,${i % 4 === 0 ? "False" : "True"},True,true,false`;

const BODIES = [
  {
    name: "getuser",
    body: crlf([USER_HEADER, ...rows(userLine)]),
    check: (r) => r[1].affiliation === "Lab 1, Dept. 1" && r[0].active === true,
  },
  {
    name: "runningsheet",
    body: crlf(["Location, Start time, End time, Object, User, Training, Assisted", ...rows(sheetLine)]),
    check: (r) => r[1].Object === "Confocal, upright 1" && r[1]["Start time"] === "01:00",
  },
  {
    name: "getsystems",
    body: crlf([SYSTEMS_HEADER, ...rows(systemLine)]),
    check: (r) => r[0].Name === "Confocal, upright 0" && r[0].Stats === false,
  },
  // Not one of the three target bodies: the same systems without any quote, for the quote-free fast path.
  {
    name: "getsystems-unquoted",
    body: crlf([SYSTEMS_HEADER, ...rows(systemPlainLine)]),
    check: (r) => r[0].Name === "Zeiss LSM 900 0" && r[0].Stats === false,
  },
];

const strip = (v) => (v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"' ? v.slice(1, -1) : v);

/** The floor: wrong on quoted commas, but as little work as a CSV-to-records loop can do. */
function naive(body) {
  const lines = body.split("\r\n");
  const header = lines[0].split(",").map((name) => strip(name.trim()));
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const fields = line.split(",");
    const record = {};
    for (let j = 0; j < header.length; j++) record[header[j]] = strip(fields[j] ?? "");
    out.push(record);
  }
  return out;
}

function ours(body) {
  return parseMultilineResponse(body);
}

let sink = 0;
function time(fn, body) {
  const start = performance.now();
  const out = fn(body);
  const ms = performance.now() - start;
  sink += out.length;
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

for (const { name, body, check } of BODIES) {
  const parsed = ours(body);
  if (parsed.length !== ROWS || !check(parsed)) throw new Error(`${name}: parseMultilineResponse gave a wrong answer`);
  for (let w = 0; w < WARMUP; w++) {
    time(naive, body);
    time(ours, body);
  }
  const ratios = [];
  const oursMs = [];
  const naiveMs = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which one runs first, so neither always pays for the other's garbage.
    let a;
    let b;
    if (r % 2 === 0) {
      a = time(ours, body);
      b = time(naive, body);
    } else {
      b = time(naive, body);
      a = time(ours, body);
    }
    ratios.push(a / b);
    oursMs.push(a);
    naiveMs.push(b);
  }
  const ratio = median(ratios);
  const rowsPerSec = (ms) => Math.round(ROWS / (ms / 1000)).toLocaleString("en-US");
  print(
    `parse-vs-naive-${name}-${ROWS}-rows`,
    ratio,
    "x",
    `ours/naive, median of ${ROUNDS} rounds; ${rowsPerSec(median(oursMs))} rows/s ours, ${rowsPerSec(median(naiveMs))} rows/s naive`,
    `<= ${TARGET}`,
  );
}
if (sink === 0) throw new Error("nothing parsed");
