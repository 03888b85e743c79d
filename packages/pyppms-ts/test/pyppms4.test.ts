import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { PpmsGroup, PpmsInvalidArgumentError, PpmsUser, PumapiValidationError } from "../src/index.js";
import { offlineStage, pumapiFixture } from "./helpers/stages.js";
import { startScriptedPumapi, userAnswer } from "./helpers/fake-pumapi.js";
import { useFakePumapi } from "./helpers/harness.js";

// pyppms 4.0 parity: the cache-named methods, PpmsUser's new fields and user id, PpmsGroup, and
// the `active` filters of getgroups / getgroupusers.

const NOW = new Date(2030, 2, 14, 9, 0);
const pumapi = useFakePumapi(NOW);
const { connect, setup: fake } = pumapi;
const stage0 = (extra: Parameters<typeof offlineStage>[1] = {}) => pumapi.stage(0, extra);

describe("pyppms 4.0 names: cacheUpdateSystems, cacheUpdateUsers, cacheFlush", () => {
  it("cacheUpdateSystems fills the in-memory systems; updateSystems is a deprecated alias that calls it", async () => {
    const { ppms } = await stage0();
    const systems = await ppms.cacheUpdateSystems();
    expect(systems.size).toBe(7);
    expect(ppms.systems).toBe(systems);
    const spy = vi.spyOn(ppms, "cacheUpdateSystems");
    const again = await ppms.updateSystems();
    expect(spy).toHaveBeenCalledTimes(1);
    expect([...again.keys()]).toEqual([...systems.keys()]);
  });

  it("cacheUpdateUsers fetches the given logins into the cache; updateUsers calls it with the same options", async () => {
    const { ppms } = await stage0();
    const users = await ppms.cacheUpdateUsers({ userIds: ["mlee", "jdoe"] });
    expect(users.map(String)).toEqual(["mlee", "jdoe"]);
    expect(ppms.users.has("jdoe")).toBe(true);
    const spy = vi.spyOn(ppms, "cacheUpdateUsers");
    const options = { userIds: ["amueller"] };
    expect((await ppms.updateUsers(options)).map(String)).toEqual(["amueller"]);
    expect(spy).toHaveBeenCalledWith(options);
  });

  it("getUsers and the running sheet use cacheUpdateUsers", async () => {
    const { ppms } = await stage0();
    const spy = vi.spyOn(ppms, "cacheUpdateUsers");
    await ppms.getRunningSheet(2, "2030-03-14");
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("cacheFlush removes the on-disk cache (or keeps getuser); flushCache is a deprecated alias", async () => {
    const dir = pumapi.tempDir("pyppms4-");
    cpSync(pumapiFixture("stage_0"), dir, { recursive: true });
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: dir });
    await ppms.cacheFlush({ keepUsers: true });
    expect(existsSync(join(dir, "getuser"))).toBe(true);
    expect(existsSync(join(dir, "getsystems"))).toBe(false);
    const spy = vi.spyOn(ppms, "cacheFlush");
    await ppms.flushCache();
    expect(spy).toHaveBeenCalledWith({});
    expect(existsSync(join(dir, "getuser"))).toBe(false);
  });
});

