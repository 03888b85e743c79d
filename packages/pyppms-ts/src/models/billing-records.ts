import { decimal, flag, integer, FieldProblem, recordSpec, text, type FieldCheck } from "./validators.js";

/*
 * The record checks of the billing answers (valid billing codes, services, prices, orders,
 * invoices, invoice tracking, sample manifests, API2 accounts), next to records.ts, which holds
 * the older actions'. Every record is checked after its header names were normalised (lower case,
 * letters and digits only: `Order ref.` → `orderref`), so `Price`/`price` and spacing variants
 * match. Text values are trimmed (PUMAPI pads some values and may leave tabs in them); records
 * are loose: columns the shape does not name are tolerated.
 */

/** A text field, trimmed (spaces and tabs around the value are dropped). */
const trimmed: FieldCheck<string> = { optional: false, check: (v) => text.check(v).trim() };

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

/** An optional whole number: `null` when absent or empty (e.g. an order without a project). */
const optionalInteger: FieldCheck<number | null> = {
  optional: true,
  check: (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : integer.check(v)),
};

/** One `getvalidbcodes` line (`Bcode,Expiration date`; an empty date = no expiry). */
export const validBcodeRecord = recordSpec({ bcode: nonEmptyTrimmed, expirationdate: optionalTrimmed });

/** One `getservices` line (`Service id,Core facility ref.,Name,Group,Unit,Active`). */
export const serviceRecord = recordSpec({
  serviceid: integer,
  corefacilityref: optionalInteger,
  name: trimmed,
  group: optionalTrimmed,
  unit: optionalTrimmed,
  active: flag,
});

/** One `getpriceslist` line (`priority,service,affiliationid,projectid,Price`; JSON adds `minDate`, `maxDate`). */
export const priceRecord = recordSpec({
  priority: integer,
  service: integer,
  affiliationid: integer,
  projectid: integer,
  price: decimal,
  mindate: optionalTrimmed,
  maxdate: optionalTrimmed,
});

/** One `getorders` line (after the title line and the header). */
export const orderRecord = recordSpec({
  orderref: integer,
  corefacilityref: integer,
  date: trimmed,
  login: nonEmptyTrimmed,
  user: optionalTrimmed,
  group: optionalTrimmed,
  bcode: optionalTrimmed,
  projectid: optionalInteger,
  accepted: flag,
  completed: flag,
  completeddate: optionalTrimmed,
  total: decimal,
  comments: optionalTrimmed,
});

/** One `getorderlines` line (`Order ID,Line,Service id,Service,Quantity,Unit price,Total`). */
export const orderLineRecord = recordSpec({
  orderid: integer,
  line: integer,
  serviceid: integer,
  service: optionalTrimmed,
  quantity: decimal,
  unitprice: decimal,
  total: decimal,
});

/** One `getinvoicelist` / `getinvoice` line. */
export const invoiceRecord = recordSpec({
  invoiceid: integer,
  invoiceref: nonEmptyTrimmed,
  corefacilityref: integer,
  date: trimmed,
  bcode: optionalTrimmed,
  group: optionalTrimmed,
  amount: decimal,
  sent: flag,
  paid: flag,
});

/** One `getinvoicedetails` line (`Assistant` only with `assistant=show`). */
export const invoiceDetailRecord = recordSpec({
  invoiceid: integer,
  date: trimmed,
  item: trimmed,
  user: optionalTrimmed,
  login: optionalTrimmed,
  bcode: optionalTrimmed,
  quantity: decimal,
  unitprice: decimal,
  amount: decimal,
  assistant: optionalTrimmed,
});

/** One `getinvtracklist` line. */
export const invoiceTrackingRecord = recordSpec({
  invoiceref: nonEmptyTrimmed,
  invoiceid: integer,
  corefacilityref: integer,
  group: optionalTrimmed,
  bcode: optionalTrimmed,
  date: trimmed,
  amount: decimal,
  sent: flag,
  sentdate: optionalTrimmed,
  paid: flag,
  paiddate: optionalTrimmed,
});

/** One `getmanifestlist` line (`Manifest id,Core facility ref.,Title,Login,Date,Samples`). */
export const manifestRecord = recordSpec({
  manifestid: integer,
  corefacilityref: integer,
  title: optionalTrimmed,
  login: optionalTrimmed,
  date: optionalTrimmed,
  samples: integer,
});

/** One `getmanifest` line (`Sample ID,Manifest id,Name,Type,Results`). */
export const sampleRecord = recordSpec({
  sampleid: nonEmptyTrimmed,
  manifestid: integer,
  name: optionalTrimmed,
  type: optionalTrimmed,
  results: optionalTrimmed,
});

/** One API2 `GetPPMSAccounts` object (typed JSON values: numbers and booleans). */
export const accountRecord = recordSpec({
  id: integer,
  coreid: integer,
  bcode: nonEmptyTrimmed,
  description: optionalTrimmed,
  grouplogin: optionalTrimmed,
  active: flag,
  expirationdate: optionalTrimmed,
});
