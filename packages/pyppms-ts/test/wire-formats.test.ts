import { describe, expect, it } from "vitest";
import {
  accountFromRecord,
  joinPricesToServices,
  normaliseHeaderName,
  parseAccounts,
  parseHeaderless,
  parseInvoice,
  parseInvoiceDetails,
  parseInvoiceList,
  parseInvoiceTracking,
  parseJsonRecords,
  parseLoginList,
  parseManifest,
  parseManifestList,
  parseOrderLines,
  parseOrders,
  parsePriceList,
  parseSections,
  parseServices,
  parseTable,
  PpmsInvalidArgumentError,
  PpmsProject,
  priceFromRecord,
  ResponseFormatError,
  userExperienceFromRecord,
} from "../src/index.js";

// One test per answer shape the public evidence shows, each naming its source (the sources are
// listed in docs/wire-formats.md). Bodies are invented values in those shapes.

const crlf = (...lines: string[]): string => lines.map((l) => `${l}\r\n`).join("");

describe("getorders (PUMAPI documentation 2014: columns; crukci ppms_wrapper reads the header on line 2)", () => {
  const header = "Core facility ref.,Order ref.,User,Group,Project ref,Quoted date,Ordered date,Completed date,Status,Invoiced";
  const row = '7,1001,"Doe Jane","imaging_group","P-8","2030-02-27","2030-03-01","","Ordered","No"';

  it("a title line `Orders`, then the header on line 2", () => {
    const [order] = parseOrders(crlf("Orders", header, row));
    expect({ ...order }).toEqual({
      orderId: 1001, coreFacilityRef: 7, user: "Doe Jane", group: "imaging_group", projectRef: "P-8", quotedDate: "2030-02-27",
      orderedDate: "2030-03-01", completedDate: "", status: "Ordered", invoiced: false,
    });
  });

  it("no title line (noheaders off, a server without it), LF line ends, a BOM", () => {
    expect(parseOrders(`\ufeff${header}\n${row}\n`).map((o) => o.orderId)).toEqual([1001]);
  });

  it("columns reordered, renamed in case and spacing, one missing, one extra, tabs inside values", () => {
    const body = crlf("Orders", " order REF , STATUS ,Invoiced , Comments", "1002,\tCompleted\t,yes,kept");
    expect(parseOrders(body)[0]).toMatchObject({ orderId: 1002, status: "Completed", invoiced: true, coreFacilityRef: null, user: "" });
  });

  it("empty text is no orders; a record that does not fit names record and field", () => {
    expect(parseOrders("")).toEqual([]);
    expect(() => parseOrders(crlf("Orders", header, row.replace("1001", "x")))).toThrow(/record 2: field 'orderref'/);
  });
});

describe("getorderlines", () => {
  it("crukci ppms_wrapper: `Order ID, ServiceID, Quantity, Group, Invoiced`", () => {
    expect(parseOrderLines(crlf("Order ID,ServiceID,Quantity,Group,Invoiced", "5501,70112,1.5,cell_lab,True"))[0]).toMatchObject({
      orderId: "5501", serviceId: 70112, quantity: 1.5, group: "cell_lab", invoiced: true, orderRef: "", coreFacilityRef: null,
    });
  });

  it("ucdavis StratoCore-API-Python-Example orderline.py: 13 columns (it reads them by position; mapped here by name)", () => {
    const body = crlf(
      "Core facility ref.,Order ref.,Order ID,Service ID,Quantity,User,Group,Project ref,Quoted date,Ordered date,Completed date,Status,Invoiced",
      '7,1001,5501,70112,2,"jdoe","imaging_group","P-8","","2030-03-01","2030-03-05","Completed","No"',
    );
    expect(parseOrderLines(body)[0]).toEqual({
      orderId: "5501", serviceId: 70112, quantity: 2, orderRef: "1001", coreFacilityRef: 7, user: "jdoe", group: "imaging_group", projectRef: "P-8",
      quotedDate: "", orderedDate: "2030-03-01", completedDate: "2030-03-05", status: "Completed", invoiced: false,
    });
  });
});

describe("getinvoicelist (invoice ids one per line, no header: string ids such as PPMS2-CoreName-20180601-DRAFT)", () => {
  it("string ids, CRLF or LF, a BOM and tabs stripped; empty text (HTTP 204) is none", () => {
    expect(parseInvoiceList("\ufeffPPMS2-CoreName-20180601-DRAFT\r\nPPMS2-CoreName-20180501-0042\t\n")).toEqual([
      "PPMS2-CoreName-20180601-DRAFT",
      "PPMS2-CoreName-20180501-0042",
    ]);
    expect(parseInvoiceList("")).toEqual([]);
  });
});

