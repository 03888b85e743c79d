// Child process of the kill -9 test: records answers that carry a live token, as fast as it can,
// until it is killed. Usage: node record-forever.mjs <dir> <baseUrl>
import { HttpClient, RecordReplayCache, Redactor, restKey } from "../../dist/index.js";

const [dir, baseUrl] = process.argv.slice(2);
const redactor = new Redactor({ jsonKeys: ["token"] });
const cache = new RecordReplayCache({ dir, mode: "record-all", redactor, key: restKey({ secretQuery: [] }) });
const client = new HttpClient({ baseUrl, redactor, cache, retry: { limit: 0 } });
for (let i = 0; ; i++) {
  await client.request({ method: "GET", url: "session", query: { n: i % 50 } });
  // Ready once recording runs at full speed, so the kill lands anywhere inside a write.
  if (i === 0) process.send?.("ready");
}
