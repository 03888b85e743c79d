import { BodyDecodeFailure, decodeBody } from "../transport/decode.js";

/*
 * What one recording file holds. An answer with status 200 is its body, byte for byte, as pyppms
 * writes it. Any other status (a recorded fault, a 201) is written into the same file, on a first
 * line of its own, so that status and body are one file, renamed into place at once, and read with
 * one read: `#facility-sdk status=500\n` then the body. A 200 body that happens to start with that
 * marker is written with the line too, so every file reads back as it was written.
 */

const MARKER = "#facility-sdk status=";
const FIRST = MARKER.charCodeAt(0);

/** A recording cannot be decoded: its body is not valid UTF-8, or its status line is unreadable. */
export class EntryStoreError extends Error {}

/** The text of a recording file for an answer. `header` forces the status line even for a 200. */
export function encodeEntry(status: number, body: string, header = false): string {
  return header || status !== 200 || body.startsWith(MARKER) ? `${MARKER}${status}\n${body}` : body;
}

const startsWithMarker = (text: string): boolean => text.charCodeAt(0) === FIRST && text.startsWith(MARKER);

/**
 * Status, body and file of a recording file's bytes, decoded strictly as UTF-8. `legacyStatus`
 * (pyppms' side file) applies only to a file without a status line: a file's own line wins.
 */
export function decodeEntry(bytes: Buffer, file: string, legacyStatus?: string): { status: number; body: string; file: string } {
  const text = decodeText(bytes, file);
  if (legacyStatus === undefined || startsWithMarker(text)) return decodeEntryText(text, file);
  return { status: parseLegacyStatus(legacyStatus), body: text, file };
}

/** Status, body and file of a recording read as (valid) text. */
export function decodeEntryText(text: string, file: string): { status: number; body: string; file: string } {
  if (!startsWithMarker(text)) return { status: 200, body: text, file };
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