describe("getinvoice (PUMAPI documentation 2014; drmatthews ppms-invoice-email reads it with names=[bcode, total])", () => {
  it("headerless `account number, amount` lines", () => {
    const invoice = parseInvoice("PPMS2-CoreName-20180601-DRAFT", crlf("BC-1001,155.00", "BC-1002 , 60.5"));
    expect(invoice.accounts).toEqual([{ accountNumber: "BC-1001", amount: 155 }, { accountNumber: "BC-1002", amount: 60.5 }]);
    expect(invoice.total).toBe(215.5);
    expect(parseInvoice("X", "").accounts).toEqual([]);
  });

  it("an amount that is not a number names the record and the field", () => {
    expect(() => parseInvoice("X", crlf("BC-1001,lots"))).toThrow(ResponseFormatError);
    expect(() => parseInvoice("X", crlf("BC-1001,lots"))).toThrow(/field 'amount'/);
  });
});

describe("getinvoicedetails (PUMAPI documentation 2014; drmatthews ppms-invoice-email and nicatkcl ppms_invoice_client read it so)", () => {
  const header = "Session Type, Reference, User, System Type, System, Date, Start time, Duration (booked), Duration (used), Notes, Fee, Subsidy, Final Amount, Group";
  const body = crlf(
    "Invoice PPMS2-CoreName-20180601-DRAFT",
    "Period: 2018-05-01 to 2018-05-31",
    "Account: BC-1001",
    header,
    '"autonomous session",R-1,"Doe Jane","Confocal","Zeiss LSM 900","2018-05-02","09:00","2:00","1:45","late start",5.00,2.50,82.50,"imaging_group"',
    '"assisted session",R-2,"Doe Jane","Confocal","Zeiss LSM 900","2018-05-03","10:00","1:00","1:00","",0,0,40.00,"imaging_group"',
    "Training",
    "Session Type,Reference,User,System Type,System,Date,Start time,Duration,Notes,Fee,Subsidy,Final Amount,Group",
    '"training",R-3,"Doe Jane","Confocal","Zeiss LSM 900","2018-05-04","14:00","3:00","",,,60.00,"imaging_group"',
  );

  it("preamble lines skipped, each section read under its own header, its title kept", () => {
    const lines = parseInvoiceDetails(body);
    expect(lines.map((l) => [l.section, l.sessionType, l.reference, l.finalAmount])).toEqual([
      ["", "autonomous session", "R-1", 82.5],
      ["", "assisted session", "R-2", 40],
      ["Training", "training", "R-3", 60],
    ]);
    expect(lines[0]).toMatchObject({ durationBooked: "2:00", durationUsed: "1:45", notes: "late start", fee: 5, subsidy: 2.5, group: "imaging_group" });
    expect(lines[2]).toMatchObject({ durationBooked: "3:00", durationUsed: "3:00", fee: null, subsidy: null });
  });

  it("the sections as parsed: preamble lines and headers", () => {
    const { preamble, sections } = parseSections(body, { expect: ["Session Type", "Reference", "Final Amount"] });
    expect(preamble).toEqual(["Invoice PPMS2-CoreName-20180601-DRAFT", "Period: 2018-05-01 to 2018-05-31", "Account: BC-1001"]);
    expect(sections.map((s) => [s.title, s.records.length])).toEqual([["", 2], ["Training", 1]]);
  });

  it("the 2014 documentation's 26-column variant (ucdavis invoicedetails.py reads it by position) maps by name; unknown columns kept in extra", () => {
    const wide = crlf("Reference,User,Group,Project,Affiliation,Session type,System type,System,Date,Start time,Duration (booked),Duration (used),Account number,Rebate,Fee,Subsidy,Final amount", "R-9,jdoe,imaging_group,P-8,Lab,autonomous,Confocal,LSM,2018-05-02,09:00,2,2,BC-1001,0,0,0,80");
    expect(parseInvoiceDetails(wide)[0]).toMatchObject({ reference: "R-9", sessionType: "autonomous", accountNumber: "BC-1001", project: "P-8", affiliation: "Lab", finalAmount: 80, extra: { Rebate: "0" } });
  });

  it("empty text is no lines", () => {
    expect(parseInvoiceDetails("")).toEqual([]);
  });
});

