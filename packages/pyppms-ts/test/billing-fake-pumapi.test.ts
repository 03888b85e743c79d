import { describe, expect, it } from "vitest";
import { AuthenticationError, joinPricesToServices, NoDataError, PumapiActionError } from "../src/index.js";
import { useFakePumapi } from "./helpers/harness.js";
import { pumapiFixture } from "./helpers/stages.js";

// The billing actions end to end over real HTTP against test-cache's stateful fake PUMAPI: what a
// write changes shows up in the reads that follow. The fake's clock: 2030-03-14 09:00 local time.
const NOW = new Date(2030, 2, 14, 9, 0);
const { setup, connect } = useFakePumapi(NOW);

describe("billing against the stateful fake PUMAPI", () => {
  it("a created order shows up in getOrders and getOrderLines", async () => {
    const { ppms, sent, server } = await setup();
    expect((await ppms.getOrders()).map((o) => o.orderId)).toEqual([1001, 1002]);
    const orderId = await ppms.createOrder({ serviceId: 20602, login: "bkovac", quantity: 1.5, projectId: 7, accepted: true, comments: "Plate C & D" });
    expect(orderId).toBe(1003);
    expect(sent("createorder")).toBe(1);
    const created = (await ppms.getOrders()).find((o) => o.orderId === orderId);
    expect({ ...created }).toEqual({
      orderId: 1003, coreFacilityRef: 2, user: "bkovac", group: "cell_lab", projectRef: "7", quotedDate: "", orderedDate: "2030-03-14",
      completedDate: "", status: "Accepted", invoiced: false,
    });
    expect(await ppms.getOrderLines(orderId)).toMatchObject([{ orderId: "1003", serviceId: 20602, quantity: 1.5, group: "cell_lab", invoiced: false }]);
    // the project's price (15.00 for project 8) wins over the general one: the fake keeps it in its state
    const forProject = await ppms.createOrder({ serviceId: "20601", login: "jdoe", quantity: 2, projectId: 8 });
    expect(server.state.orders.get(forProject)?.lines).toEqual([{ serviceId: 601, quantity: 2, unitPrice: 15 }]);
    await expect(ppms.getOrderLines(9999)).rejects.toBeInstanceOf(NoDataError);
  });

  it("createOrder: PUMAPI's refusals are PumapiActionErrors naming the action", async () => {
    const { ppms, sent } = await setup();
    const inactive = await ppms.createOrder({ serviceId: 40603, login: "jdoe", quantity: 1 }).catch((e: unknown) => e);
    expect(inactive).toBeInstanceOf(PumapiActionError);
    expect((inactive as Error).message).toMatch(/PUMAPI createorder.*service 40603 is not active/);
    await expect(ppms.createOrder({ serviceId: 20601, login: "nobody", quantity: 1 })).rejects.toMatchObject({ action: "createorder", answer: "error: invalid user nobody" });
    expect(sent("createorder")).toBe(2);
  });

  it("services and prices, filtered by core facility", async () => {
    const { ppms } = await setup();
    expect((await ppms.getServices()).map((s) => [s.serviceId, s.active])).toEqual([[20601, true], [20602, true], [40603, false]]);
    expect((await ppms.getServices({ coreId: 4 })).map((s) => s.name)).toEqual(["Data storage"]);
    const prices = await ppms.getPriceList({ coreId: 4 });
    expect(prices.map((p) => [p.localServiceId, p.affiliationId, p.price])).toEqual([[603, 3, 100]]);
    expect(joinPricesToServices(prices, await ppms.getServices({ coreId: 4 }), 4)[0]?.service?.name).toBe("Data storage");
    expect((await ppms.getOrders({ coreId: 4 }))).toEqual([]);
  });

  it("with format json, services, prices and orders come as JSON and give the same models", async () => {
    const csv = await setup();
    const json = await setup({ format: "json" });
    expect(await json.ppms.getServices()).toEqual(await csv.ppms.getServices());
    expect(await json.ppms.getOrders()).toEqual(await csv.ppms.getOrders());
    expect((await json.ppms.getServices())[1]?.name).toBe("Image analysis, per hour");
    const prices = await json.ppms.getPriceList();
    expect(prices[0]).toMatchObject({ localServiceId: 601, price: 15, minDate: "2030-01-01", maxDate: "2030-12-31" });
    const formats = json.server.requests.filter((r) => ["getservices", "getpriceslist", "getorders"].includes(r.action)).map((r) => r.form.format);
    expect(formats).toEqual(["json", "json", "json", "json"]);
  });

  it("addValidBcode then getValidBcodes; deleteValidBcode removes it", async () => {
    const { ppms, sent } = await setup();
    await ppms.addValidBcode("BC-2001", { expirationDate: new Date(2031, 5, 30) });
    expect(await ppms.getValidBcodes({ bcode: "BC-2001" })).toEqual([{ bcode: "BC-2001", expirationDate: "2031-06-30" }]);
    await ppms.addValidBcode("BC-3001");
    expect((await ppms.getValidBcodes()).map((v) => v.bcode)).toEqual(["BC-1001", "BC-1002", "BC-2001", "BC-3001"]);
    await ppms.deleteValidBcode("BC-1002");
    expect(await ppms.getValidBcodes({ bcode: "BC-1002" })).toEqual([]);
    await expect(ppms.deleteValidBcode("BC-1002")).rejects.toMatchObject({ name: "PumapiActionError", answer: "error: invalid bcode BC-1002" });
    expect(sent("addvalidbcode")).toBe(2);
  });

  it("invoices: list, one, details; setInventoryTrackingSent then the 'sent' list holds it", async () => {
    const { ppms, server } = await setup();
    const [first, second] = ["PPMS2-Imaging-20300228-0001", "PPMS2-Imaging-20300228-0002"];
    expect(await ppms.getInvoiceList()).toEqual([first, second]);
    expect((await ppms.getInvoice(second)).accounts).toEqual([{ accountNumber: "BC-1002", amount: 60 }]);
    await expect(ppms.getInvoice("PPMS2-Imaging-20300228-0999")).rejects.toMatchObject({ name: "NoDataError", action: "getinvoice" });
    const details = await ppms.getInvoiceDetails(first, { assistant: true });
    expect(details.map((l) => [l.section, l.system, l.finalAmount, l.extra.Assistant])).toEqual([["", "Zeiss LSM 900", 80, "Admin Facility"], ["Training", "Nikon Ti2", 75, ""]]);
    expect(await ppms.getInvoiceDetails(first, { bcode: "BC-9999" })).toEqual([]);

    expect((await ppms.getInventoryTrackingList({ filter: "sent" })).map((t) => t.invoiceRef)).toEqual([first]);
    await ppms.setInventoryTrackingSent(second);
    const sent = await ppms.getInventoryTrackingList({ filter: "sent" });
    expect(sent.map((t) => [t.invoiceRef, t.trackingRef, t.paid])).toEqual([[first, "T-301", false], [second, "T-302", false]]);
    expect(server.state.invoices.get(302)).toMatchObject({ sent: true, sentDate: "2030-03-14" });
    expect(await ppms.getInventoryTrackingList({ filter: "tosend" })).toEqual([]);
    expect((await ppms.getInventoryTrackingList({ filter: "unpaid" })).length).toBe(2);
    await expect(ppms.setInventoryTrackingSent("INV-0000")).rejects.toMatchObject({ name: "PumapiActionError", answer: "error: invalid invoice INV-0000" });
  });

  it("addSampleResult then getManifest shows it; the same title replaces the value", async () => {
    const { ppms } = await setup();
    expect((await ppms.getManifestList({ coreId: 2 })).map((m) => [m.manifestRef, m.orderRef])).toEqual([["71", "1001"]]);
    await ppms.addSampleResult("S-0002", "viability", "88%");
    await ppms.addSampleResult("S-0002", "confluence", "60%");
    await ppms.addSampleResult("S-0001", "viability", "95%");
    const samples = await ppms.getManifest(71);
    expect(samples.map((s) => [s.sampleId, s.fields])).toEqual([
      ["S-0001", { Type: "cells", viability: "95%", confluence: "" }],
      ["S-0002", { Type: "cells", viability: "88%", confluence: "60%" }],
    ]);
    await expect(ppms.addSampleResult("S-9999", "viability", "1%")).rejects.toMatchObject({ name: "PumapiActionError", answer: "error: invalid sample S-9999" });
    await expect(ppms.getManifest(72)).rejects.toMatchObject({ name: "NoDataError", action: "getmanifest" });
  });
});

