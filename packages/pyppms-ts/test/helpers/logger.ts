import type { Logger } from "@facility-sdk/http-core";

/** One captured log call. */
export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  text: string;
}

/** A logger that records every call, for asserting on warnings and on the absence of secrets. */
export function captureLogger(): { logger: Logger; lines: LogLine[]; text: () => string } {
  const lines: LogLine[] = [];
  const make =
    (level: LogLine["level"]) =>
    (...args: unknown[]): void => {
      lines.push({ level, text: args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ") });
    };
  return {
    logger: { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") },
    lines,
    text: () => lines.map((l) => `${l.level}: ${l.text}`).join("\n"),
  };
}
