import { type ActionContext, type ActionHandler, int, need, opt, table, today } from "./context.js";
import { type Cell, bool, doneAnswer, errorAnswer, money, q, textAnswer } from "./render.js";
import type { PumapiInvoice } from "./types-billing.js";

// Invoices, invoice tracking (sent/paid) and sample manifests.

const INVOICE_HEADER = ["Invoice id", "Invoice ref.", "Core facility ref.", "Date", "Bcode", "Group", "Amount", "Sent", "Paid"];
const TRACK_FILTERS: Record<string, (i: PumapiInvoice) => boolean> = {
  tosend: (i) => !i.sent,
  sent: (i) => i.sent,
  paid: (i) => i.paid,
  unpaid: (i) => !i.paid,
};

const amount = (i: PumapiInvoice): number => i.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);

function invoiceRow(i: PumapiInvoice): Cell[] {
  return [String(i.id), q(i.ref), String(i.coreId), q(i.date), q(i.bcode), q(i.group), money(amount(i)), bool(i.sent, true), bool(i.paid, true)];
}

function coreFilter(ctx: ActionContext): number | undefined {
  const v = opt(ctx, "coreid");
  return v === undefined || v === "" ? undefined : int("coreid", v);
}

/** `getinvoicelist`: CSV of invoices (optional `coreid`). */
export const getinvoicelist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.invoices.values()].filter((i) => core === undefined || i.coreId === core).map(invoiceRow);
  return table(ctx, { header: INVOICE_HEADER, rows }, false);
};

/** `getinvoice`: the same CSV for one invoice; empty for an unknown id. */
export const getinvoice: ActionHandler = (ctx) => {
  const inv = ctx.state.invoices.get(int("invoiceid", need(ctx, "invoiceid")));
  return inv ? table(ctx, { header: INVOICE_HEADER, rows: [invoiceRow(inv)] }, false) : textAnswer("");
};

/** `getinvoicedetails`: CSV of an invoice's lines (`bcode` filter; `assistant=show` adds `Assistant`). */
export const getinvoicedetails: ActionHandler = (ctx) => {
  const inv = ctx.state.invoices.get(int("invoiceid", need(ctx, "invoiceid")));
  if (!inv) return textAnswer("");
  const bcode = opt(ctx, "bcode");
  const withAssistant = (opt(ctx, "assistant") ?? "").toLowerCase() === "show";
  const lines = bcode === undefined || bcode === "" || bcode === inv.bcode ? inv.lines : [];
  const rows = lines.map((l): Cell[] => {
    const row: Cell[] = [
      String(inv.id), q(l.date), q(l.item), q(ctx.state.fullName(l.login)), q(l.login), q(inv.bcode),
      String(l.quantity), money(l.unitPrice), money(l.quantity * l.unitPrice),
    ];
    if (withAssistant) row.push(q(l.assistant));
    return row;
  });
  const header = ["Invoice id", "Date", "Item", "User", "Login", "Bcode", "Quantity", "Unit price", "Amount"];
  return table(ctx, { header: withAssistant ? [...header, "Assistant"] : header, rows }, false);
};

/** `getinvtracklist`: CSV of invoices' sending/payment state (`filter` tosend, sent, paid, unpaid). */
export const getinvtracklist: ActionHandler = (ctx) => {
  const filter = opt(ctx, "filter") ?? "";
  const keep = filter === "" ? () => true : TRACK_FILTERS[filter];
  if (!keep) return errorAnswer(`invalid filter: ${filter}`);
  const rows = [...ctx.state.invoices.values()].filter(keep).map((i): Cell[] => [
    q(i.ref), String(i.id), String(i.coreId), q(i.group), q(i.bcode), q(i.date), money(amount(i)),
    bool(i.sent, true), q(i.sentDate), bool(i.paid, true), q(i.paidDate),
  ]);
  const header = ["Invoice ref.", "Invoice id", "Core facility ref.", "Group", "Bcode", "Date", "Amount", "Sent", "Sent date", "Paid", "Paid date"];
  return table(ctx, { header, rows }, false);
};

/** `setinvtracksent`: marks invoice `invoiceref` sent (dated today, kept if already sent); answers `done`. */
export const setinvtracksent: ActionHandler = (ctx) => {
  const ref = need(ctx, "invoiceref");
  const inv = [...ctx.state.invoices.values()].find((i) => i.ref === ref);
  if (!inv) return errorAnswer(`invalid invoice ${ref}`);
  if (!inv.sent) Object.assign(inv, { sent: true, sentDate: today(ctx) });
  return doneAnswer();
};

/** `getmanifestlist`: CSV `Manifest id,Core facility ref.,Title,Login,Date,Samples` (optional `coreid`). */
export const getmanifestlist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.manifests.values()]
    .filter((m) => core === undefined || m.coreId === core)
    .map((m): Cell[] => [String(m.id), String(m.coreId), q(m.title), q(m.login), q(m.date), String(m.samples.length)]);
  return table(ctx, { header: ["Manifest id", "Core facility ref.", "Title", "Login", "Date", "Samples"], rows }, false);
};

/** `getmanifest`: CSV of one manifest's samples; `Results` holds `title: value` pairs joined by `; `. */
export const getmanifest: ActionHandler = (ctx) => {
  const m = ctx.state.manifests.get(int("manifestid", need(ctx, "manifestid")));
  if (!m) return textAnswer("");
  const rows = m.samples.map((s): Cell[] => [
    q(s.id), String(m.id), q(s.name), q(s.type), q(s.results.map((r) => `${r.title}: ${r.value}`).join("; ")),
  ]);
  return table(ctx, { header: ["Sample ID", "Manifest id", "Name", "Type", "Results"], rows }, false);
};

/** `addsampleresult`: records (or replaces, same title) a result on sample `sampleID`; answers `done`. */
export const addsampleresult: ActionHandler = (ctx) => {
  const sampleId = need(ctx, "sampleID");
  const title = need(ctx, "title");
  const value = need(ctx, "value");
  const sample = [...ctx.state.manifests.values()].flatMap((m) => m.samples).find((s) => s.id === sampleId);
  if (!sample) return errorAnswer(`invalid sample ${sampleId}`);
  const existing = sample.results.find((r) => r.title === title);
  if (existing) existing.value = value;
  else sample.results.push({ title, value });
  return doneAnswer();
};
