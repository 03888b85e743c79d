// Parsing 10,000-row PUMAPI CSV answers into the typed models, against Python's C `csv` module and a
// naive split loop over the same bodies, all measured in the same run. Prints one JSON line per
// figure (the bench runner collects them into bench-results.json) and a readable table on stderr.
//
//  - ours:   the public path an SDK user takes: parseMultilineResponse, then PpmsUser.fromRecord /
//            PpmsBooking.fromRunningsheet / PpmsSystem.fromParsedResponse per record.
//  - python: python3 with the standard library only, doing what pyppms does with it: csv.reader over
//            the text, the header names trimmed, a dict per row with true/false turned into booleans,
//            and a model object per row (user with its full name; system with int() ids; booking with
//            datetimes from HH:MM). Its times are split with str.split, not strptime, so the Python
//            figure is if anything flattering to Python. It runs as one child process that times one
//            pass per request, so each round measures ours, Python and the naive loop back to back
//            under the same machine load; the ratio is the median of the per-round ratios.
//  - naive:  split on CRLF and on ",", strip quotes, one object per row. Wrong on quoted commas, but
//            as little work as a CSV-to-records loop can do; parseMultilineResponse (records, no
//            models) is held to at most 1.5x its time.
// Without python3 the Python figures are skipped (said on stderr), not failed.
//
// Profile notes, 2026-12-05 (node --cpu-prof over the model path, self time; --trace-gc counts;
// CPU ms per 10,000-row pass, best of 30, from process.cpuUsage; Node 20.20, 2 cores shared by a
// loaded machine). Python's csv path took 34-43 ms per pass when the machine was quiet.
//   before: getuser 51 ms (tokenize 3.3, records 5.1, models from records 27), running sheet 18 ms,
//     getsystems 28 ms: 0.5-1.9x Python. Tokenizing, header mapping and value conversion were not
//     the problem (parseCsv 3-8% of samples, zipRecord 2-5%, value conversion <1%); object creation
//     was: the garbage collector took 43-54% and checkRecord 15-26% (getuser also 14% in
//     fromRecord). Each model check copied its record with `{ ...record }` and then added the absent
//     `userid`; V8 gives a spread copy a map without shared transitions, so that one added field took
//     a slow path per record (25-40 ms of getuser's 51; the spread alone is 0.4 ms). The other
//     columns' copy, the 10,000 field arrays parseCsv held until the end and records growing field
//     by field fed the collector: 52-65 scavenges and 1-5 mark-compacts per 30 passes. Running
//     sheets also spent 6-8% in the HH:MM regular expression.
//   after: getuser 6.4 ms (tokenize 2.3, records 3.8, models from records 2.5), running sheet 6.7,
//     getsystems 8.6: 3.6-4.7x Python in this bench's same-run rounds at load averages up to ~13;
//     at 17 (two cores, many test runs beside it) getuser fell to 2.8x once, probably as the GC helper
//     threads wait for a core (not verified; Python has one thread). 31-32 scavenges and one
//     mark-compact per 30 passes. The models check only their own fields, into a copy of an
//     all-undefined object of the spec (checkFields); a loose check copies with a for-in loop;
//     records are zipped as each line is read (readCsvRows hands rows over one by one, so field
//     arrays die young) from a copy of the first record; a comma right after a closing quote ends
//     the field without an indexOf; HH:MM is read by character code. Left: GC 27-38% (the 10,000
//     records and models are live while they are built, so young collections copy them), the
//     tokenizer 15%, the generic field checks ~10% (keyed loads and stores by field name).
//     Tried and dropped: scanning short unquoted values by hand instead of indexOf (slower).
//   earlier (records only, vs the naive loop): fields built one character at a time made GC 37-49%;
//     slicing whole runs between indexOf hits and a native split for quote-free lines brought
//     parseMultilineResponse to 0.75-1.1x the naive loop.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PpmsBooking, PpmsSystem, PpmsUser, parseMultilineResponse } from "../dist/index.js";

const ROWS = 10_000;
const ROUNDS = 21;
const WARMUP = 5;
const TARGET_VS_PYTHON = 3;
const TARGET_VS_NAIVE = 1.5;

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

