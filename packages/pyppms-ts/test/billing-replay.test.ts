import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RecordReplayCache } from "@facility-sdk/http-core";
import { stageDirs } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { NoDataError, PpmsInvalidArgumentError, PpmsInvoice, PpmsOrder } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { pumapiKey } from "./helpers/stages.js";

// The billing actions (valid billing codes, services, prices, orders, invoices, invoice tracking,
// sample manifests, API2 accounts) against recorded answers in the fake's format (stage_0).

const { stage, connect, tempDir } = useConnections();

/** A recorded cache of its own (file names test-cache's fixture rules do not allow), over stage_0. */
async function ownRecordings(files: Record<string, string>) {
  const dir = tempDir("pyppms-ts-billing-");
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  const cache = new RecordReplayCache({ dir, fallbackDirs: stageDirs("pumapi", 0), mode: "replay", key: pumapiKey() });
  const ppms = await connect({ baseUrl: "https://ppms.invalid/facility/pumapi/", cache });
  return { ppms, cache };
}

describe("valid billing codes (offline, stage_0)", () => {
  it("getValidBcodes reads a spaced header, an open-ended code, and one code or none", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getValidBcodes()).toEqual([
      { bcode: "BC-1001", expirationDate: "2031-12-31" },
      { bcode: "BC-1002", expirationDate: "2030-12-31" },
      { bcode: "BC-2001", expirationDate: "" },
    ]);
    expect(await ppms.getValidBcodes({ bcode: "BC-1002" })).toEqual([{ bcode: "BC-1002", expirationDate: "2030-12-31" }]);
    expect(await ppms.getValidBcodes({ bcode: "BC-0000" })).toEqual([]);
  });

  it("a header alone is no codes in strict mode too", async () => {
    const { ppms } = await stage(0, { strict: true });
    expect(await ppms.getValidBcodes({ bcode: "BC-0000" })).toEqual([]);
  });

  it("addValidBcode and deleteValidBcode send checked arguments; bad ones send nothing", async () => {
    const { ppms, fixture } = await stage(0);
    await expect(ppms.addValidBcode("BC-3001", { expirationDate: "2031-06-30" })).resolves.toBeUndefined();
    await expect(ppms.addValidBcode("BC-3001", { expirationDate: new Date(2031, 5, 30) })).resolves.toBeUndefined();
    await expect(ppms.deleteValidBcode("BC-1002")).resolves.toBeUndefined();
    const before = fixture.used().length;
    await expect(ppms.addValidBcode("", {})).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "bcode" });
    await expect(ppms.addValidBcode("BC-3001", { expirationDate: "30.06.2031" })).rejects.toMatchObject({ field: "expirationDate" });
    await expect(ppms.addValidBcode("BC-3001", { expirationDate: "2031-02-30" })).rejects.toMatchObject({ field: "expirationDate" });
    await expect(ppms.deleteValidBcode("  ")).rejects.toMatchObject({ field: "bcode" });
    expect(fixture.used()).toHaveLength(before);
  });
});

