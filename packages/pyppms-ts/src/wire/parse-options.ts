import type { Logger } from "@facility-sdk/http-core";

/** Options of the CSV parsing helpers ({@link parseMultilineResponse}, {@link dictFromSingleResponse}). */
export interface ParseResponseOptions {
  /**
   * Graceful mode (the default, as in pyppms) tolerates a data line with more or fewer fields
   * than the header (the extra header or data fields are dropped, and a warning is logged) and
   * an unterminated quote. Strict mode throws a {@link ResponseFormatError} instead.
   */
  graceful?: boolean;
  /** Where the tolerance warnings go (default: nowhere). */
  logger?: Logger;
}
