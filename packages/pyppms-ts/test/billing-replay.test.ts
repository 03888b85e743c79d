import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RecordReplayCache } from "@facility-sdk/http-core";
import { stageDirs } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { joinPricesToServices, NoDataError, PpmsInvalidArgumentError, PpmsInvoice, PpmsOrder } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { pumapiKey } from "./helpers/stages.js";

// The billing actions (valid billing codes, services, prices, orders, invoices, invoice tracking,
// sample manifests, API2 accounts) against recorded answers in the public formats (stage_0; the
// source of each format is in docs/wire-formats.md).

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
  it("getServices (crukci: `Service id, Name, Group, Active`) tolerates an extra column, spaced header and lower-case booleans; coreId filters", async () => {
    const { ppms } = await stage(0);
    const services = await ppms.getServices();
    expect(services).toEqual([
      { serviceId: 20601, name: "Sample preparation", group: "Preparation", active: true },
      { serviceId: 20602, name: "Image analysis & reporting, per hour", group: "Analysis", active: true },
      { serviceId: 40603, name: "Data storage", group: "Storage", active: false },
    ]);
    expect((await ppms.getServices({ coreId: 4 })).map((s) => s.serviceId)).toEqual([40603]);
    await expect(ppms.getServices({ coreId: "four" })).rejects.toMatchObject({ field: "coreId" });
  });

  it("getPriceList (CSV `priority,service,affiliationid,projectid,Price`) names services by LOCAL id; joined to getServices by core × 10000", async () => {
    const { ppms } = await stage(0);
    const prices = await ppms.getPriceList();
    expect(prices).toHaveLength(4);
    expect(prices[0]).toEqual({ priority: 1, localServiceId: 601, affiliationId: 0, projectId: 8, price: 15, minDate: "", maxDate: "" });
    const joined = joinPricesToServices(prices, await ppms.getServices(), 2);
    expect(joined.map((p) => [p.serviceId, p.service?.name ?? null])).toEqual([
      [20601, "Sample preparation"], [20601, "Sample preparation"], [20602, "Image analysis & reporting, per hour"], [20603, null],
    ]);
  });

  it("getOrders (2014 documentation's columns) skips the title line `Orders`, strips a tab inside a value", async () => {
    const { ppms } = await stage(0);
    const orders = await ppms.getOrders();
    expect(orders.map((o) => o.orderId)).toEqual([1001, 1002, 1004]);
    expect(orders[0]).toBeInstanceOf(PpmsOrder);
    expect({ ...orders[1] }).toEqual({
      orderId: 1002, coreFacilityRef: 2, user: "bkovac", group: "cell_lab", projectRef: "7", quotedDate: "2030-02-27", orderedDate: "2030-03-02",
      completedDate: "2030-03-05", status: "Completed", invoiced: true,
    });
    expect(orders[2]).toMatchObject({ user: "ops.robot", projectRef: "", invoiced: false });
    expect(String(orders[0])).toBe("order 1001 (jdoe, Accepted)");
    expect((await ppms.getOrders({ coreId: 4 })).map((o) => o.orderId)).toEqual([1004]);
  });

  it("getOrderLines reads crukci's `Order ID, ServiceID, Quantity, Group, Invoiced`; an unknown order is a NoDataError naming action and order", async () => {
    const { ppms } = await stage(0);
    const none = { orderRef: "", coreFacilityRef: null, user: "", projectRef: "", quotedDate: "", orderedDate: "", completedDate: "", status: "" };
    expect(await ppms.getOrderLines(1002)).toEqual([
      { ...none, orderId: "1002", serviceId: 20602, quantity: 1.5, group: "cell_lab", invoiced: true },
      { ...none, orderId: "1002", serviceId: 20601, quantity: 2, group: "cell_lab", invoiced: true },
    ]);
    const error = await ppms.getOrderLines("9999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDataError);
    expect(error).toMatchObject({ action: "getorderlines" });
    expect((error as Error).message).toMatch(/PUMAPI getorderlines.*Order \[9999\]/);
  });

  it("createOrder returns the new order id (digits without a line end)", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.createOrder({ serviceId: 20601, login: "jdoe", quantity: 2 })).toBe(1005);
    const full = { serviceId: "20602", login: "bkovac", quantity: 1.5, projectId: 7, completed: true, completedDate: "2030-03-14", comments: "Plate B" };
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
    expect((await ppms.getOrderLines(1002)).map((l) => l.serviceId)).toEqual([20602, 20601]);
    expect((await ppms.getValidBcodes()).length).toBe(3);
  });
});

