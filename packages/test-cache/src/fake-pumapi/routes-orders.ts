import { type ActionContext, type ActionHandler, day, int, need, opt, optFlag, table, today, wantsJson } from "./context.js";
import { type Cell, bool, errorAnswer, jsonAnswer, money, q, textAnswer } from "./render.js";
import type { PumapiOrder, PumapiService } from "./types-billing.js";

// Services, the price list and orders, in the formats public clients read (see
// packages/pyppms-ts/docs/wire-formats.md): `Service id` is core × 10000 + the service's local id,
// which is what the price list's `service` holds; getorders has a title line before its header.

/** The `Service id` getservices sends and createorder takes: core facility × 10000 + local id. */
const serviceIdOf = (s: PumapiService): number => s.coreId * 10000 + s.id;

/** The optional `coreid` filter: undefined keeps every core. */
function coreFilter(ctx: ActionContext): number | undefined {
  const v = opt(ctx, "coreid");
  return v === undefined || v === "" ? undefined : int("coreid", v);
}

/** `getservices`: CSV (or JSON) `Service id,Name,Group,Active` (crukci-bioinformatics/ppms_wrapper). */
export const getservices: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.services.values()]
    .filter((s) => core === undefined || s.coreId === core)
    .map((s): Cell[] => [String(serviceIdOf(s)), q(s.name), q(s.group), bool(s.active, true)]);
  return table(ctx, { header: ["Service id", "Name", "Group", "Active"], rows }, true);
};

/**
 * `getpriceslist`: CSV `priority,service,affiliationid,projectid,Price`, or JSON with `price` (a
 * number), `minDate`, `maxDate`; `service` is the service's LOCAL id.
 */
export const getpriceslist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const prices = ctx.state.prices.filter((p) => core === undefined || ctx.state.services.get(p.serviceId)?.coreId === core);
  if (wantsJson(ctx)) {
    return jsonAnswer(
      prices.map((p) => ({
        priority: String(p.priority), service: String(p.serviceId), affiliationid: String(p.affiliationId),
        projectid: String(p.projectId), price: p.price, minDate: p.minDate, maxDate: p.maxDate,
      })),
    );
  }
  const rows = prices.map((p): Cell[] => [String(p.priority), String(p.serviceId), String(p.affiliationId), String(p.projectId), money(p.price)]);
  return table(ctx, { header: ["priority", "service", "affiliationid", "projectid", "Price"], rows }, false);
};

const ORDER_HEADER = [
  "Core facility ref.", "Order ref.", "User", "Group", "Project ref", "Quoted date", "Ordered date", "Completed date", "Status", "Invoiced",
];

/** The status text of an order (the words are the fake's own: no public source lists them). */
const statusOf = (o: PumapiOrder): string => (o.completed ? "Completed" : o.accepted ? "Accepted" : "Ordered");

/** `getorders`: a title line `Orders`, the header on line 2, one row per order; JSON rows without the title. */
export const getorders: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.orders.values()]
    .filter((o) => core === undefined || o.coreId === core)
    .map((o): Cell[] => [
      String(o.coreId), String(o.ref), q(o.login), q(ctx.state.users.get(o.login)?.unitlogin ?? ""),
      o.projectId === 0 ? "" : String(o.projectId), q(""), q(o.date), q(o.completedDate), q(statusOf(o)), bool(o.invoiced, true),
    ]);
  return table(ctx, { title: "Orders", header: ORDER_HEADER, rows }, true);
};

/**
 * `getorderlines`: CSV `Order ID,ServiceID,Quantity,Group,Invoiced` (the columns crukci's client
 * reads), one row per line, `Order ID` the order ref; empty for an unknown order.
 */
export const getorderlines: ActionHandler = (ctx) => {
  const order = ctx.state.orders.get(int("orderref", need(ctx, "orderref")));
  if (!order) return textAnswer("");
  const group = ctx.state.users.get(order.login)?.unitlogin ?? "";
  const rows = order.lines.map((l): Cell[] => {
    const service = ctx.state.services.get(l.serviceId);
    return [String(order.ref), service ? String(serviceIdOf(service)) : String(l.serviceId), String(l.quantity), q(group), bool(order.invoiced, true)];
  });
  return table(ctx, { header: ["Order ID", "ServiceID", "Quantity", "Group", "Invoiced"], rows }, false);
};

/**
 * `createorder`: orders `quantity` of service `serviceid` (getservices' `Service id`) for `login`; answers the new order ref,
 * digits only (no line end); anything else is an error text.
 */
export const createorder: ActionHandler = (ctx) => {
  const serviceId = int("serviceid", need(ctx, "serviceid"));
  const login = need(ctx, "login");
  const quantityText = need(ctx, "quantity");
  const quantity = Number(quantityText);
  const service = [...ctx.state.services.values()].find((s) => serviceIdOf(s) === serviceId);
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
      invoiced: false,
    },
    [{ serviceId: service.id, quantity }],
  );
  return textAnswer(String(order.ref));
};
