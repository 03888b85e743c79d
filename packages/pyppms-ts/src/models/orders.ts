import type { ResponseRecord } from "../wire/response-value.js";
import { orderLineRecord, orderRecord, priceRecord, serviceRecord } from "./billing-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** A service a core facility sells (one line of `getservices`). */
export interface PpmsService {
  /** The service id (`serviceid` of `createorder`, `service` of the price list). */
  serviceId: number;
  /** The core facility it belongs to, `null` when the answer does not say. */
  coreFacilityRef: number | null;
  /** Service name (may hold commas). */
  name: string;
  /** Service group (may be empty). */
  group: string;
  /** The unit a quantity counts, e.g. `hour` or `sample` (may be empty). */
  unit: string;
  /** Whether it can be ordered. */
  active: boolean;
}

/** One entry of the price list (one line of `getpriceslist`). */
export interface PpmsPrice {
  /** Lower wins among the entries that apply. */
  priority: number;
  /** The service id. */
  serviceId: number;
  /** The affiliation it applies to, `0` for any. */
  affiliationId: number;
  /** The project it applies to, `0` for any. */
  projectId: number;
  /** The unit price. */
  price: number;
  /** First day it applies (`YYYY-MM-DD`), `""` when open or not sent (CSV answers do not carry it). */
  minDate: string;
  /** Last day it applies (`YYYY-MM-DD`), `""` when open or not sent. */
  maxDate: string;
}

/** One line of an order (one line of `getorderlines`). */
export interface PpmsOrderLine {
  /** The order id (`Order ID`, the order's `Order ref.`). */
  orderId: number;
  /** The line number, from 1. */
  line: number;
  /** The service id. */
  serviceId: number;
  /** The service name. */
  service: string;
  /** How much was ordered (decimals allowed). */
  quantity: number;
  /** Price per unit. */
  unitPrice: number;
  /** quantity × unit price. */
  total: number;
}

/** The fields of a {@link PpmsOrder}, as its constructor takes them: every field, documented on the class. */
export type PpmsOrderFields = Omit<PpmsOrder, "toString">;

/**
 * A PPMS order (one line of `getorders`): a user's order of services, charged to a billing code.
 * Its lines come from {@link PpmsConnection.getOrderLines}.
 *
 * @example
 * ```ts
 * const [row] = parseMultilineResponse(
 *   "Order ref.,Core facility ref.,Date,Login,User,Group,Bcode,Project id,Accepted,Completed,Completed date,Total,Comments\r\n" +
 *     '1001,2,"2030-03-01","jdoe","Doe Jane","imaging_group","BC-1002",8,True,False,"",45.00,""\r\n',
 * );
 * const order = PpmsOrder.fromRecord(row!);
 * order.total; // 45
 * ```
 */
export class PpmsOrder {
  /** The order id (`Order ref.`; `orderref` of `getorderlines`). */
  readonly orderId: number;
  /** The core facility the order belongs to. */
  coreFacilityRef: number;
  /** The day it was placed (`YYYY-MM-DD`). */
  date: string;
  /** The login it was placed for. */
  login: string;
  /** That user's full name as PPMS shows it (`User`). */
  fullname: string;
  /** The user's group (`unitlogin`). */
  group: string;
  /** The billing code charged. */
  bcode: string;
  /** The project, `null` when none. */
  projectId: number | null;
  /** Whether the facility accepted it. */
  accepted: boolean;
  /** Whether it was completed. */
  completed: boolean;
  /** The day it was completed (`YYYY-MM-DD`), `""` when not. */
  completedDate: string;
  /** Σ quantity × unit price over its lines. */
  total: number;
  /** Free-text comments. */
  comments: string;

  /** @param fields - every field */
  constructor(fields: PpmsOrderFields) {
    this.orderId = fields.orderId;
    this.coreFacilityRef = fields.coreFacilityRef;
    this.date = fields.date;
    this.login = fields.login;
    this.fullname = fields.fullname;
    this.group = fields.group;
    this.bcode = fields.bcode;
    this.projectId = fields.projectId;
    this.accepted = fields.accepted;
    this.completed = fields.completed;
    this.completedDate = fields.completedDate;
    this.total = fields.total;
    this.comments = fields.comments;
  }

  /**
   * Builds an order from one parsed `getorders` record, CSV or JSON (header names matched
   * ignoring case, spaces and punctuation: `Order ref.` → `orderref`).
   *
   * @param record - header name → value, from {@link parseMultilineResponse}
   * @returns the order
   * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
   * @example
   * ```ts
   * const [row] = parseMultilineResponse(
   *   "Order ref.,Core facility ref.,Date,Login,Accepted,Completed,Total\r\n1002,2,2030-03-02,bkovac,True,True,140.75\r\n",
   * );
   * PpmsOrder.fromRecord(row!).orderId; // 1002
   * ```
   */
  static fromRecord(record: ResponseRecord): PpmsOrder {
    const r = checkRecord(orderRecord, normaliseKeys(record));
    return new PpmsOrder({
      orderId: r.orderref,
      coreFacilityRef: r.corefacilityref,
      date: r.date,
      login: r.login,
      fullname: r.user,
      group: r.group,
      bcode: r.bcode,
      projectId: r.projectid,
      accepted: r.accepted,
      completed: r.completed,
      completedDate: r.completeddate,
      total: r.total,
      comments: r.comments,
    });
  }

  /**
   * `"order <id> (<login>, <date>)"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * const [order] = await ppms.getOrders();
   * String(order); // "order 1001 (jdoe, 2030-03-01)"
   * ```
   */
  toString(): string {
    return `order ${this.orderId} (${this.login}, ${this.date})`;
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
 * const [row] = parseMultilineResponse('Service id,Name,Group,Active\r\n601,"Sample preparation","Preparation",True\r\n');
 * serviceFromRecord(row!).serviceId; // 601
 * ```
 */
export function serviceFromRecord(record: ResponseRecord): PpmsService {
  const r = checkRecord(serviceRecord, normaliseKeys(record));
  return { serviceId: r.serviceid, coreFacilityRef: r.corefacilityref, name: r.name, group: r.group, unit: r.unit, active: r.active };
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
 * const [row] = parseMultilineResponse("priority,service,affiliationid,projectid,Price\r\n1,602,0,0,60.50\r\n");
 * priceFromRecord(row!).price; // 60.5
 * ```
 */
export function priceFromRecord(record: ResponseRecord): PpmsPrice {
  const r = checkRecord(priceRecord, normaliseKeys(record));
  return {
    priority: r.priority,
    serviceId: r.service,
    affiliationId: r.affiliationid,
    projectId: r.projectid,
    price: r.price,
    minDate: r.mindate,
    maxDate: r.maxdate,
  };
}

/**
 * Builds a {@link PpmsOrderLine} from one parsed `getorderlines` record.
 *
 * @param record - header name → value
 * @returns the order line
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse(
 *   'Order ID,Line,Service id,Service,Quantity,Unit price,Total\r\n1002,1,602,"Image analysis, per hour",1.5,60.50,90.75\r\n',
 * );
 * orderLineFromRecord(row!).quantity; // 1.5
 * ```
 */
export function orderLineFromRecord(record: ResponseRecord): PpmsOrderLine {
  const r = checkRecord(orderLineRecord, normaliseKeys(record));
  return { orderId: r.orderid, line: r.line, serviceId: r.serviceid, service: r.service, quantity: r.quantity, unitPrice: r.unitprice, total: r.total };
}
