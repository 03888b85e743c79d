// What every `ppms` command shares: the global options, the output format and one PUMAPI connection,
// opened on first use (so `diff` and `--help` never need credentials) and closed at the end.
import { CliSession, defaultConfigPath, readConfigFile, warnSecretFlag, type CommonOptions } from "@facility-sdk/cli-kit";
import { FacilitySdkError, PpmsConnection, type PpmsConnectionOptions } from "../index.js";

/** The options every `ppms` command takes. */
export interface GlobalOptions extends CommonOptions {
  url?: string;
  apiKey?: string;
}

/** Where the URL stands in for a server nobody talks to (offline replay keys on the form only). */
const OFFLINE_URL = "http://offline.invalid/pumapi/";

/** The shared state of one run of `ppms`. */
export class CliContext extends CliSession<PpmsConnection, GlobalOptions> {
  /** The connection, opened on first use from flags, the environment and the config file. */
  connection(): Promise<PpmsConnection> {
    return this.handle();
  }

  protected async open(): Promise<PpmsConnection> {
    return PpmsConnection.connect(this.connectOptions());
  }

  private connectOptions(): PpmsConnectionOptions {
    const opts = this.options();
    // An empty variable counts as unset (a cleared `PPMS_API_KEY=` in a job's environment).
    const env = { url: process.env.PUMAPI_URL || undefined, apiKey: process.env.PPMS_API_KEY || undefined };
    if (opts.apiKey !== undefined) warnSecretFlag("--api-key", "PPMS_API_KEY");
    const cache = this.cache();
    if (cache?.mode === "replay") return { baseUrl: opts.url ?? env.url ?? OFFLINE_URL, cache, logger: this.logger };
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
    return { baseUrl, apiKey, logger: this.logger, ...(cache ? { cache } : {}) };
  }
}
