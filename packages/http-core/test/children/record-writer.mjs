// Child process of the race test: records one key over and over with one status and body.
// Usage: node record-writer.mjs <dir> <status> <letter> <rounds>
import { RecordReplayCache, formFieldKey } from "../../dist/index.js";

const [dir, status, letter, rounds] = process.argv.slice(2);
const cache = new RecordReplayCache({ dir, mode: "record-all", recordFaults: true, key: formFieldKey({ folderField: "action", secretFields: [] }) });
const body = `${letter}`.repeat(64 * 1024);
for (let i = 0; i < Number(rounds); i++) {
  if (!cache.record({ folder: "race", name: "response" }, Number(status), body)) process.exit(2);
}
