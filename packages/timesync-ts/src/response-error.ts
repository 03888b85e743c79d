import { ResponseParseError } from "@facility-sdk/http-core";

/**
 * A successful (2xx) TimeSync answer that is not what the API documents: not JSON, or JSON of the
 * wrong shape (`issues` lists the schema problems). Extends http-core's `ResponseParseError`.
 */
export class TimeSyncResponseError extends ResponseParseError {
  override name = "TimeSyncResponseError";
}
