// What every command shares: the global options, the output format and one PUMAPI connection,
// opened on first use (so `diff` and `--help` never need credentials) and closed at the end.
import { defaultConfigPath, readConfigFile, warnSecretFlag, type OutputFormat } from "@facility-sdk/cli-kit";
import { Console } from "node:console";
import { FacilitySdkError, InvalidArgumentError, PpmsConnection, type PpmsConnectionOptions } from "../index.js";

/** The options every `ppms` command takes. */
export interface GlobalOptions {
  url?: string;
  apiKey?: string;
  config?: string;
  cache?: string;
  offline?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** Where the URL stands in for a server nobody talks to (offline replay keys on the form only). */
const OFFLINE_URL = "http://offline.invalid/pumapi/";

/** The shared state of one run of `ppms`. */
export class CliContext {
  private opened: Promise<PpmsConnection> | undefined;

  /** @param options - reads the parsed global options (known once commander has parsed them) */
  constructor(private readonly options: () => GlobalOptions) {}

  /** `--json`, `--csv` or the table; both flags together are a usage error. */
  get format(): OutputFormat {
    const { json, csv } = this.options();
    if (json && csv) throw new InvalidArgumentError("--json/--csv", "choose one output format");
    return json ? "json" : csv ? "csv" : "table";
  }

  /** The connection, opened on first use from flags, the environment and the config file. */
  connection(): Promise<PpmsConnection> {
    this.opened ??= PpmsConnection.connect(this.connectOptions());
    return this.opened;
  }

  /** Closes the connection if one was opened. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }

  private connectOptions(): PpmsConnectionOptions {
    const opts = this.options();
    // An empty variable counts as unset (a cleared `PPMS_API_KEY=` in a job's environment).
    const env = { url: process.env.PUMAPI_URL || undefined, apiKey: process.env.PPMS_API_KEY || undefined };
    if (opts.apiKey !== undefined) warnSecretFlag("--api-key", "PPMS_API_KEY");
    // SDK warnings go to stderr, so stdout stays the command's output.
    const logger = new Console({ stdout: process.stderr, stderr: process.stderr });
    if (opts.offline) {
      if (!opts.cache) throw new InvalidArgumentError("--offline", "needs --cache DIR, the recordings to replay");
      return { baseUrl: opts.url ?? env.url ?? OFFLINE_URL, cache: { dir: opts.cache, mode: "replay" }, logger };
    }
    let baseUrl = opts.url ?? env.url;
    let apiKey = opts.apiKey ?? env.apiKey;
    const configPath = opts.config ?? defaultConfigPath("ppms");
    if (!baseUrl || !apiKey || opts.config !== undefined) {
      const file = readConfigFile(configPath, opts.config !== undefined);
      baseUrl ??= file.url || undefined;
      apiKey ??= file.apiKey || undefined;
    }
    if (!baseUrl) throw new FacilitySdkError(`no PUMAPI URL: set PUMAPI_URL, "url" in ${configPath}, or --url`);
    if (!apiKey) throw new FacilitySdkError(`no API key: set PPMS_API_KEY or "apiKey" in ${configPath} (mode 0600)`);
    return { baseUrl, apiKey, logger, ...(opts.cache ? { cache: { dir: opts.cache, mode: "record-missing" as const } } : {}) };
  }
}
