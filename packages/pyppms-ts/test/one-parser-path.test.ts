import { describe, expect, it } from "vitest";
import { invoiceAccountRows, invoiceDetailRows, ResponseFormatError } from "../src/index.js";
import { captureLogger } from "./helpers/logger.js";
import { useScriptedPumapi } from "./helpers/harness.js";

const scripted = useScriptedPumapi({ apiKey: "parsers-Key-3c90", retry: { limit: 0 } });

describe("table reads find the header by the model's names (one parser path)", () => {
  it("getOrders: a title line `Orders,` (a trailing comma) is not taken as the header", async () => {
    const header = "Core facility ref.,Order ref.,User,Group,Project ref,Quoted date,Ordered date,Completed date,Status,Invoiced";
    const { ppms } = await scripted.setup(() => ({ body: `Orders,\r\n${header}\r\n2,1001,jdoe,cell_lab,7,,2030/03/01,,Ordered,No\r\n` }));
    const [order] = await ppms.getOrders();
    expect(order).toMatchObject({ orderId: 1001, status: "Ordered" });
  });

  it("getServices and getInventoryTrackingList skip a title line with a trailing comma too", async () => {
    const { ppms } = await scripted.setup((form) =>
      form.action === "getservices"
        ? { body: "Services,\r\nService id,Name,Group,Active\r\n70112,Sequencing,Runs,True\r\n" }
        : { body: "Tracking,\r\nInvoice tracking ref.,PPMS invoice ref,Emails\r\nT-1,PPMS2-X-1,a@lab.example\r\n" },
    );
    expect((await ppms.getServices())[0]?.name).toBe("Sequencing");
    expect((await ppms.getInventoryTrackingList({ filter: "tosend" }))[0]).toMatchObject({ invoiceRef: "PPMS2-X-1" });
  });
});

describe("the invoice row readers take the parse options", () => {
  it("strict mode refuses a detail line with more fields than its header; graceful mode warns through the logger", () => {
    const text = "Invoice X\r\nSession Type,Reference\r\nautonomous,R1,extra\r\n";
    expect(() => invoiceDetailRows(text, { graceful: false })).toThrow(ResponseFormatError);
    const { logger, text: logged } = captureLogger();
    expect(invoiceDetailRows(text, { logger })[0]?.Reference).toBe("R1");
    expect(logged()).toMatch(/field/i);
  });

  it("strict mode refuses an unterminated quote in a getinvoice line", () => {
    expect(() => invoiceAccountRows('"BC-1001,155.00\r\n', { graceful: false })).toThrow(ResponseFormatError);
    expect(invoiceAccountRows("BC-1001,155.00\r\n", { graceful: false })).toEqual([{ "account number": "BC-1001", amount: "155.00" }]);
  });
});

describe("getprojects: `|` is a line break in CSV answers only", () => {
  it("CSV `a|b` is two lines; JSON `a|b` is kept as sent", async () => {
    const csv = await scripted.setup(() => ({ body: "Core facility ref.,Project name,Phase,Active,Bcode,Project ref.,Affiliation,Project Type,Project Group,Descr\r\n2,P,1,True,,7,,,,a|b\r\n" }));
    expect((await csv.ppms.getProjects()).get(7)?.description).toBe("a\nb");
    const json = await scripted.setup(() => ({ body: '[{"ProjectRef":7,"ProjectName":"P","Active":"True","Descr":"pipes | kept"}]' }), { format: "json" });
    expect((await json.ppms.getProjects()).get(7)?.description).toBe("pipes | kept");
  });
});

describe("getmanifestlist with the 2014 documentation's spellings", () => {
  it("`order ref. for manifest` and `core facility reference` are the order and the core", async () => {
    const { ppms } = await scripted.setup(() => ({ body: "Manifests,\r\nmanifest reference,manifest name,order ref. for manifest,core facility reference\r\nM-71,Plate screen,1001,2\r\n" }));
    expect(await ppms.getManifestList()).toEqual([{ manifestRef: "M-71", name: "Plate screen", orderRef: "1001", coreFacilityRef: 2 }]);
  });
});
