import { describe, expect, it } from "vitest";
import { looksLikeJson, parseJsonRecord, parseJsonRecords, PpmsSystem, PumapiValidationError, ResponseFormatError, NoDataError } from "../src/index.js";
import { useFakePumapi } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

// format: "json": the reads that support it send format=json and give the same typed models as
// CSV, HTML entities unescaped. Plus getSystems({ id }) for one system.

const NOW = new Date(2030, 2, 14, 9, 0);
const pumapi = useFakePumapi(NOW);
const stage0 = (format: "csv" | "json") => pumapi.stage(0, { format });
async function fakePair() {
  const server = await pumapi.start();
  const connect = (format: "csv" | "json") => pumapi.connect({ baseUrl: server.url, apiKey: server.apiKey, now: () => NOW, format });
  return { server, csv: await connect("csv"), json: await connect("json") };
}

describe("the JSON record helpers", () => {
  it("unescape entities, trim keys, turn true/false into booleans and numbers into digits", () => {
    expect(parseJsonRecords('[{" Name ":"A &amp; B","Active":"TRUE","Id":31,"Note":null,"Flag":false}]')).toEqual([
      { Name: "A & B", Active: true, Id: "31", Note: "", Flag: false },
    ]);
    expect(parseJsonRecord('{"login":"o&#039;brien","lname":"&quot;Q&quot;"}')).toEqual({ login: "o'brien", lname: '"Q"' });
    expect(parseJsonRecords("[]")).toEqual([]);
    expect(looksLikeJson(' [{"a":1}]')).toBe(true);
    expect(looksLikeJson("login,lname\r\n")).toBe(false);
  });

  it("refuse what does not fit", () => {
    expect(() => parseJsonRecords("<html>")).toThrow(ResponseFormatError);
    expect(() => parseJsonRecords('[{"a":{"b":1}}]')).toThrow(/field 'a' is not a plain value/);
    expect(() => parseJsonRecords("[1]")).toThrow(/record 1 is not a JSON object/);
    expect(() => parseJsonRecord("[]")).toThrow(NoDataError);
    expect(() => parseJsonRecord('[{"a":"1"},{"a":"2"}]', { graceful: false })).toThrow(/exactly one record/);
    expect(parseJsonRecord('[{"a":"1"},{"a":"2"}]')).toEqual({ a: "1" });
  });
});

describe("format: json offline (stage_0): same models as CSV", () => {
  it("getUser (with and without userId), getUserDict", async () => {
    const { ppms: csv } = await stage0("csv");
    const { ppms: json, fixture } = await stage0("json");
    for (const login of ["jdoe", "bkovac", "eobrien"]) expect(await json.getUser(login), login).toEqual(await csv.getUser(login));
    expect(await json.getUser("bkovac", { withUserId: true })).toEqual(await csv.getUser("bkovac", { withUserId: true }));
    expect((await json.getUser("eobrien")).affiliation).toBe('The "Quote" Lab');
    expect(await json.getUserDict("jdoe")).toEqual(await csv.getUserDict("jdoe"));
    expect(fixture.used().every((f) => f.includes("format--json"))).toBe(true);
  });

  it("getGroup, getGroupDict", async () => {
    const { ppms: csv } = await stage0("csv");
    const { ppms: json } = await stage0("json");
    for (const group of ["cell_lab", "imaging_group"]) {
      expect(await json.getGroup(group), group).toEqual(await csv.getGroup(group));
      expect(await json.getGroupDict(group), group).toEqual(await csv.getGroupDict(group));
    }
  });

  it("getProjects and getSystems({ id })", async () => {
    const { ppms: csv } = await stage0("csv");
    const { ppms: json } = await stage0("json");
    expect(await json.getProjects()).toEqual(await csv.getProjects());
    expect((await json.getProjects()).get(8)?.description).toBe('Method "development"');
    expect(await json.getSystems({ id: 33 })).toEqual(await csv.getSystems({ id: 33 }));
  });

  it("getSystems reads the JSON answer, entities unescaped", async () => {
    const { ppms } = await stage0("json");
    const systems = await ppms.getSystems();
    expect([...systems.keys()]).toEqual([31, 33]);
    expect(systems.get(31)?.localisation).toBe("Room B.12 & B.13");
    expect(systems.get(33)?.name).toBe('Confocal, upright "old"');
    expect(systems.get(31)).toBeInstanceOf(PpmsSystem);
  });

  it("a JSON line that does not fit is skipped (graceful) or throws (strict); broken JSON is a validation error", async () => {
    const { logger, lines } = captureLogger();
    const graceful = await pumapi.mocked("json-odd", { format: "json", logger });
    expect([...(await graceful.ppms.getSystems()).keys()]).toEqual([31]);
    expect(lines.some((l) => l.level === "error" && l.text.includes("System id"))).toBe(true);
    const error = await graceful.ppms.getUser("jdoe").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PumapiValidationError);
    expect(error).toMatchObject({ action: "getuser" });
    const strict = await pumapi.mocked("json-odd", { format: "json", strict: true });
    await expect(strict.ppms.getSystems()).rejects.toMatchObject({ name: "PumapiValidationError", field: "System id" });
  });
});

