import type { LevelLogger, Logger } from "@facility-sdk/http-core";

/**
 * Adapts http-core's `LevelLogger` (which logs through `log(level, build)`) to the plain
 * `Logger` shape the parsing helpers take, so messages below the level are dropped.
 */
export function levelLog(target: LevelLogger): Logger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]): void => {
      target.log(level, () => [args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")]);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