describe("abort signals", () => {
  it("an aborted signal stops billing reads, writes and API2 before anything is sent", async () => {
    const { server, ppms } = await setup();
    const before = server.requests.length;
    const signal = AbortSignal.abort();
    await expect(ppms.getOrders({ signal })).rejects.toMatchObject({ name: "HttpAbortError" });
    await expect(ppms.createOrder({ serviceId: 601, login: "jdoe", quantity: 1 }, { signal })).rejects.toMatchObject({ name: "HttpAbortError" });
    await expect(ppms.getAccounts({ signal })).rejects.toMatchObject({ name: "HttpAbortError" });
    expect(server.requests.length).toBe(before);
  });
});

describe("API2 GetPPMSAccounts against the fake", () => {
  it("reaches <instance>/API2/ beside /pumapi/ with the API key, and filters by coreId", async () => {
    const { server, ppms } = await setup();
    const accounts = await ppms.getAccounts();
    expect(accounts.map((a) => [a.bcode, a.rowNum, a.active])).toEqual([["BC-1001", 1, true], ["BC-1002", 2, true], ["BC-2001", 3, false]]);
    expect(accounts[0]?.description).toBe("Cell Lab & friends, general");
    expect((await ppms.getAccounts({ coreId: 4 })).map((a) => a.bcode)).toEqual(["BC-2001"]);
    const api2 = server.requests.filter((r) => r.endpoint === "api2");
    expect(api2.map((r) => r.form)).toEqual([
      { action: "GetPPMSAccounts", apikey: "***", format: "json" },
      { action: "GetPPMSAccounts", apikey: "***", format: "json", coreId: "4" },
    ]);
  });

  it("takes its own API2 key; a refused key is an AuthenticationError that never shows it", async () => {
    const api2Key = "api2-Key-7f31c9";
    const { ppms } = await setup({}, { api2Key });
    const refused = await ppms.getAccounts().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as Error).message).toContain("PUMAPI GetPPMSAccounts");
    expect((await ppms.getAccounts({ api2Key })).length).toBe(3);
    const wrong = await ppms.getAccounts({ api2Key: "api2-Wrong-0a1b2c" }).catch((e: unknown) => e);
    expect(JSON.stringify(wrong)).not.toContain("api2-Wrong-0a1b2c");
    expect(String((wrong as Error).message)).not.toContain("api2-Wrong-0a1b2c");
  });

  it("an explicit api2Url; a base URL without a pumapi segment needs one", async () => {
    const { server, ppms } = await setup();
    expect((await ppms.getAccounts({ api2Url: server.api2Url.toLowerCase() })).length).toBe(3);
    const other = await connect({ baseUrl: `${server.origin}/pumapi`, apiKey: server.apiKey });
    expect((await other.getAccounts()).length).toBe(3);
    const odd = await connect({ baseUrl: `${server.origin}/ppms/api/`, cache: pumapiFixture("stage_0") }); // offline: no request
    await expect(odd.getAccounts()).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "api2Url" });
    await expect(ppms.getAccounts({ api2Url: "not a url" })).rejects.toMatchObject({ field: "api2Url" });
  });
});