describe("format: json against the fake PUMAPI: CSV and JSON give equal models", () => {
  it("users, groups, systems, one system and projects", async () => {
    const { server, csv, json } = await fakePair();
    const [csvUsers, jsonUsers] = [await csv.getUsers({ activeOnly: false }), await json.getUsers({ activeOnly: false })];
    expect(jsonUsers.size).toBe(6);
    expect(jsonUsers).toEqual(csvUsers);
    expect(await json.getUser("bkovac", { withUserId: true, skipCache: true })).toEqual(await csv.getUser("bkovac", { withUserId: true, skipCache: true }));
    for (const group of await csv.getGroups()) expect(await json.getGroup(group), group).toEqual(await csv.getGroup(group));
    expect(await json.getSystems()).toEqual(await csv.getSystems());
    expect((await json.getSystems({ id: 50 })).get(50)?.localisation).toBe("Annex D.03 & D.04");
    expect(await json.getSystems({ id: 50 })).toEqual(await csv.getSystems({ id: 50 }));
    expect(await json.getProjects({ withExpirationDate: true })).toEqual(await csv.getProjects({ withExpirationDate: true }));
    expect((await json.getProjects()).get(7)?.description).toBe("Live imaging of\nmigrating cells, two channels");
    expect((await json.getProjects()).get(8)?.description).toBe('Method "development" & testing');
    // the JSON connection sent format=json with each of those reads, the CSV one never
    const formats = (action: string) => new Set(server.requests.filter((r) => r.action === action).map((r) => r.form.format ?? "csv"));
    for (const action of ["getuser", "getgroup", "getsystems", "getprojects"]) expect(formats(action), action).toEqual(new Set(["csv", "json"]));
    // reads without JSON support are not asked for it
    expect(formats("getusers")).toEqual(new Set(["csv"]));
  });
});

describe("getSystems({ id }): one system", () => {
  it("returns a map with that system, or an empty map; the in-memory cache is neither read nor changed", async () => {
    const { ppms, fixture } = await stage0("csv");
    const one = await ppms.getSystems({ id: 33 });
    expect([...one.keys()]).toEqual([33]);
    expect(one.get(33)?.name).toBe("Confocal, upright");
    expect(ppms.systems.size).toBe(0);
    expect((await ppms.getSystems({ id: "99" })).size).toBe(0);
    const all = await ppms.getSystems();
    expect(all.size).toBe(7);
    expect(await ppms.getSystems({ id: 33 })).not.toBe(all);
    expect(ppms.systems).toBe(all);
    expect(fixture.used().filter((f) => f.includes("id--33"))).toHaveLength(1);
    await expect(ppms.getSystems({ id: "thirty" })).rejects.toMatchObject({ field: "id" });
  });

  it("against the fake: always asked, even with a filled cache; an unknown id is an empty map", async () => {
    const { server, csv } = await fakePair();
    const all = await csv.getSystems();
    expect((await csv.getSystems({ id: 31 })).get(31)?.name).toBe("Zeiss LSM 900");
    expect((await csv.getSystems({ id: 31 })).get(31)).not.toBe(all.get(31));
    expect((await csv.getSystems({ id: 77 })).size).toBe(0);
    const sent = server.requests.filter((r) => r.action === "getsystems").map((r) => r.form.id ?? "(all)");
    expect(sent).toEqual(["(all)", "31", "31", "77"]);
    expect(csv.systems).toBe(all);
  });
});
