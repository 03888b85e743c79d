import { startFaultyServer } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { HttpServerError, PpmsConnection, PpmsInvalidArgumentError } from "../src/index.js";
import { useScriptedPumapi } from "./helpers/harness.js";

// The billing writes are sent once and never retried, even on a 503; reads are retried; a local
// validation error sends nothing; and the parsers take what a real server may send.
const API_KEY = "billing-Key-5d20e4";
const FAST_RETRY = { limit: 2, backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: "none" as const }, maxRetryAfterMs: 2_000 };
const { setup: scripted, serve, connect } = useScriptedPumapi({ apiKey: API_KEY, retry: FAST_RETRY });

const actionOf = (body: string): string => new URLSearchParams(body).get("action") ?? "";

/** Every other request meets a 503 (auth answers OK so the connection opens). */
async function busyServer() {
  const server = serve(
    await startFaultyServer({
      fault: (req) => (actionOf(req.body) === "auth" ? { kind: "ok", body: "OK" } : { kind: "status", status: 503, body: "busy" }),
      path: "/pumapi/",
    }),
  );
  const sent = (action: string): number => server.requests.filter((r) => actionOf(r.body) === action).length;
  return { server, sent, ppms: await connect({ baseUrl: server.url }) };
}

describe("billing writes on a busy server (503): sent once, never retried", () => {
  const writes: [string, (ppms: PpmsConnection) => Promise<unknown>][] = [
    ["createorder", (p) => p.createOrder({ serviceId: 601, login: "jdoe", quantity: 2 })],
    ["addvalidbcode", (p) => p.addValidBcode("BC-3001", { expirationDate: "2031-06-30" })],
    ["delvalidbcode", (p) => p.deleteValidBcode("BC-1002")],
    ["setinvtracksent", (p) => p.setInventoryTrackingSent("PPMS2-Imaging-20300228-0002")],
    ["addsampleresult", (p) => p.addSampleResult("S-0002", "viability", "88%")],
  ];

  it.each(writes)("%s", async (action, call) => {
    const { ppms, sent } = await busyServer();
    const error = await call(ppms).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpServerError);
    expect((error as Error).message).toContain(`PUMAPI ${action}`);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(sent(action)).toBe(1);
  });

  it("reads are retried (getOrders: 1 + 2 retries)", async () => {
    const { ppms, sent } = await busyServer();
    await expect(ppms.getOrders()).rejects.toBeInstanceOf(HttpServerError);
    expect(sent("getorders")).toBe(3);
  });

  it("API2 is a read: retried, on the API2 URL beside /pumapi/", async () => {
    const { ppms, server } = await busyServer();
    await expect(ppms.getAccounts()).rejects.toMatchObject({ name: "HttpServerError", operation: "PUMAPI GetPPMSAccounts" });
    const api2 = server.requests.filter((r) => actionOf(r.body) === "GetPPMSAccounts");
    expect(api2).toHaveLength(3);
    expect(api2.every((r) => r.url.startsWith("/API2/"))).toBe(true);
  });
});

describe("local validation sends nothing", () => {
  it("bad arguments of every billing method fail before any request", async () => {
    const { ppms, server } = await scripted(() => ({ body: "done\r\n" }));
    const before = server.forms.length;
    const calls: [string, () => Promise<unknown>][] = [
      ["quantity", () => ppms.createOrder({ serviceId: 601, login: "jdoe", quantity: 0 })],
      ["serviceId", () => ppms.createOrder({ serviceId: -1, login: "jdoe", quantity: 1 })],
      ["completedDate", () => ppms.createOrder({ serviceId: 601, login: "jdoe", quantity: 1, completedDate: new Date(Number.NaN) })],
      ["bcode", () => ppms.addValidBcode("")],
      ["expirationDate", () => ppms.addValidBcode("BC-1", { expirationDate: "2031-13-01" })],
      ["bcode", () => ppms.deleteValidBcode(undefined as never)],
      ["invoiceRef", () => ppms.setInventoryTrackingSent(" ")],
      ["filter", () => ppms.getInventoryTrackingList({ filter: "SENT" as never })],
      ["sampleId", () => ppms.addSampleResult("", "t", "v")],
      ["orderId", () => ppms.getOrderLines(1.5)],
      ["invoiceId", () => ppms.getInvoice(" ")],
      ["invoiceId", () => ppms.getInvoiceDetails(-3 as never)],
      ["manifestId", () => ppms.getManifest("")],
      ["coreId", () => ppms.getManifestList({ coreId: "x" })],
      ["assistant", () => ppms.getInvoiceDetails("PPMS2-Imaging-20300228-0001", { assistant: "show" as never })],
      ["api2Key", () => ppms.getAccounts({ api2Key: "" })],
    ];
    for (const [field, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(PpmsInvalidArgumentError);
      expect(error, field).toMatchObject({ field });
    }
    expect(server.forms.length).toBe(before);
  });
});

describe("what a real server may send", () => {
  it("getorders without a title line, spaces after commas, tabs and lower-case booleans", async () => {
    const { ppms } = await scripted(() => ({
      body:
        "Core facility ref., Order ref., User, Group, Project ref, Quoted date, Ordered date, Completed date, Status, Invoiced, Extra\r\n" +
        '2, 1001, "jdoe\t", "imaging_group", 8, "", "2030-03-01", "", "Ordered\tnow", false, "x"\r\n',
    }));
    const [order] = await ppms.getOrders();
    expect(order).toMatchObject({ orderId: 1001, coreFacilityRef: 2, user: "jdoe", projectRef: "8", orderedDate: "2030-03-01", status: "Orderednow", invoiced: false });
  });

  it("a title line alone is no orders; a JSON connection still reads a CSV answer", async () => {
    const { ppms } = await scripted(() => ({ body: "Orders\r\n" }), { format: "json" });
    expect(await ppms.getOrders()).toEqual([]);
  });

  it("an empty answer where a header must come is a NoDataError naming the action", async () => {
    const { ppms } = await scripted(() => ({ body: "" }));
    await expect(ppms.getServices()).rejects.toMatchObject({ name: "NoDataError", action: "getservices" });
    await expect(ppms.getInventoryTrackingList({ filter: "sent" })).rejects.toMatchObject({ name: "NoDataError", action: "getinvtracklist" });
  });

  it("a record that does not fit names the action, the record and the field", async () => {
    const { ppms } = await scripted(() => ({ body: "priority,service,affiliationid,projectid,Price\r\n1,601,0,0,15.00\r\n1,abc,0,0,1.00\r\n" }));
    const error = await ppms.getPriceList().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PumapiValidationError", action: "getpriceslist", field: "service" });
    expect((error as Error).message).toContain("record 3");
  });

  it("createorder answering anything but digits (or nothing) is a PumapiActionError", async () => {
    const { ppms } = await scripted(() => ({ body: "Order created\r\n" }));
    await expect(ppms.createOrder({ serviceId: 601, login: "jdoe", quantity: 1 })).rejects.toMatchObject({ name: "PumapiActionError", action: "createorder" });
    const { ppms: silent } = await scripted(() => ({ body: "" }));
    await expect(silent.createOrder({ serviceId: 601, login: "jdoe", quantity: 1 })).rejects.toMatchObject({ name: "PumapiActionError" });
  });

  it("request not authorized on a billing read is an AuthenticationError", async () => {
    const { ppms } = await scripted(() => ({ body: "request not authorized\r\n" }));
    await expect(ppms.getInvoiceList()).rejects.toMatchObject({ name: "AuthenticationError", action: "getinvoicelist" });
  });
});
