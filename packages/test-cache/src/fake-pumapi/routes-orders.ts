import { type ActionContext, type ActionHandler, day, int, need, opt, optFlag, table, today, wantsJson } from "./context.js";
import { type Cell, bool, errorAnswer, jsonAnswer, money, q, textAnswer } from "./render.js";
import type { PumapiOrder } from "./types-billing.js";

// Services, the price list and orders.

/** The optional `coreid` filter: undefined keeps every core. */
function coreFilter(ctx: ActionContext): number | undefined {
  const v = opt(ctx, "coreid");
  return v === undefined || v === "" ? undefined : int("coreid", v);
}

/** `getservices`: CSV (or JSON) `Service id,Core facility ref.,Name,Group,Unit,Active`. */
export const getservices: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.services.values()]
    .filter((s) => core === undefined || s.coreId === core)
    .map((s): Cell[] => [String(s.id), String(s.coreId), q(s.name), q(s.group), q(s.unit), bool(s.active, true)]);
  return table(ctx, { header: ["Service id", "Core facility ref.", "Name", "Group", "Unit", "Active"], rows }, true);
};

/** `getpriceslist`: CSV `priority,service,affiliationid,projectid,Price`, or JSON with `price`, `minDate`, `maxDate`. */
export const getpriceslist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const prices = ctx.state.prices.filter((p) => core === undefined || ctx.state.services.get(p.serviceId)?.coreId === core);
  if (wantsJson(ctx)) {
    return jsonAnswer(
      prices.map((p) => ({
        priority: String(p.priority), service: String(p.serviceId), affiliationid: String(p.affiliationId),
        projectid: String(p.projectId), price: money(p.price), minDate: p.minDate, maxDate: p.maxDate,
      })),
    );
  }
  const rows = prices.map((p): Cell[] => [String(p.priority), String(p.serviceId), String(p.affiliationId), String(p.projectId), money(p.price)]);
  return table(ctx, { header: ["priority", "service", "affiliationid", "projectid", "Price"], rows }, false);
};

const orderTotal = (o: PumapiOrder): number => o.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);

const ORDER_HEADER = [
  "Order ref.", "Core facility ref.", "Date", "Login", "User", "Group", "Bcode", "Project id", "Accepted", "Completed",
  "Completed date", "Total", "Comments",
];

/** `getorders`: a title line `Orders list`, then CSV (header on line 2); JSON rows without the title. */
export const getorders: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.orders.values()]
    .filter((o) => core === undefined || o.coreId === core)
    .map((o): Cell[] => [
      String(o.ref), String(o.coreId), q(o.date), q(o.login), q(ctx.state.fullName(o.login)),
      q(ctx.state.users.get(o.login)?.unitlogin ?? ""), q(o.bcode), o.projectId === 0 ? "" : String(o.projectId),
      bool(o.accepted, true), bool(o.completed, true), q(o.completedDate), money(orderTotal(o)), q(o.comments),
    ]);
  return table(ctx, { title: "Orders list", header: ORDER_HEADER, rows }, true);
};

/** `getorderlines`: CSV of one order's lines, keyed by `Order ID`; empty for an unknown order. */
export const getorderlines: ActionHandler = (ctx) => {
  const order = ctx.state.orders.get(int("orderref", need(ctx, "orderref")));
  if (!order) return textAnswer("");
  const rows = order.lines.map((l, i): Cell[] => [
    String(order.ref), String(i + 1), String(l.serviceId), q(ctx.state.services.get(l.serviceId)?.name ?? ""),
    String(l.quantity), money(l.unitPrice), money(l.quantity * l.unitPrice),
  ]);
  return table(ctx, { header: ["Order ID", "Line", "Service id", "Service", "Quantity", "Unit price", "Total"], rows }, false);
};

/**
 * `createorder`: orders `quantity` of service `serviceid` for `login`; answers the new order ref,
 * digits only (no line end); anything else is an error text.
 */
export const createorder: ActionHandler = (ctx) => {
  const serviceId = int("serviceid", need(ctx, "serviceid"));
  const login = need(ctx, "login");
  const quantityText = need(ctx, "quantity");
  const quantity = Number(quantityText);
  const service = ctx.state.services.get(serviceId);
  if (!service) return errorAnswer(`invalid service ${serviceId}`);
  if (!service.active) return errorAnswer(`service ${serviceId} is not active`);
  const user = ctx.state.users.get(login);
  if (!user) return errorAnswer(`invalid user ${login}`);
  if (!Number.isFinite(quantity) || quantity <= 0) return errorAnswer(`invalid quantity: ${quantityText}`);
  const projectText = opt(ctx, "projectid");
  const projectId = projectText === undefined || projectText === "" ? 0 : int("projectid", projectText);
  if (projectId !== 0 && !ctx.state.projects.has(projectId)) return errorAnswer(`invalid project ${projectId}`);
  const completedText = opt(ctx, "completeddate");
  const order = ctx.state.addOrder(
    {
      coreId: service.coreId,
      login,
      bcode: opt(ctx, "bcode") || user.bcode || ctx.state.groups.get(user.unitlogin)?.unitbcode || "",
      projectId,
      date: today(ctx),
      accepted: optFlag(ctx, "accepted") ?? false,
      completed: optFlag(ctx, "completed") ?? false,
      completedDate: completedText === undefined || completedText === "" ? "" : day("completeddate", completedText),
      comments: opt(ctx, "comments") ?? "",
    },
    [{ serviceId, quantity }],
  );
  return textAnswer(String(order.ref));
};