describe("getinvtracklist (PUMAPI documentation 2014: `Invoice tracking ref., Core facility ref., ..., PPMS invoice ref, ..., Emails`)", () => {
  it("the documented 19 columns: the main ones typed, the rest kept as sent", () => {
    const body = crlf(
      "Invoice tracking ref.,Core facility ref.,Invoice date,PPMS invoice ref,Bcode,PO,Date created,Amount,Paid,Reference Payment,Date Payment,Metadata1,Metadata2,Metadata3,Metadata4,Metadata5,Metadata6,Address,Emails",
      'T-77,7,2018-06-01,PPMS2-CoreName-20180601-0042,BC-1001,PO-1,2018-06-02,155.00,Yes,PAY-9,2018-07-01,m1,,,,,,"Lab Street 2, Town","a@lab.example, b@lab.example"',
    );
    expect(parseInvoiceTracking(body)[0]).toMatchObject({
      trackingRef: "T-77", invoiceRef: "PPMS2-CoreName-20180601-0042", coreFacilityRef: 7, invoiceDate: "2018-06-01", bcode: "BC-1001", amount: 155, paid: true,
      emails: ["a@lab.example", "b@lab.example"],
    });
    expect(parseInvoiceTracking(body)[0]?.extra).toMatchObject({ PO: "PO-1", "Reference Payment": "PAY-9", Metadata1: "m1", Address: "Lab Street 2, Town" });
  });

  it("unknown or missing middle columns: kept or left empty", () => {
    const body = crlf("Invoice tracking ref., Status ,PPMS invoice ref,Sent on,Emails", "T-77,to send,PPMS2-CoreName-20180601-0042,,a@lab.example; b@lab.example");
    expect(parseInvoiceTracking(body)).toEqual([
      {
        trackingRef: "T-77", invoiceRef: "PPMS2-CoreName-20180601-0042", coreFacilityRef: null, invoiceDate: "", bcode: "", amount: null, paid: null,
        emails: ["a@lab.example", "b@lab.example"], extra: { Status: "to send", "Sent on": "" },
      },
    ]);
  });
});

describe("getmanifestlist and getmanifest (PUMAPI documentation 2014)", () => {
  it("getmanifestlist: manifest reference, manifest name, order ref., core facility ref.", () => {
    expect(parseManifestList(crlf("Manifest reference,Manifest name,Order ref.,Core facility ref.", 'M-12,"Plate screen, March",1001,7'))).toEqual([
      { manifestRef: "M-12", name: "Plate screen, March", orderRef: "1001", coreFacilityRef: 7 },
    ]);
  });

  it("getmanifest: sampleID, plate, x, y, sample reference, then the template's own columns as extra fields", () => {
    const body = crlf("sampleID,plate,x,y,sample reference,Concentration (ng/ul),Buffer", "S-1,P1,1,A,Well A1,12.5,TE");
    expect(parseManifest(body)).toEqual([{ sampleId: "S-1", plate: "P1", x: "1", y: "A", sampleRef: "Well A1", fields: { "Concentration (ng/ul)": "12.5", Buffer: "TE" } }]);
  });
});

describe("getservices and getpriceslist (crukci ppms_wrapper: columns and the core × 10000 join)", () => {
  const services = parseServices(crlf("Service id,Name,Group,Active", '70112,"Sequencing, per lane",Runs,True', "70113,Library prep,Prep,False"));

  it("getservices: `Service id, Name, Group, Active` with True/False", () => {
    expect(services).toEqual([
      { serviceId: 70112, name: "Sequencing, per lane", group: "Runs", active: true },
      { serviceId: 70113, name: "Library prep", group: "Prep", active: false },
    ]);
  });

  it("getpriceslist CSV `priority,service,affiliationid,projectid,Price`", () => {
    expect(parsePriceList(crlf("priority,service,affiliationid,projectid,Price", "1,112,3,0,150.25"))).toEqual([
      { priority: 1, localServiceId: 112, affiliationId: 3, projectId: 0, price: 150.25, minDate: "", maxDate: "" },
    ]);
  });

  it("getpriceslist JSON: `price` a number, `minDate`, `maxDate`", () => {
    const [record] = parseJsonRecords('[{"priority":1,"service":112,"affiliationid":0,"projectid":0,"price":99.5,"minDate":"2018-01-01","maxDate":"2018-12-31"}]');
    expect(priceFromRecord(record!)).toEqual({ priority: 1, localServiceId: 112, affiliationId: 0, projectId: 0, price: 99.5, minDate: "2018-01-01", maxDate: "2018-12-31" });
  });

  it("joinPricesToServices: Service id = core × 10000 + the price list's local service id; unknown → null; a bad core is refused", () => {
    const prices = parsePriceList(crlf("priority,service,affiliationid,projectid,Price", "1,112,0,0,150", "1,999,0,0,1"));
    const joined = joinPricesToServices(prices, services, 7);
    expect(joined.map((p) => [p.serviceId, p.service?.name ?? null, p.price])).toEqual([[70112, "Sequencing, per lane", 150], [70999, null, 1]]);
    expect(() => joinPricesToServices(prices, services, 7.5)).toThrow(PpmsInvalidArgumentError);
  });
});