describe("services, prices, orders (offline, stage_0)", () => {
  it("getServices tolerates an extra column and lower-case booleans; coreId filters", async () => {
    const { ppms } = await stage(0);
    const services = await ppms.getServices();
    expect(services).toEqual([
      { serviceId: 601, coreFacilityRef: 2, name: "Sample preparation", group: "Preparation", unit: "sample", active: true },
      { serviceId: 602, coreFacilityRef: 2, name: "Image analysis & reporting, per hour", group: "Analysis", unit: "hour", active: true },
      { serviceId: 603, coreFacilityRef: 4, name: "Data storage", group: "Storage", unit: "TB", active: false },
    ]);
    expect((await ppms.getServices({ coreId: 4 })).map((s) => s.serviceId)).toEqual([603]);
    await expect(ppms.getServices({ coreId: "four" })).rejects.toMatchObject({ field: "coreId" });
  });

  it("getPriceList reads prices with two decimals; 0 means any", async () => {
    const { ppms } = await stage(0);
    const prices = await ppms.getPriceList();
    expect(prices).toHaveLength(4);
    expect(prices[0]).toEqual({ priority: 1, serviceId: 601, affiliationId: 0, projectId: 8, price: 15, minDate: "", maxDate: "" });
    expect(prices.find((p) => p.serviceId === 602)?.price).toBe(60.5);
  });

  it("getOrders skips the title line; an order without a project has projectId null", async () => {
    const { ppms } = await stage(0);
    const orders = await ppms.getOrders();
    expect(orders.map((o) => o.orderId)).toEqual([1001, 1002, 1004]);
    expect(orders[0]).toBeInstanceOf(PpmsOrder);
    expect(orders[0]).toMatchObject({ coreFacilityRef: 2, login: "jdoe", fullname: "Doe Jane", projectId: 8, accepted: true, completed: false, total: 45, comments: "Plates A & B" });
    expect(orders[1]).toMatchObject({ completed: true, completedDate: "2030-03-05", total: 140.75, fullname: "Kovač Boris" });
    expect(orders[2]).toMatchObject({ projectId: null, comments: 'Storage, "cold" tier', total: 0 });
    expect(String(orders[0])).toBe("order 1001 (jdoe, 2030-03-01)");
    expect((await ppms.getOrders({ coreId: 4 })).map((o) => o.orderId)).toEqual([1004]);
  });

  it("getOrderLines reads an order's lines; an unknown order is a NoDataError naming action and order", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getOrderLines(1002)).toEqual([
      { orderId: 1002, line: 1, serviceId: 602, service: "Image analysis & reporting, per hour", quantity: 1.5, unitPrice: 60.5, total: 90.75 },
      { orderId: 1002, line: 2, serviceId: 601, service: "Sample preparation", quantity: 2, unitPrice: 25, total: 50 },
    ]);
    const error = await ppms.getOrderLines("9999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDataError);
    expect(error).toMatchObject({ action: "getorderlines" });
    expect((error as Error).message).toMatch(/PUMAPI getorderlines.*Order \[9999\]/);
  });

  it("createOrder returns the new order id (digits without a line end)", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.createOrder({ serviceId: 601, login: "jdoe", quantity: 2 })).toBe(1005);
    const full = { serviceId: "602", login: "bkovac", quantity: 1.5, projectId: 7, completed: true, completedDate: "2030-03-14", comments: "Plate B" };
    expect(await ppms.createOrder(full)).toBe(1006);
  });

  it("createOrder checks every argument before sending", async () => {
    const { ppms, fixture } = await stage(0);
    const ok = { serviceId: 601, login: "jdoe", quantity: 2 };
    const before = fixture.used().length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, serviceId: 6.5 }, "serviceId"],
      [{ ...ok, serviceId: "abc" }, "serviceId"],
      [{ ...ok, login: "" }, "login"],
      [{ ...ok, quantity: 0 }, "quantity"],
      [{ ...ok, quantity: -1 }, "quantity"],
      [{ ...ok, quantity: Number.NaN }, "quantity"],
      [{ ...ok, quantity: "2" }, "quantity"],
      [{ ...ok, projectId: "seven" }, "projectId"],
      [{ ...ok, completedDate: "2030-3-14" }, "completedDate"],
      [{ ...ok, accepted: "yes" }, "accepted"],
      [{ ...ok, comments: 5 }, "comments"],
    ];
    for (const [fields, field] of cases) {
      const error = await ppms.createOrder(fields as never).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(PpmsInvalidArgumentError);
      expect(error, field).toMatchObject({ field });
    }
    await expect(ppms.createOrder(null as never)).rejects.toMatchObject({ field: "fields" });
    expect(fixture.used()).toHaveLength(before);
  });
});

