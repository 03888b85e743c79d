// The state one run of a command-line tool shares between its commands: the parsed global options,
// the output format, and the SDK handle (a connection or client), opened on first use so that
// `--help` and commands that need no server never ask for credentials, and closed at the end.
import { Console } from "node:console";
import { InvalidArgumentError } from "@facility-sdk/http-core";
import type { OutputFormat } from "./output.js";

/** The global options every tool takes besides its credentials. */
export interface CommonOptions {
  config?: string;
  cache?: string;
  offline?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** The cache an SDK gets from `--cache DIR` (record what is missing) or `--offline --cache DIR` (replay only). */
export interface CliCache {
  dir: string;
  mode: "record-missing" | "replay";
}

/** One run's shared state; each tool extends it with how its SDK handle is opened. */
export abstract class CliSession<Handle extends { close(): Promise<void> }, Options extends CommonOptions> {
  private opened: Promise<Handle> | undefined;
  /** The SDK's warnings go to stderr, so stdout stays the command's output. */
  protected readonly logger = new Console({ stdout: process.stderr, stderr: process.stderr });

  /** @param options - reads the parsed global options (known once commander has parsed them) */
  constructor(protected readonly options: () => Options) {}

  /** `--json`, `--csv` or the table; both flags together are a usage error. */
  get format(): OutputFormat {
    const { json, csv } = this.options();
    if (json && csv) throw new InvalidArgumentError("--json/--csv", "choose one output format");
    return json ? "json" : csv ? "csv" : "table";
  }

  /** Closes the handle if one was opened (a handle that failed to open has nothing to close). */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }

  /** The handle, opened on first use. */
  protected handle(): Promise<Handle> {
    this.opened ??= this.open();
    return this.opened;
  }

  /** Opens the SDK handle from flags, the environment and the config file. */
  protected abstract open(): Promise<Handle>;

  /** The cache `--cache`/`--offline` ask for, if any; `--offline` without `--cache` is a usage error. */
  protected cache(): CliCache | undefined {
    const { cache, offline } = this.options();
    if (offline && !cache) throw new InvalidArgumentError("--offline", "needs --cache DIR, the recordings to replay");
    return cache ? { dir: cache, mode: offline ? "replay" : "record-missing" } : undefined;
  }
}
