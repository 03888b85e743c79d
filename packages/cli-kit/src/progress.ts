// A one-line progress bar on stderr for bulk work, drawn only when stderr is a terminal, so pipes
// and logs of scheduled jobs stay clean.

/** Reports `done` of `total`; `finish()` clears the line. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

/** A bar on stderr when it is a terminal, else a progress that prints nothing. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let drawn = false;
  return {
    update(done, total) {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