describe("format json (offline, stage_0)", () => {
  it("services, prices and orders ask format=json and give the same models as CSV, entities unescaped", async () => {
    const csv = await stage(0);
    const json = await stage(0, { format: "json" });
    expect(await json.ppms.getServices()).toEqual(await csv.ppms.getServices());
    expect(await json.ppms.getOrders()).toEqual(await csv.ppms.getOrders());
    const jsonPrices = await json.ppms.getPriceList();
    expect(jsonPrices.map(({ minDate: _a, maxDate: _b, ...rest }) => rest)).toEqual((await csv.ppms.getPriceList()).map(({ minDate: _a, maxDate: _b, ...rest }) => rest));
    expect(jsonPrices[0]).toMatchObject({ minDate: "2030-01-01", maxDate: "2030-12-31" });
    expect(json.fixture.used().map((f) => f.split("/").slice(-2).join("/"))).toEqual(
      expect.arrayContaining(["getservices/format--json.txt", "getorders/format--json.txt", "getpriceslist/format--json.txt"]),
    );
  });

  it("actions without format=json are asked in CSV on a JSON connection", async () => {
    const { ppms } = await stage(0, { format: "json" });
    expect((await ppms.getOrderLines(1002)).map((l) => l.line)).toEqual([1, 2]);
    expect((await ppms.getValidBcodes()).length).toBe(3);
  });
});

describe("invoices and invoice tracking (offline, stage_0)", () => {
  it("getInvoiceList and getInvoice give PpmsInvoice models", async () => {
    const { ppms } = await stage(0);
    const invoices = await ppms.getInvoiceList();
    expect(invoices.map(String)).toEqual(["INV-2030-0001 (155.00, 2030-02-28)", "INV-2030-0002 (60.00, 2030-02-28)"]);
    expect(invoices[0]).toBeInstanceOf(PpmsInvoice);
    expect(await ppms.getInvoiceList({ coreId: 4 })).toEqual([]);
    const invoice = await ppms.getInvoice(301);
    expect(invoice).toEqual(invoices[0]);
    expect(invoice).toMatchObject({ invoiceId: 301, ref: "INV-2030-0001", coreFacilityRef: 2, bcode: "BC-1001", group: "cell_lab", amount: 155, sent: true, paid: false });
    const error = await ppms.getInvoice(999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDataError);
    expect((error as Error).message).toMatch(/PUMAPI getinvoice.*Invoice \[999\]/);
  });

  it("getInvoiceDetails reads lines, with the assistant when asked", async () => {
    const { ppms } = await stage(0);
    const plain = await ppms.getInvoiceDetails(301);
    expect(plain.map((l) => [l.item, l.quantity, l.unitPrice, l.amount, l.assistant])).toEqual([
      ["Zeiss LSM 900", 2, 40, 80, ""],
      ["Sample preparation", 3, 25, 75, ""],
    ]);
    const withAssistant = await ppms.getInvoiceDetails("301", { assistant: true });
    expect(withAssistant[0]).toEqual({
      invoiceId: 301, date: "2030-02-10", item: "Zeiss LSM 900", fullname: "Kovač Boris", login: "bkovac", bcode: "BC-1001",
      quantity: 2, unitPrice: 40, amount: 80, assistant: "Admin Facility",
    });
    await expect(ppms.getInvoiceDetails(999)).rejects.toBeInstanceOf(NoDataError);
  });

  it("getInventoryTrackingList filters; a filter other than tosend/sent/paid/unpaid sends nothing", async () => {
    const { ppms, fixture } = await stage(0);
    const all = await ppms.getInventoryTrackingList();
    expect(all[0]).toEqual({
      invoiceRef: "INV-2030-0001", invoiceId: 301, coreFacilityRef: 2, group: "cell_lab", bcode: "BC-1001", date: "2030-02-28",
      amount: 155, sent: true, sentDate: "2030-03-02", paid: false, paidDate: "",
    });
    expect((await ppms.getInventoryTrackingList({ filter: "sent" })).map((t) => t.invoiceRef)).toEqual(["INV-2030-0001"]);
    expect((await ppms.getInventoryTrackingList({ filter: "tosend" })).map((t) => t.invoiceRef)).toEqual(["INV-2030-0002"]);
    const before = fixture.used().length;
    await expect(ppms.getInventoryTrackingList({ filter: "overdue" as never })).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "filter" });
    await expect(ppms.setInventoryTrackingSent("")).rejects.toMatchObject({ field: "invoiceRef" });
    expect(fixture.used()).toHaveLength(before);
    await expect(ppms.setInventoryTrackingSent("INV-2030-0002")).resolves.toBeUndefined();
  });
});