describe("invoices and invoice tracking (offline, stage_0)", () => {
  const first = "PPMS2-Imaging-20300228-0001";

  it("getInvoiceList reads string invoice ids, one per line, no header; an empty answer is no invoices", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getInvoiceList()).toEqual([first, "PPMS2-Imaging-20300228-0002"]);
    expect(await ppms.getInvoiceList({ coreId: 4 })).toEqual([]);
  });

  it("getInvoice reads headerless `account number, amount` lines into a PpmsInvoice; an unknown id is a NoDataError", async () => {
    const { ppms } = await stage(0);
    const invoice = await ppms.getInvoice(first);
    expect(invoice).toBeInstanceOf(PpmsInvoice);
    expect(invoice).toMatchObject({ invoiceId: first, accounts: [{ accountNumber: "BC-1001", amount: 155 }], total: 155 });
    expect(String(invoice)).toBe(`${first} (1 accounts, 155.00)`);
    const error = await ppms.getInvoice("PPMS2-Imaging-20300228-0009").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoDataError);
    expect((error as Error).message).toMatch(/PUMAPI getinvoice.*Invoice \[PPMS2-Imaging-20300228-0009\]/);
  });

  it("getInvoiceDetails skips the preamble and reads each section under its own header (a Training section with `Duration`)", async () => {
    const { ppms } = await stage(0);
    const lines = await ppms.getInvoiceDetails(first);
    expect(lines.map((l) => [l.section, l.sessionType, l.system, l.durationBooked, l.durationUsed, l.finalAmount])).toEqual([
      ["", "autonomous session", "Zeiss LSM 900", "2", "2", 80],
      ["Training", "training", "Nikon Ti2", "3", "3", 75],
    ]);
    expect(lines[0]).toEqual({
      section: "", sessionType: "autonomous session", project: "", affiliation: "", accountNumber: "", reference: "9001", user: "Kovač Boris", systemType: "Confocal", system: "Zeiss LSM 900",
      date: "2030-02-10", startTime: "09:00", durationBooked: "2", durationUsed: "2", notes: "", fee: 0, subsidy: 0, finalAmount: 80, group: "cell_lab", extra: {},
    });
    const withAssistant = await ppms.getInvoiceDetails(first, { assistant: true });
    expect(withAssistant.map((l) => l.extra)).toEqual([{ Assistant: "Admin Facility" }, { Assistant: "" }]);
    await expect(ppms.getInvoiceDetails("PPMS2-Imaging-20300228-0009")).rejects.toBeInstanceOf(NoDataError);
  });

  it("getInventoryTrackingList reads the 2014 documentation's 19 columns (spaced header), keeping the untyped ones; bad filters send nothing", async () => {
    const { ppms, fixture } = await stage(0);
    const all = await ppms.getInventoryTrackingList({ filter: "unpaid" });
    const blank = { "Reference Payment": "", "Date Payment": "", Metadata2: "", Metadata3: "", Metadata4: "", Metadata5: "", Metadata6: "" };
    expect(all[1]).toEqual({
      trackingRef: "T-302", invoiceRef: "PPMS2-Imaging-20300228-0002", coreFacilityRef: 2, invoiceDate: "2030-02-28", bcode: "BC-1002", amount: 60,
      paid: false, emails: ["jane.doe@lab.example", "facility.admin@lab.example"],
      extra: { PO: "", "Date created": "2030-02-28", Metadata1: "cost centre 7", ...blank, Address: "Lab Street 1, 4000 Town" },
    });
    expect((await ppms.getInventoryTrackingList({ filter: "sent" })).map((t) => t.invoiceRef)).toEqual([first]);
    expect((await ppms.getInventoryTrackingList({ filter: "tosend" })).map((t) => t.trackingRef)).toEqual(["T-302"]);
    const before = fixture.used().length;
    await expect(ppms.getInventoryTrackingList({ filter: "overdue" as never })).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "filter" });
    // The 2014 documentation marks the filter mandatory: left out, it is refused before sending.
    await expect(ppms.getInventoryTrackingList({} as never)).rejects.toThrow(/filter.*missing \(PUMAPI requires it\)/);
    await expect(ppms.getInventoryTrackingList(undefined as never)).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "filter" });
    await expect(ppms.setInventoryTrackingSent("")).rejects.toMatchObject({ field: "invoiceRef" });
    expect(fixture.used()).toHaveLength(before);
    await expect(ppms.setInventoryTrackingSent("PPMS2-Imaging-20300228-0002")).resolves.toBeUndefined();
  });
});

describe("sample manifests (offline, stage_0)", () => {
  it("getManifestList (reference, name, order ref., core facility ref.) and getManifest (template columns kept as fields)", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getManifestList()).toEqual([{ manifestRef: "71", name: "Plate screen, March", orderRef: "1001", coreFacilityRef: 2 }]);
    const samples = await ppms.getManifest(71);
    expect(samples[0]).toEqual({
      sampleId: "S-0001", plate: "P1", x: "1", y: "A", sampleRef: "Well A1", fields: { Type: "cells", viability: "92%", confluence: "70%" },
    });
    expect(samples[1]?.fields).toEqual({ Type: "cells", viability: "", confluence: "" });
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
  // The keys of the public samples: no id, no coreId; `active` is the string "true".
  const accounts =
    '[{"bcode":"BC-1001","descriptionShort":"Cell Lab &amp; friends, general","rowNum":1,"affiliation":"Lab of Cells, Dept. B","expirationDatePost":"2031-12-31","active":"true"},' +
    '{"bcode":"BC-1002","descriptionShort":"Imaging methods","rowNum":2,"affiliation":"","expirationDatePost":"","active":"false"}]';

  it("getAccounts reads GetPPMSAccounts' public keys, `active` as a string, and unescapes entities", async () => {
    const { ppms } = await ownRecordings({ "GetPPMSAccounts/coreId--2__format--json.txt": accounts, "GetPPMSAccounts/format--json.txt": "[]" });
    expect(await ppms.getAccounts({ coreId: 2 })).toEqual([
      { bcode: "BC-1001", description: "Cell Lab & friends, general", rowNum: 1, affiliation: "Lab of Cells, Dept. B", expirationDate: "2031-12-31", active: true },
      { bcode: "BC-1002", description: "Imaging methods", rowNum: 2, affiliation: "", expirationDate: "", active: false },
    ]);
    expect(await ppms.getAccounts()).toEqual([]);
    expect(ppms.lastServedFromCache).toBe(true);
    await expect(ppms.getAccounts({ coreId: -2 })).rejects.toMatchObject({ field: "coreId" });
  });

  it("an answer that does not fit names the action and the field", async () => {
    const { ppms } = await ownRecordings({ "GetPPMSAccounts/format--json.txt": '[{"bcode":"BC-1","active":"maybe"}]' });
    await expect(ppms.getAccounts()).rejects.toMatchObject({ name: "PumapiValidationError", action: "GetPPMSAccounts", field: "active" });
  });
});