describe("PpmsUser: phone, billingCode, affiliation, userId", () => {
  it("reads phone, bcode and affiliation from getuser", async () => {
    const { ppms } = await stage0();
    expect(await ppms.getUser("jdoe")).toMatchObject({ phone: "+41 00 000 00 01", billingCode: "", affiliation: "", userId: undefined });
    expect(await ppms.getUser("amueller")).toMatchObject({ affiliation: "Lab of Cells, Dept. B" });
    expect(await ppms.getUser("eobrien")).toMatchObject({ affiliation: 'The "Quote" Lab' });
    const user = PpmsUser.fromResponse(userAnswer("x1").replace('"","","","bench_group"', '"+41 1","BC-9","Lab X","bench_group"'));
    expect(user).toMatchObject({ phone: "+41 1", billingCode: "BC-9", affiliation: "Lab X" });
  });

  it("withUserId sends withuserid=true and parses the userid column (CSV, either header spacing)", async () => {
    const { ppms, fixture } = await stage0();
    expect((await ppms.getUser("jdoe", { withUserId: true })).userId).toBe(1);
    expect((await ppms.getUser("bkovac", { withUserId: true })).userId).toBe(3);
    expect(fixture.used()).toEqual(expect.arrayContaining([expect.stringContaining("login--jdoe__withuserid--true")]));
    expect((await ppms.getUserDict("jdoe", { withUserId: true })).userid).toBe("1");
  });

  it("the in-memory cache does not serve a user without userId to a withUserId call", async () => {
    const { ppms, fixture } = await stage0();
    const plain = await ppms.getUser("jdoe");
    expect(plain.userId).toBeUndefined();
    expect(await ppms.getUser("jdoe")).toBe(plain); // cached
    const before = fixture.used().length;
    const withId = await ppms.getUser("jdoe", { withUserId: true });
    expect(fixture.used().length).toBe(before + 1);
    expect(withId.userId).toBe(1);
    // now the cached user has its id: both kinds of call are served from memory
    expect(await ppms.getUser("jdoe", { withUserId: true })).toBe(withId);
    expect(await ppms.getUser("jdoe")).toBe(withId);
    expect(fixture.used().length).toBe(before + 1);
  });

  it("an answer to withuserid=true without a userid column does not fit (and is never recorded)", async () => {
    const server = pumapi.serve(await startScriptedPumapi((form) => ({ body: form.action === "auth" ? "OK" : userAnswer(form.login ?? "x") })));
    const ppms = await connect({ baseUrl: server.url, apiKey: "scripted-key-0001" });
    const error = await ppms.getUser("jdoe", { withUserId: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PumapiValidationError);
    expect(error).toMatchObject({ action: "getuser", field: "userid" });
    expect(server.forms.at(-1)).toMatchObject({ action: "getuser", login: "jdoe", withuserid: "true" });
  });

  it("against the fake: user ids, billing code and affiliation", async () => {
    const { ppms, server } = await fake();
    expect(await ppms.getUser("bkovac", { withUserId: true })).toMatchObject({ userId: 3, billingCode: "BC-1001", ppmsGroup: "cell_lab" });
    expect((await ppms.getUser("amueller", { withUserId: true })).userId).toBe(2);
    expect(server.requests.filter((r) => r.action === "getuser").every((r) => r.form.withuserid === "true")).toBe(true);
  });
});

describe("PpmsGroup", () => {
  it("is built from a getgroup answer, tolerating the trailing extra fields; ext and address are read", () => {
    const group = PpmsGroup.fromResponse(
      "unitlogin,unitname,headname,heademail,unitbcode,department,institution,address,affiliation,ext,active,admname,admemail,creationdate\r\n" +
        '"ext_lab","External Lab","Roe Rita","rita.roe@lab.example","BC-7","Physics","Other Institute","Road 1\r\nTown","","true",False,"Adm Ann","ann.adm@lab.example","2029-01-31","",\r\n',
    );
    expect(group).toMatchObject({
      groupId: "ext_lab",
      name: "External Lab",
      headName: "Roe Rita",
      headEmail: "rita.roe@lab.example",
      billingCode: "BC-7",
      address: "Road 1\nTown",
      external: true,
      active: false,
      adminName: "Adm Ann",
      adminEmail: "ann.adm@lab.example",
      creationDate: "2029-01-31",
    });
    expect(group.desc).toContain("group: ext_lab, name: External Lab");
  });

  it("strict mode tolerates getgroup's trailing empty extra fields, and nothing more", async () => {
    const { ppms } = await stage0({ strict: true });
    expect((await ppms.getGroup("cell_lab")).name).toBe("Cell Lab");
    expect(Object.keys(await ppms.getGroupDict("imaging_group"))).toHaveLength(14);
    const server = pumapi.serve(await startScriptedPumapi((form) => ({ body: form.action === "auth" ? "OK" : 'unitlogin,unitname,active\r\n"g1","G",true,"extra"\r\n' })));
    const strict = await connect({ baseUrl: server.url, apiKey: "scripted-key-0001", strict: true });
    await expect(strict.getGroup("g1")).rejects.toBeInstanceOf(PumapiValidationError);
  });

  it("needs unitlogin and active; an ext it cannot read names the field", () => {
    expect(() => PpmsGroup.fromRecord({ unitname: "x", active: true })).toThrow(/unitlogin/);
    expect(() => PpmsGroup.fromRecord({ unitlogin: "g" })).toThrow(/active/);
    expect(() => PpmsGroup.fromRecord({ unitlogin: "g", active: true, ext: "maybe" })).toThrow(/'ext' expected true or false/);
    for (const [ext, external] of [["", false], ["1", true], ["No", false], [true, true]] as const) {
      expect(PpmsGroup.fromRecord({ unitlogin: "g", active: true, ext }).external).toBe(external);
    }
  });
});

describe("the active filters of getgroups and getgroupusers", () => {
  it("offline: getGroups({ active }) and getGroupUsers(id, { active }) send PUMAPI's active", async () => {
    const { ppms, fixture } = await stage0();
    expect(await ppms.getGroups({ active: true })).toEqual(["imaging_group", "cell_lab", "facility_staff"]);
    expect(await ppms.getGroups({ active: false })).toEqual([]);
    expect((await ppms.getGroupUsers("cell_lab", { active: true })).map(String)).toEqual(["bkovac", "mlee2", "eobrien"]);
    expect(fixture.used()).toEqual(
      expect.arrayContaining([expect.stringContaining("active--true.txt"), expect.stringContaining("active--false.txt"), expect.stringContaining("active--true__unitlogin--cell_lab")]),
    );
    await expect(ppms.getGroups({ active: "yes" as unknown as boolean })).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
  });

  it("against the fake: inactive groups and users are filtered by the server", async () => {
    const { ppms } = await fake();
    await ppms.updateGroup("facility_staff", { active: false });
    expect(await ppms.getGroups({ active: true })).toEqual(["imaging_group", "cell_lab"]);
    expect(await ppms.getGroups({ active: false })).toEqual(["facility_staff"]);
    expect(await ppms.getGroups()).toHaveLength(3);
    expect((await ppms.getGroupUsers("cell_lab", { active: true })).map(String)).toEqual(["bkovac"]);
    expect((await ppms.getGroupUsers("cell_lab", { active: false })).map(String)).toEqual(["cnguyen"]);
  });
});
