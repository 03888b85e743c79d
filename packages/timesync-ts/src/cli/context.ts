// What every command shares: the global options, the output format and one logged-in TimeSync
// client, made on first use (so `--help` never needs credentials) and closed at the end.
import { defaultConfigPath, readConfigFile, warnSecretFlag, type OutputFormat } from "@facility-sdk/cli-kit";
import { Console } from "node:console";
import { FacilitySdkError, InvalidArgumentError, TimeSync, type TimeSyncOptions } from "../index.js";

/** The options every `timesync` command takes. */
export interface GlobalOptions {
  url?: string;
  user?: string;
  password?: string;
  config?: string;
  cache?: string;
  offline?: boolean;
  json?: boolean;
  csv?: boolean;
}

/** Stands in for a server nobody talks to (replay keys on method, path and query). */
const OFFLINE_URL = "http://offline.invalid/v0";

/** The shared state of one run of `timesync`. */
export class CliContext {
  private opened: Promise<TimeSync> | undefined;

  /** @param options - reads the parsed global options (known once commander has parsed them) */
  constructor(private readonly options: () => GlobalOptions) {}

  /** `--json`, `--csv` or the table; both flags together are a usage error. */
  get format(): OutputFormat {
    const { json, csv } = this.options();
    if (json && csv) throw new InvalidArgumentError("--json/--csv", "choose one output format");
    return json ? "json" : csv ? "csv" : "table";
  }

  /** The client, logged in on first use from flags, the environment and the config file. */
  client(): Promise<TimeSync> {
    this.opened ??= this.open();
    return this.opened;
  }

  /** Closes the client if one was made. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }

  private async open(): Promise<TimeSync> {
    const opts = this.options();
    // An empty variable counts as unset.
    const env = (name: string) => process.env[name] || undefined;
    if (opts.password !== undefined) warnSecretFlag("--password", "TIMESYNC_PASSWORD");
    const configPath = opts.config ?? defaultConfigPath("timesync");
    let file: Record<string, string> | undefined;
    const fromFile = (key: string) => (file ??= readConfigFile(configPath, opts.config !== undefined))[key] || undefined;
    // SDK warnings go to stderr, so stdout stays the command's output.
    const logger = new Console({ stdout: process.stderr, stderr: process.stderr });
    const token = env("TIMESYNC_TOKEN") ?? fromFile("token");
    const baseUrl = opts.url ?? env("TIMESYNC_URL") ?? fromFile("url");
    if (opts.offline) {
      if (!opts.cache) throw new InvalidArgumentError("--offline", "needs --cache DIR, the recordings to replay");
      if (!token) throw new FacilitySdkError("--offline needs a token in TIMESYNC_TOKEN (a login is never replayed)");
      return new TimeSync({ baseUrl: baseUrl ?? OFFLINE_URL, token, cache: { dir: opts.cache, mode: "replay" }, logger });
    }
    if (!baseUrl) throw new FacilitySdkError(`no TimeSync URL: set TIMESYNC_URL, "url" in ${configPath}, or --url`);
    const options: TimeSyncOptions = { baseUrl, logger, ...(opts.cache ? { cache: { dir: opts.cache, mode: "record-missing" as const } } : {}) };
    if (token && opts.user === undefined) return new TimeSync({ ...options, token });
    const username = opts.user ?? env("TIMESYNC_USER") ?? fromFile("username");
    const password = opts.password ?? env("TIMESYNC_PASSWORD") ?? fromFile("password");
    if (!username || !password) {
      throw new FacilitySdkError(`no credentials: set TIMESYNC_USER and TIMESYNC_PASSWORD (or TIMESYNC_TOKEN), or "username"/"password" in ${configPath} (mode 0600)`);
    }
    const authType = env("TIMESYNC_AUTH_TYPE") ?? fromFile("authType");
    if (authType !== undefined && authType !== "password" && authType !== "ldap") throw new InvalidArgumentError("TIMESYNC_AUTH_TYPE", `must be password or ldap, got "${authType}"`);
    const client = new TimeSync(options);
    try {
      await client.authenticate({ username, password, ...(authType ? { authType } : {}) });
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }
}
