import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction, emptyList } from "../client/declaration.js";
import { day, id, optional, text } from "../client/param-rules.js";
import { tolerantRecords } from "../client/answer-format.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { stateOf } from "../client/state.js";
import { validBcodeFromRecord, validBcodeRows, type PpmsValidBcode } from "../models/accounts.js";
import { bcodeFromRecord, type PpmsBcode } from "../models/projects.js";
import type { CallOptions } from "../types.js";
import type { CoreFilterOptions } from "./orders.js";
import { buildRecords } from "./shared.js";
import { coreParams, readTable, requireDayText, requireTrimmed, tableRead } from "./tables.js";

/** Options of {@link PpmsConnection.getValidBcodes}. */
export interface GetValidBcodesOptions extends CallOptions {
  /** Only this billing code (none when it is not valid). */
  bcode?: string | undefined;
}

/** Options of {@link PpmsConnection.addValidBcode}. */
export interface AddValidBcodeOptions extends CallOptions {
  /** Its last valid day (`YYYY-MM-DD` or a `Date`, taken as its local day); default: no expiry. */
  expirationDate?: string | Date | undefined;
}

/** The billing-code actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const BILLING_ACTIONS = {
  // PUMAPI always sends the header line.
  getbcodes: declareAction({ action: "getbcodes", kind: "read", params: {}, empty: "no-data", recorded: "always", parse: (answer, { state }) => buildRecords(answer.text, state.parseOptions, bcodeFromRecord) }),
  getvalidbcodes: tableRead("getvalidbcodes", { bcode: optional(text) }, { build: validBcodeFromRecord, rows: validBcodeRows }),
  // Neither answer is published: read tolerantly, as JSON or CSV records.
  getprepaidaccounts: declareAction({ action: "getprepaidaccounts", kind: "read", params: { coreid: optional(id) }, empty: emptyList<ResponseRecord>(), recorded: "always", parse: (answer, { state }) => tolerantRecords(answer, state) }),
  getaffiliationsummary: declareAction({ action: "getaffiliationsummary", kind: "read", params: { coreid: optional(id) }, empty: emptyList<ResponseRecord>(), recorded: "always", parse: (answer, { state }) => tolerantRecords(answer, state) }),
  addvalidbcode: confirmedWrite("addvalidbcode", { bcode: text, expirationdate: optional(day) }),
  delvalidbcode: confirmedWrite("delvalidbcode", { bcode: text }),
};

/**
 * The billing-code methods of {@link PpmsConnection} (PUMAPI `getbcodes`, `getvalidbcodes`,
 * `addvalidbcode`, `delvalidbcode`), the prepaid accounts (`getprepaidaccounts`) and the
 * affiliation summary (`getaffiliationsummary`). Orders, services and prices are {@link PpmsOrdersApi}'s,
 * invoices {@link PpmsInvoicesApi}'s. Holds no fields.
 *
 * @example
 * ```ts
 * const bcodes = await ppms.getBcodes();
 * const valid = new Set((await ppms.getValidBcodes()).map((v) => v.bcode));
 * ```
 */
export abstract class PpmsBillingApi {
  /**
   * All billing codes (`getbcodes`).
   *
   * @param options - `signal`
   * @returns the billing codes
   * @example
   * ```ts
   * const bcodes = await ppms.getBcodes();
   * ```
   */
  async getBcodes(options: CallOptions = {}): Promise<PpmsBcode[]> {
    const s = stateOf(this);
    return callAction(s, BILLING_ACTIONS.getbcodes, {}, options);
  }

  /**
   * The billing codes PPMS accepts for new charges, with their expiry (`getvalidbcodes`).
   *
   * @param options - `bcode` (only that code: none when it is not valid), `signal`
   * @returns the valid billing codes
   * @example
   * ```ts
   * const valid = await ppms.getValidBcodes();
   * const stillValid = (await ppms.getValidBcodes({ bcode: "BC-1002" })).length > 0;
   * ```
   */
  async getValidBcodes(options: GetValidBcodesOptions = {}): Promise<PpmsValidBcode[]> {
    const params = { bcode: options.bcode === undefined ? undefined : requireTrimmed("bcode", options.bcode) };
    return readTable(stateOf(this), BILLING_ACTIONS.getvalidbcodes, params, options);
  }

  /**
   * Makes a billing code valid, or changes its expiry (`addvalidbcode`). The code and the date
   * are checked before sending. Never retried.
   *
   * @param bcode - the billing code
   * @param options - `expirationDate` (default: no expiry), `signal`
   * @throws {@link PpmsInvalidArgumentError} naming the field, before any request;
   *   {@link PumapiActionError} when PUMAPI refuses
   * @example
   * ```ts
   * await ppms.addValidBcode("BC-3001", { expirationDate: "2031-06-30" });
   * ```
   */
  async addValidBcode(bcode: string, options: AddValidBcodeOptions = {}): Promise<void> {
    const params = {
      bcode: requireTrimmed("bcode", bcode),
      expirationdate: options.expirationDate === undefined ? undefined : requireDayText("expirationDate", options.expirationDate),
    };
    await callAction(stateOf(this), BILLING_ACTIONS.addvalidbcode, params, options);
  }

  /**
   * Removes a billing code from the valid ones (`delvalidbcode`). Never retried.
   *
   * @param bcode - the billing code
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} for an empty code, before any request;
   *   {@link PumapiActionError} when PUMAPI refuses (e.g. `error: invalid bcode BC-9999`)
   * @example
   * ```ts
   * await ppms.deleteValidBcode("BC-1002");
   * ```
   */
  async deleteValidBcode(bcode: string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), BILLING_ACTIONS.delvalidbcode, { bcode: requireTrimmed("bcode", bcode) }, options);
  }

  /**
   * The prepaid accounts (`getprepaidaccounts`, optionally of core `coreId`). No public source
   * shows this answer, so its records are returned as sent (CSV with a header, or JSON), keyed by
   * the header names; an empty answer is no accounts.
   *
   * @param options - `coreId`; `signal`
   * @returns one record per account
   * @example
   * ```ts
   * const prepaid = await ppms.getPrepaidAccounts({ coreId: 2 });
   * ```
   */
  async getPrepaidAccounts(options: CoreFilterOptions = {}): Promise<ResponseRecord[]> {
    return callAction(stateOf(this), BILLING_ACTIONS.getprepaidaccounts, coreParams(options.coreId), options);
  }

  /**
   * The affiliation summary (`getaffiliationsummary`, optionally of core `coreId`). No public
   * source shows this answer, so its records are returned as sent (CSV with a header, or JSON);
   * an empty answer is no records.
   *
   * @param options - `coreId`; `signal`
   * @returns one record per line of the summary
   * @example
   * ```ts
   * const summary = await ppms.getAffiliationSummary();
   * ```
   */
  async getAffiliationSummary(options: CoreFilterOptions = {}): Promise<ResponseRecord[]> {
    return callAction(stateOf(this), BILLING_ACTIONS.getaffiliationsummary, coreParams(options.coreId), options);
  }
}
