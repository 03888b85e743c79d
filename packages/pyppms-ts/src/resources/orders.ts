import type { PumapiAnswer } from "../client/answer.js";
import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction } from "../client/declaration.js";
import { anyText, day, flag, id, optional, positiveNumber, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PumapiActionError } from "../errors/answer.js";
import { requireId } from "../internal/inputs.js";
import { orderLineFromRecord, orderLineRows, orderRows, PpmsOrder, priceFromRecord, priceRows, serviceFromRecord, serviceRows, type PpmsOrderLine, type PpmsPrice, type PpmsService } from "../models/orders.js";
import type { CallOptions, PumapiParams } from "../types.js";
import { coreParams, optionalFlag, optionalString, readTable, requireDayText, requireObject, requireQuantity, requireTrimmed, tableRead } from "./tables.js";

/** Options of the list reads that take PUMAPI's optional `coreid` filter. */
export interface CoreFilterOptions extends CallOptions {
  /** Only this core facility (`coreid`); default: all. */
  coreId?: number | string | undefined;
}

/** Fields of {@link PpmsConnection.createOrder} (`createorder`). */
export interface NewOrderFields {
  /** The service ordered (`serviceid`; see {@link PpmsConnection.getServices}). */
  serviceId: number | string;
  /** The login the order is for. */
  login: string;
  /** How much: a number > 0, decimals allowed (e.g. 1.5 hours). */
  quantity: number;
  /** The project to charge (`projectid`). */
  projectId?: number | string | undefined;
  /** The billing code to charge (default: the user's, else the group's). */
  bcode?: string | undefined;
  /** Accept the order at once. */
  accepted?: boolean | undefined;
  /** Mark it completed at once. */
  completed?: boolean | undefined;
  /** The day it was completed (`YYYY-MM-DD` or a `Date`, taken as its local day). */
  completedDate?: string | Date | undefined;
  /** Free-text comments. */
  comments?: string | undefined;
  /** Comments on the service, sent as `scomments` (as a public client sends them). */
  serviceComments?: string | undefined;
}

/** `createorder` answers the new order id, digits only; anything else is the error text. */
function newOrderId(answer: PumapiAnswer): number {
  const text = answer.text.trim();
  if (/^\d+$/.test(text)) return Number(text);
  throw new PumapiActionError(answer.action, text === "" ? { ...answer.context, reason: "answered nothing, which confirms nothing" } : answer.context);
}

const coreFilter = { coreid: optional(id) };

/** The order and service actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const ORDER_ACTIONS = {
  getservices: tableRead("getservices", coreFilter, { build: serviceFromRecord, rows: serviceRows, json: true }),
  getpriceslist: tableRead("getpriceslist", coreFilter, { build: priceFromRecord, rows: priceRows, json: true }),
  getorders: tableRead("getorders", coreFilter, { build: (row) => PpmsOrder.fromRecord(row), rows: orderRows, json: true }),
  getorderlines: tableRead("getorderlines", { orderref: id }, { build: orderLineFromRecord, rows: orderLineRows, unknown: (sent) => `Order [${sent.orderref ?? ""}]` }),
  // Parameter names as getorderlines (`orderref`) and the projects' `phase`: no public sample shows them.
  updateorderphase: confirmedWrite("updateorderphase", { orderref: id, phase: id }),
  // Success is the new order id, digits only; anything else is the error text.
  createorder: declareAction({
    action: "createorder",
    kind: "write",
    params: {
      serviceid: id,
      login: text,
      quantity: positiveNumber,
      projectid: optional(id),
      bcode: optional(anyText),
      accepted: optional(flag),
      completed: optional(flag),
      completeddate: optional(day),
      comments: optional(anyText),
      scomments: optional(anyText),
    },
    empty: "error",
    recorded: "always",
    parse: newOrderId,
  }),
};

/**
 * The order methods of {@link PpmsConnection}: services, the price list, orders and their lines
 * (PUMAPI `getservices`, `getpriceslist`, `getorders`, `getorderlines`, `createorder`,
 * `updateorderphase`). With the
 * connection's `format: "json"`, services, prices and orders are asked for as `format=json` and
 * give the same models. Holds no fields.
 *
 * @example
 * ```ts
 * const orderId = await ppms.createOrder({ serviceId: 20601, login: "jdoe", quantity: 2 });
 * const lines = await ppms.getOrderLines(orderId);
 * ```
 */