describe("getprojects (header in pumapi.md; line breaks inside descriptions come as `|`; JSON keys ProjectRef, ProjectName, ExpirationDate, Active)", () => {
  it("CSV: `Core facility ref.,Project name,...,Descr` with `|` for a line break", () => {
    const body = crlf("Core facility ref.,Project name,Phase,Active,Bcode,Project ref.,Affiliation,Project Type,Project Group,Descr", '7,"Cell migration",1,True,BC-1001,12,"Lab","Research","cell_lab","Two channels|live imaging"');
    const [row] = parseTable(body);
    const project = PpmsProject.fromRecord(row!);
    expect(project).toMatchObject({ projectId: 12, name: "Cell migration", active: true, type: "Research", group: "cell_lab", description: "Two channels\nlive imaging" });
  });

  it("JSON with only `ProjectRef, ProjectName, ExpirationDate, Active`", () => {
    const [record] = parseJsonRecords('[{"ProjectRef":12,"ProjectName":"Cell migration","ExpirationDate":"2031-06-30","Active":"True"}]');
    expect(PpmsProject.fromRecord(record!)).toMatchObject({ projectId: 12, name: "Cell migration", expirationDate: "2031-06-30", active: true });
  });
});

describe("getusers (crukci ppms_wrapper unescapes HTML in logins)", () => {
  it("HTML-encoded logins are decoded, twice-encoded ones too", () => {
    expect(parseLoginList(crlf("jdoe", "o&#39;brien", "d&amp;#39;arcy", "a&amp;amp;b"))).toEqual(["jdoe", "o'brien", "d'arcy", "a&b"]);
  });
});

describe("getuserexp (JSON keys with spaces, dates YYYY/MM/DD)", () => {
  it("`booked hours` keys and slashed dates give the CSV model", () => {
    const [record] = parseJsonRecords('[{"login":"jdoe","id":"31","booked hours":"120.5","used hours":"118","last res":"2030/03/10","last train":"n/a"}]');
    expect(userExperienceFromRecord(record!)).toEqual({ login: "jdoe", id: 31, booked_hours: 120.5, used_hours: 118, last_res: "2030-03-10", last_train: "n/a" });
    expect(userExperienceFromRecord({ login: "jdoe", id: "31", booked_hours: "1", used_hours: "1", last_res: "2030-03-10", last_train: "" }).last_res).toBe("2030-03-10");
  });
});

describe("API2 GetPPMSAccounts (crukci ppms_wrapper's samples: `active` is the string \"true\"; no id, no coreId)", () => {
  it("the public keys", () => {
    const body = '[{"bcode":"BC-1001","descriptionShort":"Cells &amp; more","rowNum":"1","affiliation":"Lab","expirationDatePost":"2031-12-31","active":"true"}]';
    expect(parseAccounts(body)).toEqual([{ bcode: "BC-1001", description: "Cells & more", rowNum: 1, affiliation: "Lab", expirationDate: "2031-12-31", active: true }]);
  });

  it("an empty body (HTTP 204) is no accounts; a missing bcode names the field", () => {
    expect(parseAccounts("")).toEqual([]);
    expect(() => accountFromRecord({ active: "true" })).toThrow(/field 'bcode' is missing/);
  });
});

describe("the table layer's tolerances", () => {
  it("header names compare case-, space- and punctuation-insensitively", () => {
    expect(normaliseHeaderName(" Order ref. ")).toBe(normaliseHeaderName("OrderRef"));
  });

  it("a header alone, a title alone, or empty text is no records; headerless lines keep extra fields by column number", () => {
    expect(parseTable(crlf("Orders", "Order ref.,Status"), { expect: ["Order ref."] })).toEqual([]);
    expect(parseTable(crlf("Orders"))).toEqual([]);
    expect(parseTable("\ufeff")).toEqual([]);
    expect(parseHeaderless(crlf("a,1,extra"), ["name", "value"])).toEqual([{ name: "a", value: "1", "column 3": "extra" }]);
  });

  it("strict mode still throws on a data line that does not fit its header", () => {
    expect(() => parseTable(crlf("a,b", "1,2,3"), { graceful: false })).toThrow(ResponseFormatError);
    expect(parseTable(crlf("a,b", "1,2,3"))).toEqual([{ a: "1", b: "2" }]);
  });
});