describe("sample manifests (offline, stage_0)", () => {
  it("getManifestList and getManifest, results split into title and value", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getManifestList()).toEqual([{ manifestId: 71, coreFacilityRef: 2, title: "Plate screen, March", login: "jdoe", date: "2030-03-10", sampleCount: 2 }]);
    const samples = await ppms.getManifest(71);
    expect(samples[0]).toEqual({
      sampleId: "S-0001", manifestId: 71, name: "Well A1", type: "cells",
      results: [{ title: "viability", value: "92%" }, { title: "confluence", value: "70%" }],
      resultsText: "viability: 92%; confluence: 70%",
    });
    expect(samples[1]?.results).toEqual([]);
    await expect(ppms.getManifest(99)).rejects.toMatchObject({ name: "NoDataError", action: "getmanifest" });
  });

  it("addSampleResult is answered from a recording; empty arguments send nothing", async () => {
    const { ppms, cache } = await ownRecordings({ "addsampleresult/sampleID--S-0002__title--viability__value--88%.txt": "done\r\n" });
    await expect(ppms.addSampleResult("S-0002", "viability", "88%")).resolves.toBeUndefined();
    const before = cache.filesRead.length;
    const cases: [string, string, string, string][] = [
      ["", "viability", "88%", "sampleId"],
      ["S-0002", " ", "88%", "title"],
      ["S-0002", "viability", "", "value"],
    ];
    for (const [sampleId, title, value, field] of cases) {
      await expect(ppms.addSampleResult(sampleId, title, value)).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field });
    }
    expect(cache.filesRead).toHaveLength(before);
  });
});

describe("API2 accounts (offline, a recording of its own)", () => {
  const accounts =
    '[{"id":1,"coreId":2,"bcode":"BC-1001","description":"Cell Lab &amp; friends, general","groupLogin":"cell_lab","active":true,"expirationDate":"2031-12-31"},' +
    '{"id":2,"coreId":2,"bcode":"BC-1002","description":"Imaging methods","groupLogin":"imaging_group","active":true,"expirationDate":"2030-12-31"}]';

  it("getAccounts reads typed JSON values and unescapes entities", async () => {
    const { ppms } = await ownRecordings({ "GetPPMSAccounts/coreId--2__format--json.txt": accounts, "GetPPMSAccounts/format--json.txt": "[]" });
    expect(await ppms.getAccounts({ coreId: 2 })).toEqual([
      { id: 1, coreId: 2, bcode: "BC-1001", description: "Cell Lab & friends, general", groupLogin: "cell_lab", active: true, expirationDate: "2031-12-31" },
      { id: 2, coreId: 2, bcode: "BC-1002", description: "Imaging methods", groupLogin: "imaging_group", active: true, expirationDate: "2030-12-31" },
    ]);
    expect(await ppms.getAccounts()).toEqual([]);
    expect(ppms.lastServedFromCache).toBe(true);
    await expect(ppms.getAccounts({ coreId: -2 })).rejects.toMatchObject({ field: "coreId" });
  });

  it("an answer that does not fit names the action and the field", async () => {
    const { ppms } = await ownRecordings({ "GetPPMSAccounts/format--json.txt": '[{"id":"x","coreId":2,"bcode":"BC-1","active":true}]' });
    await expect(ppms.getAccounts()).rejects.toMatchObject({ name: "PumapiValidationError", action: "GetPPMSAccounts", field: "id" });
  });
});
