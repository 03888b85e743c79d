import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { id, oneOf, optional } from "../client/param-rules.js";
import { stateOf, type ConnectionState } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId, requireText } from "../internal/inputs.js";
import { accountFromRecord, type PpmsAccount } from "../models/accounts.js";
import type { CallOptions } from "../types.js";
import { parseJsonRecords } from "../wire/json-records.js";
import { buildNumbered } from "../models/build-records.js";

/** Where an API2 call goes, and with which key (the options of every API2 method). */
export interface Api2Options extends CallOptions {
  /**
   * The API2 key, when API2 wants another key than PUMAPI (default: the connection's API key). A
   * secret: masked in logs and errors like the API key, never in a cache file name.
   */
  api2Key?: string | undefined;
  /**
   * The API2 endpoint. Default: the connection's base URL with its last path segment `pumapi/`
   * replaced by `API2/` (`https://ppms.example/facility/pumapi/` → `https://ppms.example/facility/API2/`).
   */
  api2Url?: string | undefined;
}

/** Options of {@link PpmsConnection.getAccounts}. */
export interface GetAccountsOptions extends Api2Options {
  /** Only this core facility's accounts (`coreId`); default: all. */
  coreId?: number | string | undefined;
}

/** The URL, key and signal of an API2 call, checked before anything is sent; the key is masked from then on. */
export function api2Send(s: ConnectionState, options: Api2Options): { url: string; apiKey: string; signal: AbortSignal | undefined } {
  const client = s.client;
  const url = options.api2Url === undefined ? api2UrlOf(client.baseUrl) : requireText("api2Url", options.api2Url);
  if (!URL.canParse(url)) throw new PpmsInvalidArgumentError("api2Url", "must be an absolute URL");
  const apiKey = options.api2Key === undefined ? client.apiKey : requireText("api2Key", options.api2Key);
  if (apiKey === undefined) {
    throw new PpmsInvalidArgumentError("api2Key", "is needed: this connection authenticates with system credentials, which API2 does not take");
  }
  client.redactor.addSecretValue(apiKey);
  return { url, apiKey, signal: options.signal };
}


/** `<instance>/API2/` from `<instance>/pumapi/`, or a typed error asking for `api2Url`. */
export function api2UrlOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  const match = /^(.*\/)pumapi\/?$/i.exec(url.pathname);
  if (match === null) {
    throw new PpmsInvalidArgumentError("api2Url", "cannot be derived: the base URL's path does not end in 'pumapi/'", { hint: "pass getAccounts({ api2Url })" });
  }
  url.pathname = `${match[1] ?? "/"}API2/`;
  return url.toString();
}

/** The API2 account action, declared once: the client derives retries, caching, checks and parsing from it. */
export const ACCOUNT_ACTIONS = {
  GetPPMSAccounts: declareAction({
    action: "GetPPMSAccounts",
    kind: "read",
    params: { format: oneOf("json"), coreId: optional(id) },
    empty: "no-data",
    recorded: "always",
    parse: (answer) => buildNumbered(parseJsonRecords(answer.text), accountFromRecord, 1),
  }),
};

/**
 * The API2 methods of {@link PpmsConnection}: API2 is PPMS' second endpoint, `<instance>/API2/`
 * beside `<instance>/pumapi/`, with its own key (by default the PUMAPI key). Its calls share the
 * connection's transport: pool, timeouts, retries of reads, redaction and the on-disk cache
 * (folder `GetPPMSAccounts`). Holds no fields.
 *
 * @example
 * ```ts
 * const accounts = await ppms.getAccounts({ coreId: 2 });
 * ```
 */
export abstract class PpmsAccountsApi {
  /**
   * The accounts (billing codes as core facilities see them) from API2 `GetPPMSAccounts`, asked
   * for as JSON; HTML entities in its strings are unescaped. A read: retried on transient faults.
   *
   * @param options - `coreId` (one core facility), `api2Key`, `api2Url`, `signal`
   * @returns the accounts
   * @throws {@link PpmsInvalidArgumentError} for a bad `coreId`, or when the API2 URL cannot be
   *   derived from the base URL and no `api2Url` is given (before any request);
   *   {@link AuthenticationError} when API2 refuses the key (`request not authorized`, HTTP 200)
   * @example
   * ```ts
   * const accounts = await ppms.getAccounts({ coreId: 2, api2Key: process.env.PPMS_API2_KEY });
   * accounts.filter((a) => a.active).map((a) => a.bcode); // ["BC-1001", "BC-1002"]
   * ```
   */
  async getAccounts(options: GetAccountsOptions = {}): Promise<PpmsAccount[]> {
    const s = stateOf(this);
    const coreId = options.coreId === undefined ? undefined : requireId("coreId", options.coreId);
    return callAction(s, ACCOUNT_ACTIONS.GetPPMSAccounts, { format: "json", coreId }, api2Send(s, options));
  }
}
