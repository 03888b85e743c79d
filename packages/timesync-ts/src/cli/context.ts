// What every command shares: the global options, the output format and one logged-in TimeSync
// client, made on first use (so `--help` never needs credentials) and closed at the end.
import { CliSession, defaultConfigPath, readConfigFile, warnSecretFlag, type CommonOptions } from "@facility-sdk/cli-kit";
import { FacilitySdkError, InvalidArgumentError, TimeSync, type TimeSyncOptions } from "../index.js";

/** The options every `timesync` command takes. */
export interface GlobalOptions extends CommonOptions {
  url?: string;
  user?: string;
  password?: string;
}

/** Stands in for a server nobody talks to (replay keys on method, path and query). */
const OFFLINE_URL = "http://offline.invalid/v0";

/** The shared state of one run of `timesync`. */
export class CliContext extends CliSession<TimeSync, GlobalOptions> {
  /** The client, logged in on first use from flags, the environment and the config file. */
  client(): Promise<TimeSync> {
    return this.handle();
  }

  protected async open(): Promise<TimeSync> {
    const opts = this.options();
    // An empty variable counts as unset.
    const env = (name: string) => process.env[name] || undefined;
    if (opts.password !== undefined) warnSecretFlag("--password", "TIMESYNC_PASSWORD");
    const configPath = opts.config ?? defaultConfigPath("timesync");
    let file: Record<string, string> | undefined;
    const fromFile = (key: string) => (file ??= readConfigFile(configPath, opts.config !== undefined))[key] || undefined;
    const logger = this.logger;
    const cache = this.cache();
    const token = env("TIMESYNC_TOKEN") ?? fromFile("token");
    const baseUrl = opts.url ?? env("TIMESYNC_URL") ?? fromFile("url");
    if (cache?.mode === "replay") {
      if (!token) throw new FacilitySdkError("--offline needs a token in TIMESYNC_TOKEN (a login is never replayed)");
      return new TimeSync({ baseUrl: baseUrl ?? OFFLINE_URL, token, cache, logger });
    }
    if (!baseUrl) throw new FacilitySdkError(`no TimeSync URL: set TIMESYNC_URL, "url" in ${configPath}, or --url`);
    const options: TimeSyncOptions = { baseUrl, logger, ...(cache ? { cache } : {}) };
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
