import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction, emptyList } from "../client/declaration.js";
import { anyText, flag, id, oneOf, optional, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { invoiceAccountFromRecord, invoiceAccountRows, invoiceDetailRow, invoiceDetailRows, invoiceTrackingFromRecord, invoiceTrackingRows, parseInvoiceList, PpmsInvoice, type PpmsInvoiceDetail, type PpmsInvoiceTracking } from "../models/invoices.js";
import type { CallOptions, PumapiParams } from "../types.js";
import type { CoreFilterOptions } from "./orders.js";
import { coreParams, optionalFlag, optionalString, readTable, requireTrimmed, tableRead } from "./tables.js";

/** The `filter` of {@link PpmsConnection.getInventoryTrackingList}: not sent yet, sent, paid, not paid. */
export type InvoiceTrackingFilter = "tosend" | "sent" | "paid" | "unpaid";

const TRACKING_FILTERS: readonly string[] = ["tosend", "sent", "paid", "unpaid"];

/** Options of {@link PpmsConnection.getInvoiceDetails}. */
export interface InvoiceDetailsOptions extends CallOptions {
  /** Only the lines of this billing code (`bcode`). */
  bcode?: string | undefined;
  /** Also the assistant of each line (`assistant=show`). */
  assistant?: boolean | undefined;
}

/** Options of {@link PpmsConnection.getInventoryTrackingList}. */
export interface InvoiceTrackingOptions extends CallOptions {
  /** Which invoices: not sent yet (`tosend`), sent, paid or not paid (`unpaid`). PUMAPI requires it. */
  filter: InvoiceTrackingFilter;
}

const invoiceUnknown = (sent: Readonly<Record<string, string>>): string => `Invoice [${sent.invoiceid ?? ""}]`;

/** Options of {@link PpmsInvoicesApi.getInvoiceList}. */
export interface InvoiceListOptions extends CoreFilterOptions {
  /** Send PUMAPI's `draft` parameter: `true` for draft invoices, `false` for final ones (default: not sent). */
  draft?: boolean | undefined;
}

/** The invoice actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const INVOICE_ACTIONS = {
  // One invoice id per line, no header; no invoices is an empty answer.
  getinvoicelist: declareAction({ action: "getinvoicelist", kind: "read", params: { coreid: optional(id), draft: optional(flag) }, empty: emptyList<string>(), recorded: "always", parse: (answer) => parseInvoiceList(answer.text) }),
  getinvoice: tableRead("getinvoice", { invoiceid: text }, { build: invoiceAccountFromRecord, rows: invoiceAccountRows, unknown: invoiceUnknown, one: true }),
  getinvoicedetails: tableRead("getinvoicedetails", { invoiceid: text, bcode: optional(anyText), assistant: optional(oneOf("show")) }, { build: invoiceDetailRow, rows: invoiceDetailRows, unknown: invoiceUnknown }),
  // The 2014 documentation marks `filter` mandatory.
  getinvtracklist: tableRead("getinvtracklist", { filter: oneOf(...TRACKING_FILTERS) }, { build: invoiceTrackingFromRecord, rows: invoiceTrackingRows }),
  setinvtracksent: confirmedWrite("setinvtracksent", { invoiceref: text }),
};

/**
 * The invoice methods of {@link PpmsConnection}: invoices, their lines, and invoice tracking
 * (PUMAPI `getinvoicelist`, `getinvoice`, `getinvoicedetails`, `getinvtracklist`,
 * `setinvtracksent`). Holds no fields.
 *
 * @example
 * ```ts
 * const toSend = await ppms.getInventoryTrackingList({ filter: "tosend" });
 * for (const invoice of toSend) await ppms.setInventoryTrackingSent(invoice.invoiceRef);
 * ```
 */
export abstract class PpmsInvoicesApi {
  /**
   * The invoice ids (`getinvoicelist`: one per line, no header), strings such as
   * `PPMS2-CoreName-20180601-DRAFT`; with `draft`, PUMAPI's `draft` parameter is sent
   * (`draft=true` asks for draft invoices).
   *
   * @param options - `coreId` (one core facility), `draft`, `signal`
   * @returns the invoice ids
   * @example
   * ```ts
   * const drafts = (await ppms.getInvoiceList({ coreId: 2 })).filter((id) => id.endsWith("-DRAFT"));
   * ```
   */
  async getInvoiceList(options: InvoiceListOptions = {}): Promise<string[]> {
    return callAction(stateOf(this), INVOICE_ACTIONS.getinvoicelist, { ...coreParams(options.coreId), draft: options.draft }, options);
  }

  /**
   * One invoice: what each account owes (`getinvoice`, headerless `account number, amount` lines).
   *
   * @param invoiceId - the invoice id (as {@link PpmsConnection.getInvoiceList} lists it)
   * @param options - `signal`
   * @returns the invoice
   * @throws {@link NoDataError} naming the action and the invoice when PPMS does not know it
   * @example
   * ```ts
   * const invoice = await ppms.getInvoice("PPMS2-Imaging-20300228-0001");
   * invoice.total; // 155
   * ```
   */
  async getInvoice(invoiceId: string, options: CallOptions = {}): Promise<PpmsInvoice> {
    const id = requireTrimmed("invoiceId", invoiceId);
    const accounts = await readTable(stateOf(this), INVOICE_ACTIONS.getinvoice, { invoiceid: id }, options);
    return new PpmsInvoice({ invoiceId: id, accounts });
  }

  /**
   * The lines of an invoice (`getinvoicedetails`).
   *
   * @param invoiceId - the invoice id
   * @param options - `bcode` (only that billing code's lines), `assistant` (fill
   *   {@link PpmsInvoiceDetail.extra}), `signal`
   * @returns the lines
   * @throws {@link NoDataError} naming the action and the invoice when PPMS does not know it
   * @example
   * ```ts
   * const lines = await ppms.getInvoiceDetails("PPMS2-Imaging-20300228-0001", { assistant: true });
   * lines.reduce((sum, l) => sum + (l.finalAmount ?? 0), 0); // 155
   * ```
   */
  async getInvoiceDetails(invoiceId: string, options: InvoiceDetailsOptions = {}): Promise<PpmsInvoiceDetail[]> {
    const id = requireTrimmed("invoiceId", invoiceId);
    const params: PumapiParams = {
      invoiceid: id,
      bcode: optionalString("bcode", options.bcode),
      assistant: optionalFlag("assistant", options.assistant) === true ? "show" : undefined,
    };
    return readTable(stateOf(this), INVOICE_ACTIONS.getinvoicedetails, params, options);
  }

  /**
   * Where invoices stand: sent or not, paid or not, and when (`getinvtracklist`, PUMAPI's invoice
   * tracking). The filter is mandatory (PUMAPI requires it) and checked before sending.
   *
   * @param options - `filter` (`tosend`, `sent`, `paid` or `unpaid`), `signal`
   * @returns one entry per invoice
   * @throws {@link PpmsInvalidArgumentError} for a missing or another filter, before any request
   * @example
   * ```ts
   * const sent = await ppms.getInventoryTrackingList({ filter: "sent" });
   * sent.map((t) => `${t.invoiceRef} → ${t.emails.join(", ")}`);
   * ```
   */
  async getInventoryTrackingList(options: InvoiceTrackingOptions): Promise<PpmsInvoiceTracking[]> {
    const filter: unknown = (options as Partial<InvoiceTrackingOptions> | undefined)?.filter;
    if (typeof filter !== "string" || !TRACKING_FILTERS.includes(filter)) {
      const got = filter === undefined ? "it is missing (PUMAPI requires it)" : `got ${JSON.stringify(filter)}`;
      throw new PpmsInvalidArgumentError("filter", `must be one of ${TRACKING_FILTERS.join(", ")}; ${got}`);
    }
    return readTable(stateOf(this), INVOICE_ACTIONS.getinvtracklist, { filter }, options);
  }

  /**
   * Marks an invoice sent, dated today (`setinvtracksent`; an invoice already sent keeps its
   * date). Never retried.
   *
   * @param invoiceRef - the invoice reference (as {@link PpmsInvoiceTracking.invoiceRef}), e.g. `PPMS2-Imaging-20300228-0002`
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} for an empty reference, before any request;
   *   {@link PumapiActionError} when PUMAPI refuses (e.g. `error: invalid invoice INV-1`)
   * @example
   * ```ts
   * await ppms.setInventoryTrackingSent("PPMS2-Imaging-20300228-0002");
   * ```
   */
  async setInventoryTrackingSent(invoiceRef: string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), INVOICE_ACTIONS.setinvtracksent, { invoiceref: requireTrimmed("invoiceRef", invoiceRef) }, options);
  }
}
