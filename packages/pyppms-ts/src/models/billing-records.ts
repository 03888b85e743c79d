import { decimal, flag, integer, FieldProblem, recordSpec, text, type FieldCheck } from "./validators.js";

/*
 * The record checks of the billing answers (valid billing codes, services, prices, orders, order
 * lines, invoices, invoice tracking, sample manifests, API2 accounts), next to records.ts, which
 * holds the older actions'. The columns are the ones public sources show (see
 * docs/wire-formats.md); every record is checked after its header names were normalised (lower
 * case, letters and digits only: `Order ref.` → `orderref`), so spelling and spacing variants
 * match. Where a source is thin, fields are optional and columns the shape does not name are kept.
 */

/** A text field, trimmed (spaces and tabs around the value are dropped). */
const trimmed: FieldCheck<string> = { optional: false, check: (v) => text.check(v).replace(/\t/g, "").trim() };

/** A non-empty text field, trimmed. */
const nonEmptyTrimmed: FieldCheck<string> = {
  optional: false,
  check: (v) => {
    const value = trimmed.check(v);
    if (value === "") throw new FieldProblem("must not be empty");
    return value;
  },
};

/** An optional text field, trimmed, `""` when absent. */
const optionalTrimmed: FieldCheck<string> = { optional: true, check: (v) => (v === undefined ? "" : trimmed.check(v)) };

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** An optional whole number: `null` when absent or empty. */
const optionalInteger: FieldCheck<number | null> = { optional: true, check: (v) => (blank(v) ? null : integer.check(typeof v === "string" ? v.trim() : v)) };

/** An optional decimal: `null` when absent or empty. */
const optionalDecimal: FieldCheck<number | null> = { optional: true, check: (v) => (blank(v) ? null : decimal.check(typeof v === "string" ? v.trim() : v)) };

/**
 * A yes/no whose spelling no public source shows (`Invoiced`): true/false, yes/no, 1/0 in any
 * letter case; `null` when absent, empty or anything else (kept as sent in the record).
 */
const optionalYesNo: FieldCheck<boolean | null> = {
  optional: true,
  check: (v) => {
    if (typeof v === "boolean") return v;
    const lower = typeof v === "string" ? v.trim().toLowerCase() : "";
    if (lower === "true" || lower === "yes" || lower === "1") return true;
    if (lower === "false" || lower === "no" || lower === "0") return false;
    return null;
  },
};

/** One `getvalidbcodes` line (`Bcode,Expiration date`; an empty date = no expiry). No public evidence. */
export const validBcodeRecord = recordSpec({ bcode: nonEmptyTrimmed, expirationdate: optionalTrimmed });

/** One `getservices` line (`Service id, Name, Group, Active`: crukci-bioinformatics/ppms_wrapper). */
export const serviceRecord = recordSpec({
  serviceid: integer,
  name: trimmed,
  group: optionalTrimmed,
  active: flag,
});

/** One `getpriceslist` line (CSV `priority,service,affiliationid,projectid,Price`; JSON `price`, `minDate`, `maxDate`). */
export const priceRecord = recordSpec({
  priority: integer,
  service: integer,
  affiliationid: integer,
  projectid: integer,
  price: decimal,
  mindate: optionalTrimmed,
  maxdate: optionalTrimmed,
});

/** One `getorders` line (the 2014 PUMAPI documentation's columns). */
export const orderRecord = recordSpec({
  orderref: integer,
  corefacilityref: optionalInteger,
  user: optionalTrimmed,
  group: optionalTrimmed,
  projectref: optionalTrimmed,
  quoteddate: optionalTrimmed,
  ordereddate: optionalTrimmed,
  completeddate: optionalTrimmed,
  status: optionalTrimmed,
  invoiced: optionalYesNo,
});

/** One `getorderlines` line (crukci's `Order ID, ServiceID, Quantity, Group, Invoiced`; ucdavis' 13 columns). */
export const orderLineRecord = recordSpec({
  orderid: nonEmptyTrimmed,
  serviceid: integer,
  quantity: decimal,
  orderref: optionalTrimmed,
  corefacilityref: optionalInteger,
  user: optionalTrimmed,
  group: optionalTrimmed,
  projectref: optionalTrimmed,
  quoteddate: optionalTrimmed,
  ordereddate: optionalTrimmed,
  completeddate: optionalTrimmed,
  status: optionalTrimmed,
  invoiced: optionalYesNo,
});

/** One headerless `getinvoice` line: `account number, amount`. */
export const invoiceAccountRecord = recordSpec({ accountnumber: nonEmptyTrimmed, amount: decimal });

/**
 * One `getinvoicedetails` line: the 2014 documentation's 26 columns (reference, user, group,
 * project, affiliation, session type, ..., account number, ..., final amount) or the 14 of a
 * section header drmatthews' client reads (`Session Type, Reference, ..., Final Amount, Group`).
 */
export const invoiceDetailRecord = recordSpec({
  sessiontype: optionalTrimmed,
  project: optionalTrimmed,
  affiliation: optionalTrimmed,
  accountnumber: optionalTrimmed,
  reference: optionalTrimmed,
  user: optionalTrimmed,
  systemtype: optionalTrimmed,
  system: optionalTrimmed,
  date: optionalTrimmed,
  starttime: optionalTrimmed,
  durationbooked: optionalTrimmed,
  durationused: optionalTrimmed,
  duration: optionalTrimmed,
  notes: optionalTrimmed,
  fee: optionalDecimal,
  subsidy: optionalDecimal,
  finalamount: optionalDecimal,
  group: optionalTrimmed,
});

/**
 * One `getinvtracklist` line (the 2014 documentation: `Invoice tracking ref., Core facility ref.,
 * Invoice date, PPMS invoice ref, Bcode, PO, Date created, Amount, Paid, Reference Payment, Date
 * Payment, Metadata1..6, Address, Emails`); the ones not named here stay in the record.
 */
export const invoiceTrackingRecord = recordSpec({
  invoicetrackingref: optionalTrimmed,
  corefacilityref: optionalInteger,
  invoicedate: optionalTrimmed,
  ppmsinvoiceref: optionalTrimmed,
  bcode: optionalTrimmed,
  amount: optionalDecimal,
  paid: optionalYesNo,
  emails: optionalTrimmed,
});

/** One `getmanifestlist` line (manifest reference, manifest name, order ref., core facility ref.). */
export const manifestRecord = recordSpec({
  manifestreference: optionalTrimmed,
  manifestref: optionalTrimmed,
  manifestname: optionalTrimmed,
  orderref: optionalTrimmed,
  corefacilityref: optionalInteger,
});

/** One `getmanifest` line (sampleID, plate, x, y, sample reference, then the template's own columns). */
export const sampleRecord = recordSpec({
  sampleid: nonEmptyTrimmed,
  plate: optionalTrimmed,
  x: optionalTrimmed,
  y: optionalTrimmed,
  samplereference: optionalTrimmed,
  sampleref: optionalTrimmed,
});

/** One API2 `GetPPMSAccounts` object (`bcode, descriptionShort, rowNum, affiliation, expirationDatePost, active`). */
export const accountRecord = recordSpec({
  bcode: nonEmptyTrimmed,
  descriptionshort: optionalTrimmed,
  rownum: optionalInteger,
  affiliation: optionalTrimmed,
  expirationdatepost: optionalTrimmed,
  active: flag,
});
