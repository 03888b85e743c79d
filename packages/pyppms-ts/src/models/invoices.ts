import type { ResponseRecord } from "../wire/response-value.js";
import { invoiceDetailRecord, invoiceRecord, invoiceTrackingRecord } from "./billing-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** The fields of a {@link PpmsInvoice}, as its constructor takes them: every field, documented on the class. */
export type PpmsInvoiceFields = Omit<PpmsInvoice, "toString">;

/**
 * A PPMS invoice (one line of `getinvoicelist`, or the `getinvoice` answer). Its lines come from
 * {@link PpmsConnection.getInvoiceDetails}, its sending and payment dates from
 * {@link PpmsConnection.getInventoryTrackingList}.
 *
 * @example
 * ```ts
 * const [row] = parseMultilineResponse(
 *   "Invoice id,Invoice ref.,Core facility ref.,Date,Bcode,Group,Amount,Sent,Paid\r\n" +
 *     '301,"INV-2030-0001",2,"2030-02-28","BC-1001","cell_lab",155.00,True,False\r\n',
 * );
 * const invoice = PpmsInvoice.fromRecord(row!);
 * invoice.ref; // "INV-2030-0001"
 * ```
 */
export class PpmsInvoice {
  /** The invoice id (`invoiceid` of `getinvoice`, `getinvoicedetails`). */
  readonly invoiceId: number;
  /** The invoice reference (`invoiceref` of `setinvtracksent`), e.g. `INV-2030-0001`. */
  ref: string;
  /** The core facility that issued it. */
  coreFacilityRef: number;
  /** The invoice date (`YYYY-MM-DD`). */
  date: string;
  /** The billing code it charges. */
  bcode: string;
  /** The group it charges (`unitlogin`). */
  group: string;
  /** The amount (Σ of its lines). */
  amount: number;
  /** Whether it was sent. */
  sent: boolean;
  /** Whether it was paid. */
  paid: boolean;

  /** @param fields - every field */
  constructor(fields: PpmsInvoiceFields) {
    this.invoiceId = fields.invoiceId;
    this.ref = fields.ref;
    this.coreFacilityRef = fields.coreFacilityRef;
    this.date = fields.date;
    this.bcode = fields.bcode;
    this.group = fields.group;
    this.amount = fields.amount;
    this.sent = fields.sent;
    this.paid = fields.paid;
  }

  /**
   * Builds an invoice from one parsed `getinvoicelist` / `getinvoice` record (header names
   * matched ignoring case, spaces and punctuation: `Invoice ref.` → `invoiceref`).
   *
   * @param record - header name → value, from {@link parseMultilineResponse}
   * @returns the invoice
   * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
   * @example
   * ```ts
   * const [row] = parseMultilineResponse(
   *   "Invoice id, Invoice ref., Core facility ref., Date, Amount, Sent, Paid\r\n302, \"INV-2030-0002\", 2, \"2030-02-28\", 60.00, False, False\r\n",
   * );
   * PpmsInvoice.fromRecord(row!).amount; // 60
   * ```
   */
  static fromRecord(record: ResponseRecord): PpmsInvoice {
    const r = checkRecord(invoiceRecord, normaliseKeys(record));
    return new PpmsInvoice({
      invoiceId: r.invoiceid,
      ref: r.invoiceref,
      coreFacilityRef: r.corefacilityref,
      date: r.date,
      bcode: r.bcode,
      group: r.group,
      amount: r.amount,
      sent: r.sent,
      paid: r.paid,
    });
  }

  /**
   * `"<ref> (<amount>, <date>)"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * const [invoice] = await ppms.getInvoiceList();
   * String(invoice); // "INV-2030-0001 (155.00, 2030-02-28)"
   * ```
   */
  toString(): string {
    return `${this.ref} (${this.amount.toFixed(2)}, ${this.date})`;
  }
}

/** One line of an invoice (one line of `getinvoicedetails`). */
export interface PpmsInvoiceDetail {
  /** The invoice id. */
  invoiceId: number;
  /** The day of the charged item (`YYYY-MM-DD`). */
  date: string;
  /** What was charged: a system, a service. */
  item: string;
  /** The user's full name as PPMS shows it (`User`). */
  fullname: string;
  /** The user's login. */
  login: string;
  /** The billing code. */
  bcode: string;
  /** How much (hours, samples, ...). */
  quantity: number;
  /** Price per unit. */
  unitPrice: number;
  /** quantity × unit price. */
  amount: number;
  /** The assistant (`Assistant`, sent with `assistant=show` only); `""` when none or not asked. */
  assistant: string;
}

/**
 * Where an invoice stands (one line of `getinvtracklist`, PUMAPI's "invoice tracking", which
 * pyppms-ts' method names call inventory tracking).
 */
export interface PpmsInvoiceTracking {
  /** The invoice reference (`invoiceref` of `setinvtracksent`). */
  invoiceRef: string;
  /** The invoice id. */
  invoiceId: number;
  /** The core facility that issued it. */
  coreFacilityRef: number;
  /** The group it charges. */
  group: string;
  /** The billing code it charges. */
  bcode: string;
  /** The invoice date (`YYYY-MM-DD`). */
  date: string;
  /** The amount. */
  amount: number;
  /** Whether it was sent. */
  sent: boolean;
  /** The day it was sent (`YYYY-MM-DD`), `""` when not. */
  sentDate: string;
  /** Whether it was paid. */
  paid: boolean;
  /** The day it was paid (`YYYY-MM-DD`), `""` when not. */
  paidDate: string;
}

/**
 * Builds a {@link PpmsInvoiceDetail} from one parsed `getinvoicedetails` record.
 *
 * @param record - header name → value
 * @returns the invoice line
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse(
 *   'Invoice id,Date,Item,User,Login,Bcode,Quantity,Unit price,Amount\r\n301,"2030-02-10","Zeiss LSM 900","Kovač Boris","bkovac","BC-1001",2,40.00,80.00\r\n',
 * );
 * invoiceDetailFromRecord(row!).amount; // 80
 * ```
 */
export function invoiceDetailFromRecord(record: ResponseRecord): PpmsInvoiceDetail {
  const r = checkRecord(invoiceDetailRecord, normaliseKeys(record));
  return {
    invoiceId: r.invoiceid,
    date: r.date,
    item: r.item,
    fullname: r.user,
    login: r.login,
    bcode: r.bcode,
    quantity: r.quantity,
    unitPrice: r.unitprice,
    amount: r.amount,
    assistant: r.assistant,
  };
}

/**
 * Builds a {@link PpmsInvoiceTracking} from one parsed `getinvtracklist` record.
 *
 * @param record - header name → value
 * @returns where the invoice stands
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse(
 *   "Invoice ref.,Invoice id,Core facility ref.,Group,Bcode,Date,Amount,Sent,Sent date,Paid,Paid date\r\n" +
 *     '"INV-2030-0001",301,2,"cell_lab","BC-1001","2030-02-28",155.00,True,"2030-03-02",False,""\r\n',
 * );
 * invoiceTrackingFromRecord(row!).sentDate; // "2030-03-02"
 * ```
 */
export function invoiceTrackingFromRecord(record: ResponseRecord): PpmsInvoiceTracking {
  const r = checkRecord(invoiceTrackingRecord, normaliseKeys(record));
  return {
    invoiceRef: r.invoiceref,
    invoiceId: r.invoiceid,
    coreFacilityRef: r.corefacilityref,
    group: r.group,
    bcode: r.bcode,
    date: r.date,
    amount: r.amount,
    sent: r.sent,
    sentDate: r.sentdate,
    paid: r.paid,
    paidDate: r.paiddate,
  };
}
