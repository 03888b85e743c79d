// Seed and record types of the fake PUMAPI server's billing side: billing codes, services, prices,
// orders, invoices, sample manifests and API2 accounts. Omitted optional text fields default to "".

/** A billing code as `getbcodes` lists it. */
export interface PumapiBcodeSeed {
  /** The billing code. */
  bcode: string;
  /** Login it is tied to. */
  user?: string;
  /** Group id it is tied to. */
  group?: string;
  /** Project name. */
  project?: string;
  /** Subsidy, as text (e.g. `50%`). */
  subsidy?: string;
  /** Charges, as text. */
  charges?: string;
}

/** A billing code accepted for new bookings/orders (`getvalidbcodes`). */
export interface PumapiValidBcodeSeed {
  /** The billing code. */
  bcode: string;
  /** `YYYY-MM-DD` or `""` (no expiry). */
  expirationdate?: string;
}

/** A service that can be ordered. */
export interface PumapiServiceSeed {
  /**
   * The service's LOCAL id within its core facility (the price list's `service`, below 10000 and
   * unique in the seed); `getservices` sends `Service id` = `coreId` × 10000 + `id`, which
   * `createorder`'s `serviceid` takes.
   */
  id: number;
  /** Core facility ref. */
  coreId: number;
  /** Display name. */
  name: string;
  /** Service group, e.g. `Preparation`. */
  group?: string;
  /** Unit of quantity, e.g. `sample`, `hour` (kept in the state; no answer sends it). */
  unit?: string;
  /** Whether it can be ordered (default `true`). */
  active?: boolean;
}

/** One price-list entry; the lowest `priority` that fits wins. */
export interface PumapiPriceSeed {
  /** Lower numbers win. */
  priority: number;
  /** The service priced: its LOCAL id (see {@link PumapiServiceSeed.id}). */
  serviceId: number;
  /** `0`: any affiliation. */
  affiliationId?: number;
  /** `0`: any project. */
  projectId?: number;
  /** Unit price. */
  price: number;
  /** `YYYY-MM-DD` or `""` (open). */
  minDate?: string;
  /** `YYYY-MM-DD` or `""` (open). */
  maxDate?: string;
}

/** One line of an order. */
export interface PumapiOrderLineSeed {
  /** The service ordered. */
  serviceId: number;
  /** Quantity, in the service's unit (decimals allowed). */
  quantity: number;
  /** Default: from the price list on the order date (0 when none fits). */
  unitPrice?: number;
}

/** An order of services. */
export interface PumapiOrderSeed {
  /** Order ref. (the id `createorder` answers). */
  ref: number;
  /** Core facility ref. */
  coreId: number;
  /** Login of the customer. */
  login: string;
  /** Billing code charged. */
  bcode?: string;
  /** `0`: no project. */
  projectId?: number;
  /** Order date, `YYYY-MM-DD`. */
  date: string;
  /** Accepted by the facility (default `false`). */
  accepted?: boolean;
  /** Completed (default `false`). */
  completed?: boolean;
  /** `YYYY-MM-DD` or `""`. */
  completedDate?: string;
  /** Free text. */
  comments?: string;
  /** Invoiced (default `false`). */
  invoiced?: boolean;
  /** The ordered services. */
  lines: PumapiOrderLineSeed[];
}

/** One line of an invoice. */
export interface PumapiInvoiceLineSeed {
  /** `YYYY-MM-DD`. */
  date: string;
  /** What was charged (system or service name). */
  item: string;
  /** Login of the user charged. */
  login: string;
  /** Quantity (hours, samples, ...). */
  quantity: number;
  /** Price per unit. */
  unitPrice: number;
  /** Staff member who assisted (`getinvoicedetails assistant=show`), `""` for none. */
  assistant?: string;
  /** `Session Type` (default `autonomous session`); `training` lines form their own section. */
  sessionType?: string;
}

