import { type ActionContext, type ActionHandler, int, need, opt, table, today } from "./context.js";
import { type Cell, bool, csvAnswer, doneAnswer, errorAnswer, linesAnswer, money, q, textAnswer } from "./render.js";
import type { PumapiInvoice } from "./types-billing.js";

// Invoices, invoice tracking (sent/paid) and sample manifests, in the formats public sources show
// (see packages/pyppms-ts/docs/wire-formats.md): invoice ids are strings, getinvoice is headerless,
// getinvoicedetails has preamble lines and a header per section.

const TRACK_FILTERS: Record<string, (i: PumapiInvoice) => boolean> = {
  tosend: (i) => !i.sent,
  sent: (i) => i.sent,
  paid: (i) => i.paid,
  unpaid: (i) => !i.paid,
};

const amount = (i: PumapiInvoice): number => i.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);

function coreFilter(ctx: ActionContext): number | undefined {
  const v = opt(ctx, "coreid");
  return v === undefined || v === "" ? undefined : int("coreid", v);
}

/** The invoice whose wire id (`ref`) is `invoiceid`. */
function invoiceOf(ctx: ActionContext): PumapiInvoice | undefined {
  const id = need(ctx, "invoiceid");
  return [...ctx.state.invoices.values()].find((i) => i.ref === id);
}

/** `getinvoicelist`: invoice ids, one per line, no header (optional `coreid`). */
export const getinvoicelist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  return linesAnswer([...ctx.state.invoices.values()].filter((i) => core === undefined || i.coreId === core).map((i) => i.ref));
};

/** `getinvoice`: headerless `account number,amount` lines; empty for an unknown invoice. */
export const getinvoice: ActionHandler = (ctx) => {
  const inv = invoiceOf(ctx);
  return inv ? csvAnswer({ header: [], rows: [[inv.bcode, money(amount(inv))]] }, true) : textAnswer("");
};

const DETAIL_HEAD = ["Session Type", "Reference", "User", "System Type", "System", "Date", "Start time"];
const DETAIL_TAIL = ["Notes", "Fee", "Subsidy", "Final Amount", "Group"];

/**
 * `getinvoicedetails`: three preamble lines (their wording is the fake's own), then the sessions
 * (header with `Duration (booked)`, `Duration (used)`), then a title line `Training` and the
 * trainings under their own header (with `Duration`). `bcode` filters; `assistant=show` appends an
 * `Assistant` column (its name is the fake's own: no public source shows it).
 */
export const getinvoicedetails: ActionHandler = (ctx) => {
  const inv = invoiceOf(ctx);
  if (!inv) return textAnswer("");
  const bcode = opt(ctx, "bcode");
  const withAssistant = (opt(ctx, "assistant") ?? "").toLowerCase() === "show";
  const lines = bcode === undefined || bcode === "" || bcode === inv.bcode ? inv.lines : [];
  const out = [`Invoice,${inv.ref}`, `Date,${inv.date}`, `Account number,${inv.bcode}`].map((l) => `${l}\r\n`);
  for (const training of [false, true]) {
    const some = lines.filter((l) => (l.sessionType === "training") === training);
    if (some.length === 0) continue;
    const durations = training ? ["Duration"] : ["Duration (booked)", "Duration (used)"];
    const header = [...DETAIL_HEAD, ...durations, ...DETAIL_TAIL, ...(withAssistant ? ["Assistant"] : [])];
    const rows = some.map((l): Cell[] => {
      const reference = String(9000 + inv.lines.indexOf(l) + 1);
      const hours = String(l.quantity);
      const row: Cell[] = [
        q(l.sessionType), reference, q(ctx.state.fullName(l.login)), q(""), q(l.item), q(l.date), q(""),
        ...(training ? [hours] : [hours, hours]), q(""), money(0), money(0), money(l.quantity * l.unitPrice), q(inv.group),
      ];
      if (withAssistant) row.push(q(l.assistant));
      return row;
    });
    out.push(csvAnswer({ ...(training ? { title: "Training" } : {}), header, rows }, false).body);
  }
  return textAnswer(out.join(""));
};

const TRACK_HEADER = [
  "Invoice tracking ref.", "Core facility ref.", "Invoice date", "PPMS invoice ref", "Bcode", "PO", "Date created", "Amount", "Paid",
  "Reference Payment", "Date Payment", "Metadata1", "Metadata2", "Metadata3", "Metadata4", "Metadata5", "Metadata6", "Address", "Emails",
];

/**
 * `getinvtracklist`: CSV with the 2014 documentation's 19 columns (`filter` tosend, sent, paid,
 * unpaid). The values' spelling (`Paid` as `True`/`False`, the tracking ref `T-<id>`) is the fake's own.
 */
export const getinvtracklist: ActionHandler = (ctx) => {
  const filter = opt(ctx, "filter") ?? "";
  const keep = filter === "" ? () => true : TRACK_FILTERS[filter];
  if (!keep) return errorAnswer(`invalid filter: ${filter}`);
  const rows = [...ctx.state.invoices.values()].filter(keep).map((i): Cell[] => {
    const group = ctx.state.groups.get(i.group);
    return [
      q(`T-${i.id}`), String(i.coreId), q(i.date), q(i.ref), q(i.bcode), q(""), q(i.date), money(amount(i)), bool(i.paid, true),
      q(""), q(i.paidDate), q(""), q(""), q(""), q(""), q(""), q(""), q(group?.address ?? ""), q(group?.heademail ?? ""),
    ];
  });
  return table(ctx, { header: TRACK_HEADER, rows }, false);
};

/** `setinvtracksent`: marks invoice `invoiceref` (its id or tracking ref) sent, dated today (kept if already sent); answers `done`. */
export const setinvtracksent: ActionHandler = (ctx) => {
  const ref = need(ctx, "invoiceref");
  const inv = [...ctx.state.invoices.values()].find((i) => i.ref === ref || `T-${i.id}` === ref);
  if (!inv) return errorAnswer(`invalid invoice ${ref}`);
  if (!inv.sent) Object.assign(inv, { sent: true, sentDate: today(ctx) });
  return doneAnswer();
};

/** `getmanifestlist`: CSV `Manifest reference,Manifest name,Order ref.,Core facility ref.` (optional `coreid`). */
export const getmanifestlist: ActionHandler = (ctx) => {
  const core = coreFilter(ctx);
  const rows = [...ctx.state.manifests.values()]
    .filter((m) => core === undefined || m.coreId === core)
    .map((m): Cell[] => [String(m.id), q(m.title), m.orderRef === 0 ? "" : String(m.orderRef), String(m.coreId)]);
  return table(ctx, { header: ["Manifest reference", "Manifest name", "Order ref.", "Core facility ref."], rows }, false);
};

/**
 * `getmanifest`: CSV `sampleID,plate,x,y,sample reference`, then the template's own columns: here
 * `Type`, then one column per result title (in first-seen order); empty for an unknown manifest.
 */
export const getmanifest: ActionHandler = (ctx) => {
  const m = ctx.state.manifests.get(int("manifestid", need(ctx, "manifestid")));
  if (!m) return textAnswer("");
  const titles = [...new Set(m.samples.flatMap((s) => s.results.map((r) => r.title)))];
  const rows = m.samples.map((s): Cell[] => [
    q(s.id), q(s.plate), q(s.x), q(s.y), q(s.name), q(s.type), ...titles.map((t) => q(s.results.find((r) => r.title === t)?.value ?? "")),
  ]);
  return table(ctx, { header: ["sampleID", "plate", "x", "y", "sample reference", "Type", ...titles], rows }, false);
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