const DAY = new Date(2030, 2, 14);
const CASES = [
  {
    name: "getuser",
    body: crlf([USER_HEADER, ...rows(userLine)]),
    models: (body) => parseMultilineResponse(body).map((record) => PpmsUser.fromRecord(record)),
    check: (m) => m[1].affiliation === "Lab 1, Dept. 1" && m[0].active === true && m[1].fullname === "Last1 First1",
  },
  {
    name: "runningsheet",
    body: crlf(["Location, Start time, End time, Object, User, Training, Assisted", ...rows(sheetLine)]),
    // As getRunningSheet does before it resolves names: the entry's User stands in for the login.
    models: (body) => parseMultilineResponse(body).map((entry) => PpmsBooking.fromRunningsheet(entry, 0, entry.User, DAY)),
    check: (m) => m[1].starttime.getHours() === 1 && m[1].endtime.getMinutes() === 45 && m[1].username === "Last1 First1",
  },
  {
    name: "getsystems",
    body: crlf([SYSTEMS_HEADER, ...rows(systemLine)]),
    models: (body) => parseMultilineResponse(body).map((record) => PpmsSystem.fromParsedResponse(record)),
    check: (m) => m[0].name === "Confocal, upright 0" && m[0].stats === false && m[1].systemId === 32,
  },
];

// The Python side: one process, one timed pass per request line "<case>", answering "<seconds> <rows> <check>".
const PYTHON = String.raw`
import csv, io, sys, time
from datetime import datetime, timedelta

def values(row):
    out = []
    for v in row:
        low = v.lower()
        out.append(True if low == "true" else False if low == "false" else v)
    return out

class User:
    def __init__(self, d):
        self.username = d["login"]
        self.email = d["email"]
        self.fullname = d["login"] if d["lname"] == "" and d["fname"] == "" else d["lname"] + " " + d["fname"]
        self.ppms_group = d["unitlogin"]
        self.active = d["active"]
        self.phone = d["phone"]
        self.billing_code = d["bcode"]
        self.affiliation = d["affiliation"]

class System:
    def __init__(self, d):
        self.system_id = int(d["System id"])
        self.core_facility_ref = int(d["Core facility ref"])
        self.name = d["Name"]
        self.localisation = d["Localisation"]
        self.system_type = d["Type"]
        self.active = d["Active"]
        self.schedules = d["Schedules"]
        self.stats = d["Stats"]
        self.bookable = d["Bookable"]
        self.autonomy_required = d["Autonomy Required"]
        self.autonomy_required_after_hours = d["Autonomy Required After Hours"]

DAY = datetime(2030, 3, 14)
class Booking:
    def __init__(self, d):
        sh, sm = d["Start time"].split(":")
        eh, em = d["End time"].split(":")
        self.starttime = DAY.replace(hour=int(sh), minute=int(sm))
        self.endtime = DAY.replace(hour=int(eh), minute=int(em))
        if (eh == "00" and em == "00") or self.endtime < self.starttime:
            self.endtime += timedelta(days=1)
        self.username = d["User"]
        self.system_id = 0
        self.session = ""

MODELS = {"getuser": User, "runningsheet": Booking, "getsystems": System}
CHECKS = {
    "getuser": lambda m: m[1].affiliation == "Lab 1, Dept. 1" and m[0].active is True,
    "runningsheet": lambda m: m[1].starttime.hour == 1 and m[1].endtime.minute == 45,
    "getsystems": lambda m: m[0].name == "Confocal, upright 0" and m[0].stats is False,
}

def parse(text, model):
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader)]
    return [model(dict(zip(header, values(row)))) for row in reader if row]

texts = {name: open(sys.argv[1] + "/" + name + ".csv", encoding="utf-8", newline="").read() for name in MODELS}
for line in sys.stdin:
    name = line.strip()
    start = time.perf_counter()
    out = parse(texts[name], MODELS[name])
    seconds = time.perf_counter() - start
    print(seconds, len(out), int(CHECKS[name](out)), flush=True)
`;

