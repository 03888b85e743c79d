import { NoDataError } from "../errors/answer.js";
import type { PumapiParams } from "../types.js";
import { looksLikeJson, parseJsonRecord, parseJsonRecords } from "../wire/json-records.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { dictFromSingleResponse } from "../wire/single-response.js";
import type { PumapiAnswer } from "./answer.js";
import type { ConnectionState } from "./state.js";

/*
 * The connection's answer format (`format: "csv" | "json"`) for the reads that support
 * `format=json` (getuser, getgroup, getsystems, getprojects, ...): the param to send, and the
 * records of an answer, whichever format it came in. A server that ignores `format=json` and
 * answers CSV is still read (the body is looked at, not only what was asked).
 */

/** `{ format: "json" }` when the connection asks for JSON, else nothing (CSV is PUMAPI's default). */
export function formatParam(state: ConnectionState): PumapiParams {
  return state.format === "json" ? { format: "json" } : {};
}

/** The records of a multi-record answer (CSV with a header line, or a JSON array). */
export function recordsOf(answer: PumapiAnswer, state: ConnectionState): ResponseRecord[] {
  if (state.format === "json" && looksLikeJson(answer.text)) return parseJsonRecords(answer.text);
  return parseMultilineResponse(answer.text, state.parseOptions);
}

/** The record of a one-record answer (CSV header + one line, or one JSON object). */
export function recordOf(answer: PumapiAnswer, state: ConnectionState): ResponseRecord {
  if (state.format === "json" && looksLikeJson(answer.text)) return parseJsonRecord(answer.text, state.parseOptions);
  return dictFromSingleResponse(answer.text, state.parseOptions);
}

/**
 * The records of an answer whose format is not published (PUMAPI actions that no public source
 * shows an answer of): a JSON array or object when the body looks like JSON, else CSV with a
 * header line (a header alone is no records). Values are kept as sent; nothing is assumed about
 * the columns.
 */
export function tolerantRecords(answer: PumapiAnswer, state: ConnectionState): ResponseRecord[] {
  if (looksLikeJson(answer.text)) return parseJsonRecords(answer.text);
  try {
    return parseMultilineResponse(answer.text, state.parseOptions);
  } catch (error) {
    if (error instanceof NoDataError) return [];
    throw error;
  }
}