/** An invoice, with its sending/payment tracking (`getinvtracklist`). */
export interface PumapiInvoiceSeed {
  /** Numeric id: the store's key and the tracking ref (`T-<id>`); not the wire's invoice id. */
  id: number;
  /** The invoice id on the wire (`invoiceid`, `getinvoicelist`), e.g. `PPMS2-Imaging-20300228-0001`. */
  ref: string;
  /** Core facility ref. */
  coreId: number;
  /** Billing code invoiced. */
  bcode: string;
  /** Group id billed. */
  group: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Sent to the customer (default `false`). */
  sent?: boolean;
  /** `YYYY-MM-DD` or `""`. */
  sentDate?: string;
  /** Paid (default `false`). */
  paid?: boolean;
  /** `YYYY-MM-DD` or `""`. */
  paidDate?: string;
  /** The charged items. */
  lines: PumapiInvoiceLineSeed[];
}

/** A result recorded on a sample by `addsampleresult`. */
export interface PumapiSampleResult {
  /** What was measured. */
  title: string;
  /** The result, as text. */
  value: string;
}

/** A sample of a manifest. */
export interface PumapiSampleSeed {
  /** Sample id (`sampleID`). */
  id: string;
  /** Display name (`getmanifest`'s `sample reference`). */
  name: string;
  /** Plate (default `""`). */
  plate?: string;
  /** Position on the plate, column (default `""`). */
  x?: string;
  /** Position on the plate, row (default `""`). */
  y?: string;
  /** Sample type, e.g. `cells`. */
  type?: string;
  /** Results recorded so far. */
  results?: PumapiSampleResult[];
}

/** A sample manifest (a batch of samples sent to a core facility). */
export interface PumapiManifestSeed {
  /** `manifestid`. */
  id: number;
  /** Core facility ref. */
  coreId: number;
  /** Display title (`Manifest name`). */
  title: string;
  /** Login of the submitter. */
  login: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The order it belongs to (`Order ref.`), `0` for none (default). */
  orderRef?: number;
  /** The samples. */
  samples: PumapiSampleSeed[];
}

/** An account as API2 `GetPPMSAccounts` lists it (`id`, `coreId`, `groupLogin` are not sent). */
export interface PumapiAccountSeed {
  /** Account id (the store's; `rowNum` is the position in the answer). */
  id: number;
  /** Core facility ref (`coreId` filter). */
  coreId: number;
  /** The account's billing code. */
  bcode: string;
  /** Display text (`descriptionShort`). */
  description: string;
  /** Affiliation (default `""`). */
  affiliation?: string;
  /** Group id, `""` for none. */
  groupLogin?: string;
  /** Default `true`. */
  active?: boolean;
  /** `YYYY-MM-DD` or `""`. */
  expirationDate?: string;
}

/** Stored billing code. */
export type PumapiBcode = Required<PumapiBcodeSeed>;
/** Stored valid billing code. */
export type PumapiValidBcode = Required<PumapiValidBcodeSeed>;
/** Stored service. */
export type PumapiService = Required<PumapiServiceSeed>;
/** Stored price-list entry. */
export type PumapiPrice = Required<PumapiPriceSeed>;
/** Stored order line. */
export type PumapiOrderLine = Required<PumapiOrderLineSeed>;

/** Stored order. */
export interface PumapiOrder extends Required<Omit<PumapiOrderSeed, "lines">> {
  /** The ordered services, with their unit prices. */
  lines: PumapiOrderLine[];
}

/** Stored invoice line. */
export type PumapiInvoiceLine = Required<PumapiInvoiceLineSeed>;

/** Stored invoice. */
export interface PumapiInvoice extends Required<Omit<PumapiInvoiceSeed, "lines">> {
  /** The charged items. */
  lines: PumapiInvoiceLine[];
}

/** Stored sample. */
export type PumapiSample = Required<PumapiSampleSeed>;

/** Stored manifest. */
export interface PumapiManifest extends Required<Omit<PumapiManifestSeed, "samples">> {
  /** The samples, with their results. */
  samples: PumapiSample[];
}

/** Stored API2 account. */
export type PumapiAccount = Required<PumapiAccountSeed>;
