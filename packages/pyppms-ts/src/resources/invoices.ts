import { callAction } from "../client/call.js";
import { confirmedWrite } from "../client/declaration.js";
import { anyText, flag, id, oneOf, optional, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId } from "../internal/inputs.js";
import { invoiceDetailFromRecord, invoiceTrackingFromRecord, PpmsInvoice, type PpmsInvoiceDetail, type PpmsInvoiceTracking } from "../models/invoices.js";
import type { CallOptions, PumapiParams } from "../types.js";
import type { ResponseRecord } from "../wire/response-value.js";
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
  /** Only invoices not sent yet (`tosend`), sent, paid or not paid (`unpaid`); default: all. */
  filter?: InvoiceTrackingFilter | undefined;
}

const invoiceUnknown = (sent: Readonly<Record<string, string>>): string => `Invoice [${sent.invoiceid ?? ""}]`;

/** Options of {@link PpmsInvoicesApi.getInvoiceList}. */
export interface InvoiceListOptions extends CoreFilterOptions {
  /** Send PUMAPI's `draft` parameter: `true` for draft invoices, `false` for final ones (default: not sent). */
  draft?: boolean | undefined;
}

/** The invoice actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const INVOICE_ACTIONS = {
  getinvoicelist: tableRead("getinvoicelist", { coreid: optional(id), draft: optional(flag) }, { build: (row) => PpmsInvoice.fromRecord(row) }),
  getinvoice: tableRead("getinvoice", { invoiceid: id }, { build: (row: ResponseRecord) => PpmsInvoice.fromRecord(row), unknown: invoiceUnknown, one: true }),
  getinvoicedetails: tableRead("getinvoicedetails", { invoiceid: id, bcode: optional(anyText), assistant: optional(oneOf("show")) }, { build: invoiceDetailFromRecord, unknown: invoiceUnknown }),
  getinvtracklist: tableRead("getinvtracklist", { filter: optional(oneOf(...TRACKING_FILTERS)) }, { build: invoiceTrackingFromRecord }),
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
   * The invoices (`getinvoicelist`); with `draft`, PUMAPI's `draft` parameter is sent
   * (`draft=true` asks for draft invoices, whose ids look like `PPMS2-Core-20180601-DRAFT`).
   *
   * @param options - `coreId` (one core facility), `draft`, `signal`
   * @returns the invoices
   * @example
   * ```ts
   * const unpaid = (await ppms.getInvoiceList({ coreId: 2 })).filter((i) => !i.paid);
   * ```
   */
  async getInvoiceList(options: InvoiceListOptions = {}): Promise<PpmsInvoice[]> {
    return readTable(stateOf(this), INVOICE_ACTIONS.getinvoicelist, { ...coreParams(options.coreId), draft: options.draft }, options);
  }

  /**
   * One invoice (`getinvoice`).
   *
   * @param invoiceId - the invoice id (as {@link PpmsInvoice.invoiceId})
   * @param options - `signal`
   * @returns the invoice
   * @throws {@link NoDataError} naming the action and the invoice when PPMS does not know it
   * @example
   * ```ts
   * const invoice = await ppms.getInvoice(301);
   * invoice.ref; // "INV-2030-0001"
   * ```
   */
  async getInvoice(invoiceId: number | string, options: CallOptions = {}): Promise<PpmsInvoice> {
    const id = requireId("invoiceId", invoiceId);
    const [invoice] = await readTable(stateOf(this), INVOICE_ACTIONS.getinvoice, { invoiceid: id }, options);
    return invoice as PpmsInvoice;
  }

  /**
   * The lines of an invoice (`getinvoicedetails`).
   *
   * @param invoiceId - the invoice id
   * @param options - `bcode` (only that billing code's lines), `assistant` (fill
   *   {@link PpmsInvoiceDetail.assistant}), `signal`
   * @returns the lines
   * @throws {@link NoDataError} naming the action and the invoice when PPMS does not know it
   * @example
   * ```ts
   * const lines = await ppms.getInvoiceDetails(301, { assistant: true });
   * lines.reduce((sum, l) => sum + l.amount, 0); // 155
   * ```
   */
  async getInvoiceDetails(invoiceId: number | string, options: InvoiceDetailsOptions = {}): Promise<PpmsInvoiceDetail[]> {
    const id = requireId("invoiceId", invoiceId);
    const params: PumapiParams = {
      invoiceid: id,
      bcode: optionalString("bcode", options.bcode),
      assistant: optionalFlag("assistant", options.assistant) === true ? "show" : undefined,
    };
    return readTable(stateOf(this), INVOICE_ACTIONS.getinvoicedetails, params, options);
  }

  /**
   * Where invoices stand: sent or not, paid or not, and when (`getinvtracklist`, PUMAPI's invoice
   * tracking). The filter is checked before sending.
   *
   * @param options - `filter` (`tosend`, `sent`, `paid` or `unpaid`; default: all), `signal`
   * @returns one entry per invoice
   * @throws {@link PpmsInvalidArgumentError} for another filter, before any request
   * @example
   * ```ts
   * const sent = await ppms.getInventoryTrackingList({ filter: "sent" });
   * sent.map((t) => `${t.invoiceRef} sent ${t.sentDate}`);
   * ```
   */
  async getInventoryTrackingList(options: InvoiceTrackingOptions = {}): Promise<PpmsInvoiceTracking[]> {
    const { filter } = options;
    if (filter !== undefined && !TRACKING_FILTERS.includes(filter)) {
      throw new PpmsInvalidArgumentError("filter", `must be one of ${TRACKING_FILTERS.join(", ")}; got ${JSON.stringify(filter)}`);
    }
    return readTable(stateOf(this), INVOICE_ACTIONS.getinvtracklist, { filter }, options);
  }

  /**
   * Marks an invoice sent, dated today (`setinvtracksent`; an invoice already sent keeps its
   * date). Never retried.
   *
   * @param invoiceRef - the invoice reference (as {@link PpmsInvoice.ref}), e.g. `INV-2030-0002`
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} for an empty reference, before any request;
   *   {@link PumapiActionError} when PUMAPI refuses (e.g. `error: invalid invoice INV-1`)
   * @example
   * ```ts
   * await ppms.setInventoryTrackingSent("INV-2030-0002");
   * ```
   */
  async setInventoryTrackingSent(invoiceRef: string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), INVOICE_ACTIONS.setinvtracksent, { invoiceref: requireTrimmed("invoiceRef", invoiceRef) }, options);
  }
}
