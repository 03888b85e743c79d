import { TimeSyncValidationError } from "../errors.js";
import { snakeToCamel } from "../wire/names.js";

// The reference server's JSON body parser stops at 100 kB (102,400 bytes); a larger body is dropped and
// the request answered `401 Missing credentials`, which tells the caller nothing. Refuse it here.

/** The largest POST body, in bytes, the reference server reads. */
export const MAX_BODY_BYTES = 100 * 1024;

const OBJECT_NAMES: Readonly<Record<string, string>> = { "/times": "time", "/projects": "project", "/activities": "activity", "/users": "user" };

/** `time` for `/times/:uuid`, …: how fields of the sent object are named in errors. */
function objectName(route: string): string {
  const collection = /^\/[a-z]+/.exec(route)?.[0] ?? "";
  return OBJECT_NAMES[collection] ?? "object";
}

/**
 * Throws a {@link TimeSyncValidationError} when `body` (the whole POST body) would exceed
 * {@link MAX_BODY_BYTES} as JSON, naming the largest field of `object`.
 */
export function checkBodySize(body: unknown, object: Record<string, unknown>, route: string, operation: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(body), "utf8");
  if (bytes <= MAX_BODY_BYTES) return;
  let largest = "";
  let largestBytes = -1;
  for (const [key, value] of Object.entries(object)) {
    const size = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
    if (size > largestBytes) [largest, largestBytes] = [key, size];
  }
  const name = objectName(route);
  largest = snakeToCamel(largest);
  throw new TimeSyncValidationError(
    largest === "" ? name : `${name}.${largest}`,
    `the request would be ${bytes} bytes, over the server's limit of ${MAX_BODY_BYTES} (100 kB); the reference server drops a larger body and answers "401 Missing credentials"`,
    { hint: largest === "" ? undefined : `${largest} alone is ${largestBytes} bytes: shorten it`, operation },
  );
}
