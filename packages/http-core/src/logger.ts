import { InvalidArgumentError } from "./errors.js";

/** Anything with these four methods: `console`, a pino logger, your own. */
export interface Logger {
  /** Verbose diagnostics. */
  debug(...args: unknown[]): void;
  /** Normal events. */
  info(...args: unknown[]): void;
  /** Something odd that was handled. */
  warn(...args: unknown[]): void;
  /** A failure. */
  error(...args: unknown[]): void;
}

/** Log levels, most verbose first; `silent` turns logging off. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** The environment variable that switches logging on when no level is given. */
export const LOG_LEVEL_ENV = "FACILITY_SDK_LOG";

/**
 * A logger filtered by level. Callers pass a function that builds the message, so nothing is
 * formatted when the level is off.
 *
 * @example
 * ```ts
 * const log = new LevelLogger(console, "warn");
 * log.log("debug", () => ["never built", { expensive: JSON.stringify(process.env) }]); // the function is not even called
 * ```
 */
export class LevelLogger {
  /** The active level. */
  readonly level: LogLevel;
  private readonly target: Logger | undefined;
  private readonly threshold: number;

  /** Wraps `target` at `level`. */
  constructor(target: Logger | undefined, level: LogLevel) {
    this.target = target;
    this.level = target ? level : "silent";
    this.threshold = ORDER[this.level];
  }

  /**
   * Whether messages at `level` are written.
   *
   * @example
   * ```ts
   * if (client.log.enabled("debug")) console.time("request");
   * ```
   */
  enabled(level: Exclude<LogLevel, "silent">): boolean {
    return ORDER[level] >= this.threshold;
  }

  /**
   * Writes `build()`'s message and fields at `level`, building them only when enabled.
   *
   * @example
   * ```ts
   * client.log.log("info", () => ["synced", { users: logins.length }]);
   * ```
   */
  log(level: Exclude<LogLevel, "silent">, build: () => [string, Record<string, unknown>?]): void {
    if (ORDER[level] < this.threshold || this.target === undefined) return;
    const [message, fields] = build();
    if (fields === undefined) this.target[level](message);
    else this.target[level](message, fields);
  }
}

const LEVELS = Object.keys(ORDER) as LogLevel[];

function checkLevel(value: string, field: string): LogLevel {
  if ((LEVELS as string[]).includes(value)) return value as LogLevel;
  throw new InvalidArgumentError(field, `unknown log level ${JSON.stringify(value)}`, { hint: `use one of ${LEVELS.join(", ")}` });
}

/**
 * Builds the {@link LevelLogger} an SDK uses. One rule for both SDKs: the level comes from the
 * option, else from `FACILITY_SDK_LOG`, else it is `warn` when a logger is given and off when not.
 * A level without a logger logs to `console`. An unknown level (option or environment) throws an
 * {@link InvalidArgumentError} listing the valid ones.
 *
 * @example
 * ```ts
 * const log = createLogger(console, "info");
 * log.log("info", () => ["request", { method: "GET" }]);
 * ```
 */
export function createLogger(logger?: Logger, level?: LogLevel): LevelLogger {
  const env = process.env[LOG_LEVEL_ENV];
  const chosen = level !== undefined ? checkLevel(level, "logLevel") : env ? checkLevel(env, LOG_LEVEL_ENV) : undefined;
  if (chosen === undefined) return new LevelLogger(logger, logger ? "warn" : "silent");
  return new LevelLogger(logger ?? console, chosen);
}
