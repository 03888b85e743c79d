import { createLogger, HttpClient, resolveCache, type CacheOption } from "@facility-sdk/http-core";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requirePositiveInteger, requireText } from "../internal/inputs.js";
import { levelLog } from "../internal/level-log.js";
import { checkPpmsConnectionOptions, type PpmsConnectionOptions } from "../options.js";
import { requireSystemCredentials, type PumapiAuth } from "./auth.js";
import { pumapiFormKey } from "./cache-key.js";
import { PumapiClient } from "./pumapi-client.js";
import { createPumapiRedactor } from "./secrets.js";
import type { ConnectionState } from "./state.js";

/** What a new connection is made of. */
export interface ConnectionSetup {
  /** The PUMAPI endpoint. */
  baseUrl: string;
  /** No API key (and no system credentials): cache-only, in replay mode. */
  offline: boolean;
  /** System credentials only: no `auth` at connect, only the system-related actions. */
  systemOnly: boolean;
  /** The connection's state. */
  state: ConnectionState;
}

// pyppms' timeout: 10 s per attempt (http-core's default is 30 s).
const ATTEMPT_MS = 10_000;

/**
 * Checks the options and builds transport, redactor, logger, cache and state. Throws a
 * {@link PpmsInvalidArgumentError} (or http-core's `InvalidArgumentError` for transport options)
 * before any request.
 */
export function setUpConnection(options: PpmsConnectionOptions): ConnectionSetup {
  checkPpmsConnectionOptions(options);
  const { baseUrl: base, url, apiKey: key, system: systemOption, cacheMode, cacheUsersOnly, concurrency, strict, now, format, cache: cacheOption, timeout, headers, ...transport } = options;
  if (format !== undefined && format !== "csv" && format !== "json") throw new PpmsInvalidArgumentError("options.format", `must be "csv" or "json", got ${JSON.stringify(format)}`);
  const urlField = base === undefined && url !== undefined ? "options.url" : "options.baseUrl";
  const baseUrl = requireText(urlField, base ?? url);
  if (!URL.canParse(baseUrl)) throw new PpmsInvalidArgumentError(urlField, "must be an absolute URL");
  const apiKey = key ?? "";
  if (typeof apiKey !== "string") throw new PpmsInvalidArgumentError("options.apiKey", "must be a string");
  const system = systemOption === undefined ? undefined : requireSystemCredentials("options.system", systemOption);
  if (system !== undefined && apiKey !== "") {
    throw new PpmsInvalidArgumentError("options.system", "give either an API key or system credentials, not both", {
      hint: "with a key, pass { system } per call to getBooking instead",
    });
  }
  if (apiKey === "" && system === undefined && cacheOption === undefined) {
    throw new PpmsInvalidArgumentError("options.apiKey", "neither an API key, nor system credentials, nor a cache was given");
  }
  const offline = apiKey === "" && system === undefined;
  const auth: PumapiAuth = system === undefined ? { kind: "key", apiKey } : { kind: "system", system };

  const redactor = createPumapiRedactor(apiKey).addSecretValue(system?.code);
  const log = createLogger(transport.logger, transport.logLevel);
  const cache = resolveCache(withCacheMode(cacheOption, cacheMode), {
    key: pumapiFormKey(),
    redactor,
    logger: log,
    mode: offline ? "replay" : undefined,
    onlyFolders: cacheUsersOnly === true ? ["getuser"] : undefined,
    field: "options.cache",
  });
  if (offline && cache !== undefined && cache.mode !== "replay") {
    throw new PpmsInvalidArgumentError("options.cache", `offline mode (no API key) only replays, but this cache is in mode '${cache.mode}'`, {
      hint: "give an apiKey, or a cache in replay mode",
    });
  }
  const http = new HttpClient({
    ...transport,
    baseUrl,
    timeout: timeout !== null && typeof timeout === "object" ? { ...timeout, attemptMs: timeout.attemptMs ?? ATTEMPT_MS } : (timeout ?? { attemptMs: ATTEMPT_MS }),
    headers: { "user-agent": "pyppms-ts", ...headers },
    redactor,
    cache,
  });
  const logger = levelLog(http.log);
  const isStrict = strict === true;
  return {
    baseUrl,
    offline,
    systemOnly: system !== undefined,
    state: {
      client: new PumapiClient(http, baseUrl, auth),
      logger,
      cache,
      concurrency: requirePositiveInteger("options.concurrency", concurrency ?? 8),
      strict: isStrict,
      parseOptions: { graceful: !isStrict, logger },
      now: now ?? (() => new Date()),
      format: format ?? "csv",
      users: new Map(),
      fullnames: new Map(),
      ambiguousFullnames: new Set(),
      systems: new Map(),
      projects: new Map(),
    },
  };
}

/** The deprecated `cacheMode` as the `mode` of a directory or a config without one. */
function withCacheMode(option: CacheOption | undefined, mode: PpmsConnectionOptions["cacheMode"]): CacheOption | undefined {
  if (typeof option === "string") {
    requireText("options.cache", option);
    return mode === undefined ? option : { dir: option, mode };
  }
  if (mode === undefined || option === undefined || option === null || typeof option !== "object" || "keyFor" in option) return option;
  return (option as { mode?: unknown }).mode === undefined ? { ...option, mode } : option;
}