/** Starts the Python side, or returns undefined (and says why) when python3 is not there. */
function startPython(dir) {
  const probe = spawnSync("python3", ["-c", "import csv, sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    process.stderr.write(`parse bench: python3 not found or not working (${probe.error?.message ?? probe.stderr.trim()}); the Python column is skipped\n`);
    return undefined;
  }
  writeFileSync(join(dir, "python_csv.py"), PYTHON);
  for (const { name, body } of CASES) writeFileSync(join(dir, `${name}.csv`), body);
  const child = spawn("python3", [join(dir, "python_csv.py"), dir], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    version: probe.stdout.trim(),
    /** One timed pass of Python over the case's body, in ms. */
    async time(name) {
      child.stdin.write(`${name}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error("python3 exited early");
      const [seconds, count, ok] = value.split(" ");
      if (Number(count) !== ROWS || ok !== "1") throw new Error(`${name}: Python parsed ${count} rows, check ${ok}`);
      return Number(seconds) * 1000;
    },
    close() {
      child.stdin.end();
    },
  };
}

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

let sink = 0;
function time(fn, body) {
  const start = performance.now();
  const out = fn(body);
  const ms = performance.now() - start;
  sink += out.length;
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const perSecond = (ms) => ROWS / (ms / 1000);
const thousands = (n) => Math.round(n).toLocaleString("en-US");

const dir = mkdtempSync(join(tmpdir(), "pyppms-ts-parse-bench-"));
const python = startPython(dir);
const table = [];
try {
  for (const { name, body, models, check } of CASES) {
    const parsed = models(body);
    if (parsed.length !== ROWS || !check(parsed)) throw new Error(`${name}: the model path gave a wrong answer`);
    for (let w = 0; w < WARMUP; w++) {
      time(models, body);
      time(parseMultilineResponse, body);
      time(naive, body);
    }
    if (python !== undefined) for (let w = 0; w < 2; w++) await python.time(name);
    const ms = { models: [], records: [], naive: [], python: [] };
    const vsPython = [];
    const vsNaive = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate the order, so neither side always pays for the other's garbage or a load spike.
      const steps = [
        ["models", () => time(models, body)],
        ["records", () => time(parseMultilineResponse, body)],
        ["naive", () => time(naive, body)],
      ];
      if (python !== undefined) steps.push(["python", () => python.time(name)]);
      if (r % 2 === 1) steps.reverse();
      const round = {};
      for (const [key, run] of steps) round[key] = await run();
      for (const key of Object.keys(round)) ms[key].push(round[key]);
      vsNaive.push(round.records / round.naive);
      if (python !== undefined) vsPython.push(round.python / round.models);
    }
    const ours = perSecond(median(ms.models));
    const floor = perSecond(median(ms.naive));
    const records = perSecond(median(ms.records));
    print(`parse-${name}-${ROWS}-rows-models`, ours, "rows/s", `pyppms-ts: parseMultilineResponse + model per row, median of ${ROUNDS} rounds`);
    print(`parse-${name}-${ROWS}-rows-naive`, floor, "rows/s", "naive split(\",\") loop, records only (wrong on quoted commas)");
    print(
      `parse-vs-naive-${name}-${ROWS}-rows`,
      median(vsNaive),
      "x",
      `parseMultilineResponse (records) / naive time, median of ${ROUNDS} rounds; ${thousands(records)} rows/s vs ${thousands(floor)} rows/s`,
      `<= ${TARGET_VS_NAIVE}`,
    );
    const row = { case: name, "pyppms-ts rows/s": thousands(ours), "python csv rows/s": "skipped", "naive rows/s": thousands(floor), "ts / python": "", "": "" };
    if (python !== undefined) {
      const py = perSecond(median(ms.python));
      const ratio = median(vsPython);
      print(`parse-${name}-${ROWS}-rows-python-csv`, py, "rows/s", `python ${python.version} csv.reader + dict + model per row, median of ${ROUNDS} rounds`);
      print(
        `parse-vs-python-csv-${name}-${ROWS}-rows`,
        ratio,
        "x",
        `pyppms-ts models vs Python csv, same run, median of per-round ratios; ${thousands(ours)} vs ${thousands(py)} rows/s`,
        `>= ${TARGET_VS_PYTHON}`,
      );
      Object.assign(row, { "python csv rows/s": thousands(py), "ts / python": `${ratio.toFixed(2)}x (>= ${TARGET_VS_PYTHON})`, "": ratio >= TARGET_VS_PYTHON ? "✓" : "✗" });
    } else {
      print(`parse-vs-python-csv-${name}-${ROWS}-rows`, "skipped", "", "python3 not found: no Python column");
    }
    table.push(row);
  }
} finally {
  python?.close();
  rmSync(dir, { recursive: true, force: true });
}
if (sink === 0) throw new Error("nothing parsed");
process.stderr.write("parse bench (10,000 rows per case):\n");
for (const row of table) process.stderr.write(`  ${Object.entries(row).map(([k, v]) => (k === "" ? v : `${k}: ${v}`)).join("  ")}\n`);