export abstract class PpmsOrdersApi {
  /**
   * The services core facilities sell (`getservices`).
   *
   * @param options - `coreId` (one core facility), `signal`
   * @returns the services
   * @example
   * ```ts
   * const services = await ppms.getServices({ coreId: 2 });
   * services.filter((s) => s.active).map((s) => s.name); // ["Sample preparation", "Image analysis, per hour"]
   * ```
   */
  async getServices(options: CoreFilterOptions = {}): Promise<PpmsService[]> {
    return readTable(stateOf(this), ORDER_ACTIONS.getservices, coreParams(options.coreId), options);
  }

  /**
   * The price list (`getpriceslist`): prices per service, affiliation and project (`0` = any).
   * JSON answers also carry each price's validity (`minDate`, `maxDate`); CSV answers do not.
   *
   * @param options - `coreId` (the services' core facility), `signal`
   * @returns the price-list entries
   * @example
   * ```ts
   * const prices = await ppms.getPriceList();
   * prices.find((p) => p.localServiceId === 602)?.price; // 60.5 (the price list names services by their local id)
   * ```
   */
  async getPriceList(options: CoreFilterOptions = {}): Promise<PpmsPrice[]> {
    return readTable(stateOf(this), ORDER_ACTIONS.getpriceslist, coreParams(options.coreId), options);
  }

  /**
   * The orders (`getorders`; its CSV answer starts with a title line `Orders` before the header).
   *
   * @param options - `coreId` (one core facility), `signal`
   * @returns the orders
   * @example
   * ```ts
   * const open = (await ppms.getOrders()).filter((o) => o.completedDate === "");
   * ```
   */
  async getOrders(options: CoreFilterOptions = {}): Promise<PpmsOrder[]> {
    return readTable(stateOf(this), ORDER_ACTIONS.getorders, coreParams(options.coreId), options);
  }

  /**
   * The lines of an order (`getorderlines`).
   *
   * @param orderId - the order id (`Order ref.`, as {@link PpmsOrder.orderId})
   * @param options - `signal`
   * @returns the lines, in order
   * @throws {@link NoDataError} naming the action and the order when PPMS does not know it (an empty answer)
   * @example
   * ```ts
   * const lines = await ppms.getOrderLines(1002);
   * lines.map((l) => `${l.serviceId}: ${l.quantity}`);
   * ```
   */
  async getOrderLines(orderId: number | string, options: CallOptions = {}): Promise<PpmsOrderLine[]> {
    const orderref = requireId("orderId", orderId);
    return readTable(stateOf(this), ORDER_ACTIONS.getorderlines, { orderref }, options);
  }

  /**
   * Orders a service for a user (`createorder`): a one-line order dated today. The arguments are
   * checked before sending (`serviceId` and `projectId` whole numbers, `login` non-empty,
   * `quantity` > 0, `completedDate` a day). Never retried.
   *
   * @param fields - service, login, quantity, and optionally project, billing code, state, comments
   * @param options - `signal`
   * @returns the new order's id
   * @throws {@link PpmsInvalidArgumentError} naming the field, before any request;
   *   {@link PumapiActionError} when PUMAPI answers anything but the new id (e.g. `error: service 603 is not active`)
   * @example
   * ```ts
   * const orderId = await ppms.createOrder({ serviceId: 20602, login: "bkovac", quantity: 1.5, projectId: 7, comments: "Plate B" });
   * ```
   */
  async createOrder(fields: NewOrderFields, options: CallOptions = {}): Promise<number> {
    requireObject("fields", fields);
    const params: PumapiParams = {
      serviceid: requireId("serviceId", fields.serviceId),
      login: requireTrimmed("login", fields.login),
      quantity: requireQuantity("quantity", fields.quantity),
      projectid: fields.projectId === undefined ? undefined : requireId("projectId", fields.projectId),
      bcode: optionalString("bcode", fields.bcode),
      accepted: optionalFlag("accepted", fields.accepted),
      completed: optionalFlag("completed", fields.completed),
      completeddate: fields.completedDate === undefined ? undefined : requireDayText("completedDate", fields.completedDate),
      comments: optionalString("comments", fields.comments),
      scomments: optionalString("serviceComments", fields.serviceComments),
    };
    return callAction(stateOf(this), ORDER_ACTIONS.createorder, params, options);
  }

  /**
   * Moves an order to another phase (`updateorderphase` with `orderref` and `phase`, both whole
   * numbers; the parameter names follow `getorderlines` and the project phases, no public source
   * shows this action's). Never retried; an `error: ...` text or an empty answer is a
   * {@link PumapiActionError}.
   *
   * @param orderId - the order ref
   * @param phase - the new phase number
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.updateOrderPhase(1003, 2);
   * ```
   */
  async updateOrderPhase(orderId: number | string, phase: number | string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), ORDER_ACTIONS.updateorderphase, { orderref: requireId("orderId", orderId), phase: requireId("phase", phase) }, options);
  }
}
