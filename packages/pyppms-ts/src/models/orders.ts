import { PpmsInvalidArgumentError } from "../errors/argument.js";
import type { ResponseRecord } from "../wire/response-value.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import { parseTable } from "../wire/table.js";
import { orderLineRecord, orderRecord, priceRecord, serviceRecord } from "./billing-records.js";
import { buildNumbered } from "./build-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** A service a core facility sells (one line of `getservices`: `Service id, Name, Group, Active`). */
export interface PpmsService {
  /** The service id as `getservices` sends it: core facility × 10000 + the local id (`70112` = core 7, service 112). */
  serviceId: number;
  /** Service name (may hold commas). */
  name: string;
  /** Service group (may be empty). */
  group: string;
  /** Whether it can be ordered. */
  active: boolean;
}

/** One entry of the price list (one line of `getpriceslist`). */
export interface PpmsPrice {
  /** Lower wins among the entries that apply. */
  priority: number;
  /** The service's LOCAL id within its core facility (`service`, e.g. `112`); see {@link joinPricesToServices}. */
  localServiceId: number;
  /** The affiliation it applies to, `0` for any. */
  affiliationId: number;
  /** The project it applies to, `0` for any. */
  projectId: number;
  /** The unit price. */
  price: number;
  /** First day it applies, as sent; `""` when open or not sent (CSV answers do not carry it). */
  minDate: string;
  /** Last day it applies, as sent; `""` when open or not sent. */
  maxDate: string;
}

/** A price-list entry joined to its service (see {@link joinPricesToServices}). */
export interface PpmsServicePrice extends PpmsPrice {
  /** The service id `getservices` uses: core facility × 10000 + {@link PpmsPrice.localServiceId}. */
  serviceId: number;
  /** That service, `null` when `getservices` did not list it. */
  service: PpmsService | null;
}

/**
 * One line of an order (one line of `getorderlines`). crukci's client reads `Order ID, ServiceID,
 * Quantity, Group, Invoiced`; ucdavis' reads 13 columns (core facility, order ref, order id,
 * service id, quantity, user, group, project ref, quoted / ordered / completed date, status,
 * invoiced). Fields a variant does not send are `""` / `null`.
 */
export interface PpmsOrderLine {
  /** `Order ID`, as sent (the line's id). */
  orderId: string;
  /** The service ordered (`getservices`' `Service id`). */
  serviceId: number;
  /** How much was ordered (decimals allowed). */
  quantity: number;
  /** The order it belongs to (`Order ref.`), `""` when not sent. */
  orderRef: string;
  /** The core facility, `null` when not sent. */
  coreFacilityRef: number | null;
  /** The user, as sent. */
  user: string;
  /** The group. */
  group: string;
  /** The project reference. */
  projectRef: string;
  /** When it was quoted, as sent. */
  quotedDate: string;
  /** When it was ordered, as sent. */
  orderedDate: string;
  /** When it was completed, as sent (`""` when not). */
  completedDate: string;
  /** Its status, as sent. */
  status: string;
  /** Whether it was invoiced; `null` when not sent or not a yes/no. */
  invoiced: boolean | null;
}

/** The fields of a {@link PpmsOrder}, as its constructor takes them: every field, documented on the class. */
export type PpmsOrderFields = Omit<PpmsOrder, "toString">;

/**
 * A PPMS order (one line of `getorders`, whose columns the 2014 PUMAPI documentation lists: core
 * facility ref., order ref., user, group, project ref, quoted date, ordered date, completed date,
 * status, invoiced). Its lines come from {@link PpmsConnection.getOrderLines}.
 *
 * @example
 * ```ts
 * const [order] = parseOrders(
 *   "Orders\r\nCore facility ref.,Order ref.,User,Group,Project ref,Quoted date,Ordered date,Completed date,Status,Invoiced\r\n" +
 *     '2,1001,"Doe Jane","imaging_group",8,"","2030-03-01","","Ordered","No"\r\n',
 * );
 * order?.status; // "Ordered"
 * ```
 */
export class PpmsOrder {
  /** The order id (`Order ref.`; `orderref` of `getorderlines`, the id `createorder` answers). */
  readonly orderId: number;
  /** The core facility the order belongs to, `null` when not sent. */
  coreFacilityRef: number | null;
  /** The user it was placed for, as sent. */
  user: string;
  /** The user's group. */
  group: string;
  /** The project reference, `""` when none. */
  projectRef: string;
  /** When it was quoted, as sent (`""` when not). */
  quotedDate: string;
  /** When it was ordered, as sent. */
  orderedDate: string;
  /** When it was completed, as sent (`""` when not). */
  completedDate: string;
  /** Its status, as sent. */
  status: string;
  /** Whether it was invoiced; `null` when not sent or not a yes/no. */
  invoiced: boolean | null;

