// Child process of the race test: reads the raced key until told to stop, counting pairs whose body
// and status do not belong together. Prints one JSON line.
import { RecordReplayCache, formFieldKey } from "../../dist/index.js";

const [dir, ms] = process.argv.slice(2);
const cache = new RecordReplayCache({ dir, mode: "replay", key: formFieldKey({ folderField: "action", secretFields: [] }) });
const until = Date.now() + Number(ms);
let reads = 0;
let mismatches = 0;
while (Date.now() < until) {
  const hit = cache.read({ folder: "race", name: "response" });
  if (hit === undefined) continue;
  reads++;
  const expected = hit.body.startsWith("A") ? 200 : 500;
  if (hit.status !== expected || hit.body.length !== 64 * 1024) mismatches++;
}
console.log(JSON.stringify({ reads, mismatches }));
