import { BodyDecodeFailure, decodeBody } from "../transport/decode.js";

/*
 * What one recording file holds. An answer with status 200 is its body, byte for byte, as pyppms
 * writes it. Any other status (a recorded fault, a 201) is written into the same file, on a first
 * line of its own, so that status and body are one file, renamed into place at once, and read with
 * one read: `#facility-sdk status=500\n` then the body. A 200 body that happens to start with that
 * marker is written with the line too, so every file reads back as it was written.
 */

const MARKER = "#facility-sdk status=";
const MARKER_BYTES = Buffer.from(MARKER, "latin1");
const FIRST = MARKER.charCodeAt(0);

/** A stored body is not valid UTF-8, or a lock could not be taken. */
export class EntryStoreError extends Error {}

/** The text of a recording file for an answer. `header` forces the status line even for a 200. */
export function encodeEntry(status: number, body: string, header = false): string {
  return header || status !== 200 || body.startsWith(MARKER) ? `${MARKER}${status}\n${body}` : body;
}

/** Whether a file's bytes begin with the status line. */
export function hasStatusLine(bytes: Buffer): boolean {
  return bytes.length > MARKER_BYTES.length && bytes[0] === FIRST && bytes.subarray(0, MARKER_BYTES.length).equals(MARKER_BYTES);
}

/** Status and body of a recording file; `legacyStatus` (pyppms' side file) applies only to a file without a status line. */
export function decodeEntry(bytes: Buffer, file: string, legacyStatus?: string): { status: number; body: string } {
  if (hasStatusLine(bytes)) {
    const end = bytes.indexOf(10, MARKER_BYTES.length);
    const status = Number.parseInt(bytes.toString("latin1", MARKER_BYTES.length, end === -1 ? bytes.length : end), 10);
    if (end === -1 || !Number.isInteger(status) || status < 100 || status > 599) throw new EntryStoreError(`recording ${file}: its status line is unreadable`);
    return { status, body: decodeText(bytes.subarray(end + 1), file) };
  }
  return { status: parseLegacyStatus(legacyStatus), body: decodeText(bytes, file) };
}

/** Status, body and file of a recording read as (valid) text. */
export function decodeEntryText(text: string, file: string): { status: number; body: string; file: string } {
  if (text.charCodeAt(0) !== FIRST || !text.startsWith(MARKER)) return { status: 200, body: text, file };
  const end = text.indexOf("\n", MARKER.length);
  const status = Number.parseInt(text.slice(MARKER.length, end === -1 ? text.length : end), 10);
  if (end === -1 || !Number.isInteger(status) || status < 100 || status > 599) throw new EntryStoreError(`recording ${file}: its status line is unreadable`);
  return { status, body: text.slice(end + 1), file };
}

/** pyppms' `<name>_status-code.txt`: the status as text, 200 when absent or unreadable. */
const parseLegacyStatus = (text: string | undefined): number => (text === undefined ? 200 : Number.parseInt(text.trim(), 10) || 200);

function decodeText(bytes: Buffer, file: string): string {
  try {
    return decodeBody(bytes, "utf-8");
  } catch (error) {
    if (error instanceof BodyDecodeFailure) throw new EntryStoreError(`recording ${file}: ${error.message}`);
    throw error;
  }
}