  /** @param fields - every field */
  constructor(fields: PpmsOrderFields) {
    this.orderId = fields.orderId;
    this.coreFacilityRef = fields.coreFacilityRef;
    this.user = fields.user;
    this.group = fields.group;
    this.projectRef = fields.projectRef;
    this.quotedDate = fields.quotedDate;
    this.orderedDate = fields.orderedDate;
    this.completedDate = fields.completedDate;
    this.status = fields.status;
    this.invoiced = fields.invoiced;
  }

  /**
   * Builds an order from one parsed `getorders` record, CSV or JSON (header names matched
   * ignoring case, spaces and punctuation: `Order ref.` → `orderref`).
   *
   * @param record - header name → value
   * @returns the order
   * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
   * @example
   * ```ts
   * PpmsOrder.fromRecord({ "Order ref.": "1002", Status: "Completed" }).orderId; // 1002
   * ```
   */
  static fromRecord(record: ResponseRecord): PpmsOrder {
    const r = checkRecord(orderRecord, normaliseKeys(record));
    return new PpmsOrder({
      orderId: r.orderref,
      coreFacilityRef: r.corefacilityref,
      user: r.user,
      group: r.group,
      projectRef: r.projectref,
      quotedDate: r.quoteddate,
      orderedDate: r.ordereddate,
      completedDate: r.completeddate,
      status: r.status,
      invoiced: r.invoiced,
    });
  }

  /**
   * `"order <id> (<user>, <status>)"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * const [order] = await ppms.getOrders();
   * String(order); // "order 1001 (Doe Jane, Ordered)"
   * ```
   */
  toString(): string {
    return `order ${this.orderId} (${this.user}, ${this.status})`;
  }
}

/**
 * Builds a {@link PpmsService} from one parsed `getservices` record (CSV or JSON; header names
 * matched ignoring case and punctuation).
 *
 * @param record - header name → value
 * @returns the service
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * serviceFromRecord({ "Service id": "70112", Name: "Sequencing", Group: "Runs", Active: true }).serviceId; // 70112
 * ```
 */
export function serviceFromRecord(record: ResponseRecord): PpmsService {
  const r = checkRecord(serviceRecord, normaliseKeys(record));
  return { serviceId: r.serviceid, name: r.name, group: r.group, active: r.active };
}

/**
 * Builds a {@link PpmsPrice} from one parsed `getpriceslist` record (CSV `Price` or JSON `price`,
 * with `minDate`/`maxDate` when sent).
 *
 * @param record - header name → value
 * @returns the price-list entry
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * priceFromRecord({ priority: "1", service: "112", affiliationid: "0", projectid: "0", Price: "60.50" }).price; // 60.5
 * ```
 */
export function priceFromRecord(record: ResponseRecord): PpmsPrice {
  const r = checkRecord(priceRecord, normaliseKeys(record));
  return {
    priority: r.priority,
    localServiceId: r.service,
    affiliationId: r.affiliationid,
    projectId: r.projectid,
    price: r.price,
    minDate: r.mindate,
    maxDate: r.maxdate,
  };
}

/**
 * Joins price-list entries to their services: the price list names a service by its LOCAL id,
 * `getservices` by core facility × 10000 + that id (crukci-bioinformatics/ppms_wrapper joins them
 * so). Give the core facility both lists were asked for.
 *
 * @param prices - from {@link PpmsConnection.getPriceList}
 * @param services - from {@link PpmsConnection.getServices}
 * @param coreId - the core facility of the price list (a whole number ≥ 0)
 * @returns each price with its `serviceId` and its service (`null` when not listed)
 * @throws {@link PpmsInvalidArgumentError} when `coreId` is not a whole number ≥ 0
 * @example
 * ```ts
 * const joined = joinPricesToServices(await ppms.getPriceList({ coreId: 2 }), await ppms.getServices({ coreId: 2 }), 2);
 * joined.map((p) => `${p.service?.name ?? p.serviceId}: ${p.price}`);
 * ```
 */
export function joinPricesToServices(prices: readonly PpmsPrice[], services: readonly PpmsService[], coreId: number): PpmsServicePrice[] {
  if (!Number.isSafeInteger(coreId) || coreId < 0) throw new PpmsInvalidArgumentError("coreId", `must be a whole number >= 0, got ${String(coreId)}`);
  const byId = new Map(services.map((s) => [s.serviceId, s]));
  return prices.map((price) => {
    const serviceId = coreId * 10000 + price.localServiceId;
    return { ...price, serviceId, service: byId.get(serviceId) ?? null };
  });
}

