import { isUtf8 } from "node:buffer";

/** Why a body could not be turned into text. */
export class BodyDecodeFailure extends Error {}

const LATIN1 = new Set(["iso-8859-1", "latin1", "l1", "iso_8859-1", "cp819"]);
const UTF8 = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);

/** The `charset` of a `content-type` header, lower case; undefined when it names none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
}

/**
 * Decodes a body per its charset (UTF-8 when none is named). Bytes that are not valid in that
 * charset throw a {@link BodyDecodeFailure}, never a silent U+FFFD, unless `fallback` is `latin1`,
 * which every byte sequence is valid in.
 */
export function decodeBody(bytes: Buffer, charset: string | undefined, fallback?: "latin1"): string {
  const name = charset ?? "utf-8";
  if (UTF8.has(name)) {
    if (isUtf8(bytes)) return bytes.toString("utf8");
    if (fallback === "latin1") return bytes.toString("latin1");
    throw new BodyDecodeFailure(`the answer is not valid UTF-8 (first bad character at ${firstInvalidUtf8(bytes)})`);
  }
  if (LATIN1.has(name)) return bytes.toString("latin1");
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch {
    throw new BodyDecodeFailure(`the answer's charset "${name}" is unknown`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    if (fallback === "latin1") return bytes.toString("latin1");
    throw new BodyDecodeFailure(`the answer is not valid ${name}`);
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Only runs on a failure: where the lenient decoder had to put its first replacement character.
  return bytes.toString("utf8").indexOf("\ufffd");
}
