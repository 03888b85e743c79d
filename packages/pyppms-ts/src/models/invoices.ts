import type { ResponseRecord } from "../wire/response-value.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import { parseHeaderless, parseSections, parseTable } from "../wire/table.js";
import { parseLineList } from "../wire/line-list.js";
import { invoiceAccountRecord, invoiceDetailRecord, invoiceTrackingRecord } from "./billing-records.js";
import { buildNumbered } from "./build-records.js";
import { extraFields, normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** What one account (billing code) owes on an invoice: one headerless `getinvoice` line. */
export interface PpmsInvoiceAccount {
  /** The account number (billing code). */
  accountNumber: string;
  /** The amount charged to it. */
  amount: number;
}

/** The fields of a {@link PpmsInvoice}, as its constructor takes them: every field, documented on the class. */
export type PpmsInvoiceFields = Omit<PpmsInvoice, "toString" | "total">;

/**
 * A PPMS invoice: its reference and what each account owes (`getinvoice`, which answers
 * headerless `account number, amount` lines). Invoice ids are strings such as
 * `PPMS2-CoreName-20180601-DRAFT` (`getinvoicelist` lists them); the sessions charged come from
 * {@link PpmsConnection.getInvoiceDetails}.
 *
 * @example
 * ```ts
 * const invoice = parseInvoice("PPMS2-Imaging-20300228-0001", "BC-1001,155.00\r\nBC-1002,60.00\r\n");
 * invoice.total; // 215
 * ```
 */
export class PpmsInvoice {
  /** The invoice id (`invoiceid` of `getinvoice`, `getinvoicedetails`), e.g. `PPMS2-CoreName-20180601-DRAFT`. */
  readonly invoiceId: string;
  /** One entry per account charged, in the order sent. */
  accounts: PpmsInvoiceAccount[];

  /** @param fields - every field */
  constructor(fields: PpmsInvoiceFields) {
    this.invoiceId = fields.invoiceId;
    this.accounts = fields.accounts;
  }

  /** The sum of the accounts' amounts, rounded to cents. */
  get total(): number {
    return Math.round(this.accounts.reduce((sum, a) => sum + a.amount, 0) * 100) / 100;
  }

  /**
   * `"<invoice id> (<n> accounts, <total>)"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * String(await ppms.getInvoice("PPMS2-Imaging-20300228-0001")); // "PPMS2-Imaging-20300228-0001 (1 accounts, 155.00)"
   * ```
   */
  toString(): string {
    return `${this.invoiceId} (${this.accounts.length} accounts, ${this.total.toFixed(2)})`;
  }
}

/**
 * One charged item of an invoice (a line of `getinvoicedetails`). The 2014 documentation lists 26
 * columns (reference, user, group, project, affiliation, session type, system type, system, date,
 * start time, duration (booked), duration (used), ..., notes, account number, ..., rebate, fee,
 * subsidy, final amount; trainings send `duration`); drmatthews' client reads sections that each
 * repeat a header `Session Type, Reference, User, System Type, System, Date, Start time, Duration
 * (booked), Duration (used), Notes, Fee, Subsidy, Final Amount, Group`. Both map by name; missing
 * columns are `""` / `null`, others stay in {@link PpmsInvoiceDetail.extra}.
 */
export interface PpmsInvoiceDetail {
  /** The title line before the section's header (e.g. `Training`), `""` for a section without one. */
  section: string;
  /** `Session Type`, e.g. `autonomous session`. */
  sessionType: string;
  /** `Project`, `""` when not sent. */
  project: string;
  /** `Affiliation`, `""` when not sent. */
  affiliation: string;
  /** `Account number` (the billing code), `""` when not sent. */
  accountNumber: string;
  /** `Reference` (the session's). */
  reference: string;
  /** `User`, as sent. */
  user: string;
  /** `System Type`. */
  systemType: string;
  /** `System`. */
  system: string;
  /** `Date`, as sent. */
  date: string;
  /** `Start time`, as sent. */
  startTime: string;
  /** `Duration (booked)`, as sent (a training's `Duration` when that is all it sends). */
  durationBooked: string;
  /** `Duration (used)`, as sent (a training's `Duration` when that is all it sends). */
  durationUsed: string;
  /** `Notes`. */
  notes: string;
  /** `Fee`, `null` when empty or not sent. */
  fee: number | null;
  /** `Subsidy`, `null` when empty or not sent. */
  subsidy: number | null;
  /** `Final Amount`, `null` when empty or not sent. */
  finalAmount: number | null;
  /** `Group`. */
  group: string;
  /** Every other column (e.g. an assistant with `assistant=show`), keyed by its header as sent. */
  extra: Record<string, string>;
}

/**
 * Where an invoice stands (one line of `getinvtracklist`, PUMAPI's "invoice tracking", which
 * pyppms-ts' method names call inventory tracking). The 2014 documentation lists `Invoice
 * tracking ref., Core facility ref., Invoice date, PPMS invoice ref, Bcode, PO, Date created,
 * Amount, Paid, Reference Payment, Date Payment, Metadata1..6, Address, Emails`; the columns not
 * typed here are kept in {@link PpmsInvoiceTracking.extra}.
 */
export interface PpmsInvoiceTracking {
  /** `Invoice tracking ref.`. */
  trackingRef: string;
  /** `PPMS invoice ref` (the invoice id of `getinvoice`; `invoiceref` of `setinvtracksent`). */
  invoiceRef: string;
  /** `Core facility ref.`, `null` when not sent. */
  coreFacilityRef: number | null;
  /** `Invoice date`, as sent. */
  invoiceDate: string;
  /** `Bcode`. */
  bcode: string;
  /** `Amount`, `null` when empty or not sent. */
  amount: number | null;
  /** `Paid`; `null` when not sent or not a yes/no (its spelling is not public). */
  paid: boolean | null;
  /** `Emails`, split on commas, semicolons and spaces. */
  emails: string[];
  /** The other columns, keyed by their header as sent. */
  extra: Record<string, string>;
}

const DETAIL_COLUMNS = Object.keys(invoiceDetailRecord.shape);
const TRACKING_COLUMNS = Object.keys(invoiceTrackingRecord.shape);

/**
 * Builds a {@link PpmsInvoiceAccount} from one headerless `getinvoice` line, keyed as
 * {@link parseInvoice} keys it (`account number`, `amount`).
 *
 * @param record - the line's two fields
 * @returns the account's amount
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * invoiceAccountFromRecord({ "account number": "BC-1001", amount: "155.00" }).amount; // 155
 * ```
 */
export function invoiceAccountFromRecord(record: ResponseRecord): PpmsInvoiceAccount {
  const r = checkRecord(invoiceAccountRecord, normaliseKeys(record));
  return { accountNumber: r.accountnumber, amount: r.amount };
}

/**
 * Builds a {@link PpmsInvoiceDetail} from one record of a `getinvoicedetails` section.
 *
 * @param record - header name → value
 * @param section - the section's title (`""` when none)
 * @returns the invoice line
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * invoiceDetailFromRecord({ "Session Type": "autonomous session", "Final Amount": "80.00" }).finalAmount; // 80
 * ```
 */
export function invoiceDetailFromRecord(record: ResponseRecord, section = ""): PpmsInvoiceDetail {
  const r = checkRecord(invoiceDetailRecord, normaliseKeys(record));
  return {
    section,
    sessionType: r.sessiontype,
    project: r.project,
    affiliation: r.affiliation,
    accountNumber: r.accountnumber,
    reference: r.reference,
    user: r.user,
    systemType: r.systemtype,
    system: r.system,
    date: r.date,
    startTime: r.starttime,
    durationBooked: r.durationbooked === "" ? r.duration : r.durationbooked,
    durationUsed: r.durationused === "" ? r.duration : r.durationused,
    notes: r.notes,
    fee: r.fee,
    subsidy: r.subsidy,
    finalAmount: r.finalamount,
    group: r.group,
    extra: extraFields(record, DETAIL_COLUMNS),
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
 * invoiceTrackingFromRecord({ "Invoice tracking ref.": "T-1", "PPMS invoice ref": "PPMS2-X-1", Emails: "a@lab.example" }).emails; // ["a@lab.example"]
 * ```
 */
export function invoiceTrackingFromRecord(record: ResponseRecord): PpmsInvoiceTracking {
  const r = checkRecord(invoiceTrackingRecord, normaliseKeys(record));
  return {
    trackingRef: r.invoicetrackingref,
    invoiceRef: r.ppmsinvoiceref,
    coreFacilityRef: r.corefacilityref,
    invoiceDate: r.invoicedate,
    bcode: r.bcode,
    amount: r.amount,
    paid: r.paid,
    emails: r.emails.split(/[\s,;]+/).filter((e) => e !== ""),
    extra: extraFields(record, TRACKING_COLUMNS),
  };
}

/**
 * Parses a `getinvoicelist` answer: invoice ids, one per line, no header (strings such as
 * `PPMS2-CoreName-20180601-DRAFT`). Empty text is no invoices.
 *
 * @param text - the answer body
 * @returns the invoice ids, in order
 * @example
 * ```ts
 * parseInvoiceList("\ufeffPPMS2-Imaging-20300228-0001\r\nPPMS2-Imaging-20300331-DRAFT\r\n"); // ["PPMS2-Imaging-20300228-0001", "PPMS2-Imaging-20300331-DRAFT"]
 * ```
 */
export function parseInvoiceList(text: string): string[] {
  return parseLineList(text.replace(/[\t\ufeff]/g, ""));
}

/**
 * The records of a headerless `getinvoice` answer (`account number, amount` lines), keyed
 * `account number` and `amount`, for {@link invoiceAccountFromRecord}.
 *
 * @param text - the answer body
 * @param options - strictness (an unterminated quote is an error in strict mode)
 * @returns one record per line (none for empty text)
 * @example
 * ```ts
 * invoiceAccountRows("BC-1001,155.00\r\n"); // [{ "account number": "BC-1001", amount: "155.00" }]
 * ```
 */
export function invoiceAccountRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseHeaderless(text, ["account number", "amount"], options);
}

/**
 * Parses a `getinvoice` answer into a {@link PpmsInvoice}.
 *
 * @param invoiceId - the invoice id it was asked for
 * @param text - the answer body (headerless `account number, amount` lines)
 * @returns the invoice (no accounts for empty text)
 * @throws {@link ResponseFormatError} naming the record and field when a line does not fit
 * @example
 * ```ts
 * parseInvoice("PPMS2-Imaging-20300228-0001", "BC-1001,155.00\r\n").accounts[0]?.accountNumber; // "BC-1001"
 * ```
 */
export function parseInvoice(invoiceId: string, text: string): PpmsInvoice {
  return new PpmsInvoice({ invoiceId, accounts: buildNumbered(invoiceAccountRows(text), invoiceAccountFromRecord) });
}

const DETAIL_HEADER_NAMES = ["Session Type", "Reference", "User", "System Type", "System", "Date", "Final Amount", "Group"];

/**
 * The records of a `getinvoicedetails` answer: the preamble lines are skipped, each section's
 * records are keyed by that section's header, and each carries its section's title under
 * `(section)`, for {@link invoiceDetailRow}.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns the records of every section, in order (none for empty text)
 * @example
 * ```ts
 * invoiceDetailRows("Invoice X\r\nSession Type,Reference\r\nautonomous session,R1\r\n")[0]?.Reference; // "R1"
 * ```
 */
export function invoiceDetailRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  const { sections } = parseSections(text, { ...options, expect: DETAIL_HEADER_NAMES });
  return sections.flatMap((s) => s.records.map((record) => ({ ...record, "(section)": s.title })));
}

/**
 * Builds a {@link PpmsInvoiceDetail} from one record of {@link invoiceDetailRows} (its section
 * title under `(section)`).
 *
 * @param record - header name → value, plus `(section)`
 * @returns the invoice line
 * @example
 * ```ts
 * invoiceDetailRow({ "(section)": "Training", "Session Type": "training" }).section; // "Training"
 * ```
 */
export function invoiceDetailRow(record: ResponseRecord): PpmsInvoiceDetail {
  const { "(section)": section, ...rest } = record;
  return invoiceDetailFromRecord(rest, typeof section === "string" ? section : "");
}

/**
 * Parses a `getinvoicedetails` answer: preamble lines, then sections each with its own header.
 *
 * @param text - the answer body
 * @returns the charged items of every section, in order (none for empty text)
 * @throws {@link ResponseFormatError} naming the record and field when one does not fit
 * @example
 * ```ts
 * const lines = parseInvoiceDetails("Invoice X\r\nSession Type,Reference,Final Amount\r\nautonomous session,R1,80.00\r\n");
 * lines[0]?.finalAmount; // 80
 * ```
 */
export function parseInvoiceDetails(text: string): PpmsInvoiceDetail[] {
  return buildNumbered(invoiceDetailRows(text), invoiceDetailRow);
}

/**
 * Parses a `getinvtracklist` CSV answer. Empty text is no entries.
 *
 * @param text - the answer body
 * @returns one entry per invoice
 * @example
 * ```ts
 * parseInvoiceTracking("Invoice tracking ref.,Sent,PPMS invoice ref,Emails\r\nT-1,No,PPMS2-X-1,a@lab.example\r\n")[0]?.extra; // { Sent: "No" }
 * ```
 */
export function parseInvoiceTracking(text: string): PpmsInvoiceTracking[] {
  return buildNumbered(invoiceTrackingRows(text), invoiceTrackingFromRecord);
}

/**
 * The records of a `getinvtracklist` CSV answer, its header found by the tracking columns'
 * names. The connection and {@link parseInvoiceTracking} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per invoice
 * @example
 * ```ts
 * const rows = invoiceTrackingRows("Invoice tracking ref.,PPMS invoice ref,Amount\r\nT-301,PPMS2-Imaging-20300228-0001,155.00\r\n");
 * rows.length; // 1
 * ```
 */
export function invoiceTrackingRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["Invoice tracking ref.", "PPMS invoice ref", "Emails"] });
}