/**
 * Builds a {@link PpmsOrderLine} from one parsed `getorderlines` record (either public variant).
 *
 * @param record - header name → value
 * @returns the order line
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * orderLineFromRecord({ "Order ID": "5501", ServiceID: "20602", Quantity: "1.5", Group: "cell_lab", Invoiced: "No" }).quantity; // 1.5
 * ```
 */
export function orderLineFromRecord(record: ResponseRecord): PpmsOrderLine {
  const r = checkRecord(orderLineRecord, normaliseKeys(record));
  return {
    orderId: r.orderid,
    serviceId: r.serviceid,
    quantity: r.quantity,
    orderRef: r.orderref,
    coreFacilityRef: r.corefacilityref,
    user: r.user,
    group: r.group,
    projectRef: r.projectref,
    quotedDate: r.quoteddate,
    orderedDate: r.ordereddate,
    completedDate: r.completeddate,
    status: r.status,
    invoiced: r.invoiced,
  };
}

/** The header names that find `getorders`' header line (after its title line `Orders`). */
const ORDERS_HEADER_NAMES: readonly string[] = ["Order ref.", "Core facility ref.", "Status", "Invoiced"];

/**
 * Parses a `getorders` CSV answer (an optional title line, the header, the orders; empty: none).
 *
 * @param text - the answer body
 * @returns the orders
 * @throws {@link ResponseFormatError} naming the record and field when one does not fit
 * @example
 * ```ts
 * parseOrders("Orders\r\nOrder ref.,Status\r\n1001,Ordered\r\n")[0]?.orderId; // 1001
 * ```
 */
export function parseOrders(text: string): PpmsOrder[] {
  return buildNumbered(orderRows(text), (row) => PpmsOrder.fromRecord(row));
}

/**
 * The records of a `getorders` CSV answer, its header found by the order columns' names (a title
 * line such as `Orders,` is skipped); the connection and {@link parseOrders} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per order, keyed by the header names as sent
 * @example
 * ```ts
 * orderRows("Orders\r\nCore facility ref.,Order ref.,User\r\n2,1001,jdoe\r\n").length; // 1
 * ```
 */
export function orderRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ORDERS_HEADER_NAMES });
}

/**
 * Parses a `getorderlines` CSV answer (either public variant). Empty text is no lines.
 *
 * @param text - the answer body
 * @returns the order lines
 * @throws {@link ResponseFormatError} naming the record and field when one does not fit
 * @example
 * ```ts
 * parseOrderLines("Order ID,ServiceID,Quantity,Group,Invoiced\r\n5501,20602,1.5,cell_lab,No\r\n")[0]?.serviceId; // 20602
 * ```
 */
export function parseOrderLines(text: string): PpmsOrderLine[] {
  return buildNumbered(orderLineRows(text), orderLineFromRecord);
}

/**
 * The records of a `getorderlines` CSV answer (either public variant), its header found by the
 * order-line columns' names. The connection and {@link parseOrderLines} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per order line
 * @example
 * ```ts
 * orderLineRows("Order ID,ServiceID,Quantity,Group,Invoiced\r\n1001,20601,2,cell_lab,No\r\n").length; // 1
 * ```
 */
export function orderLineRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["Order ID", "ServiceID", "Quantity", "Order ref."] });
}

/**
 * Parses a `getservices` CSV answer. Empty text is no services.
 *
 * @param text - the answer body
 * @returns the services
 * @example
 * ```ts
 * parseServices("Service id,Name,Group,Active\r\n70112,Sequencing,Runs,True\r\n")[0]?.active; // true
 * ```
 */
export function parseServices(text: string): PpmsService[] {
  return buildNumbered(serviceRows(text), serviceFromRecord);
}

/**
 * The records of a `getservices` CSV answer, its header found by the service columns' names. The
 * connection and {@link parseServices} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per service
 * @example
 * ```ts
 * serviceRows("Core facility ref,Service id,Name\r\n2,20601,Cell sorting\r\n").length; // 1
 * ```
 */
export function serviceRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["Service id", "Name", "Active"] });
}

/**
 * Parses a `getpriceslist` CSV answer. Empty text is no prices.
 *
 * @param text - the answer body
 * @returns the price-list entries
 * @example
 * ```ts
 * parsePriceList("priority,service,affiliationid,projectid,Price\r\n1,112,0,0,60.50\r\n")[0]?.localServiceId; // 112
 * ```
 */
export function parsePriceList(text: string): PpmsPrice[] {
  return buildNumbered(priceRows(text), priceFromRecord);
}

/**
 * The records of a `getpriceslist` CSV answer, its header found by the price columns' names. The
 * connection and {@link parsePriceList} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per price-list entry
 * @example
 * ```ts
 * priceRows("priority,service,affiliationid,projectid,Price\r\n1,601,2,,55\r\n").length; // 1
 * ```
 */
export function priceRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["priority", "service", "affiliationid", "Price"] });
}
