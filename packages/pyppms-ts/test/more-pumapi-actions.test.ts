import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AuthenticationError, parseProjectMembers } from "../src/index.js";
import { captureLogger } from "./helpers/logger.js";
import { useFakePumapi, useScriptedPumapi } from "./helpers/harness.js";

const fake = useFakePumapi(new Date(2030, 2, 14, 9, 0));
const scripted = useScriptedPumapi({ apiKey: "more-Key-5e0c", retry: { limit: 0 } });

/** Every file under a folder, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path, "utf8") };
    });
}

describe("project members and a group's projects (fake PUMAPI)", () => {
  it("lists, adds and removes project members; lists a group's projects", async () => {
    const { ppms, sent } = await fake.setup();
    const members = await ppms.getProjectMembers(7);
    expect(members.map((m) => m.login)).toEqual(["bkovac", "cnguyen"]);
    expect(members.every((m) => typeof m.userId === "number")).toBe(true);
    await ppms.addProjectMember(7, "jdoe");
    expect(await ppms.getProjectUsers(7)).toContain("jdoe");
    await ppms.removeProjectMember(7, "bkovac");
    expect((await ppms.getProjectMembers(7)).map((m) => m.login)).toEqual(["cnguyen", "jdoe"]);
    expect(sent("createprojectmember")).toBe(1);
    await expect(ppms.removeProjectMember(7, "bkovac")).rejects.toMatchObject({ action: "deleteprojectmember" });
    expect(await ppms.getGroupProjects("cell_lab")).toEqual(["7"]);
    expect(await ppms.getGroupProjects("nobody_group")).toEqual([]);
  });

  it("getprojectmember's unpublished format is read tolerantly: a header is skipped, short lines have no login", () => {
    expect(parseProjectMembers("Id,Last,First,a,b,c,d,Login\r\n12,Doe,Jane,,,,,jdoe\r\n13,Short\r\n")).toEqual([
      { userId: 12, login: "jdoe", fields: ["12", "Doe", "Jane", "", "", "", "", "jdoe"] },
      { userId: 13, login: undefined, fields: ["13", "Short"] },
    ]);
    expect(parseProjectMembers("")).toEqual([]);
  });
});

describe("right and password checks", () => {
  it("checkRight: a right other than D is true, D or none is false", async () => {
    const { ppms } = await fake.setup();
    expect(await ppms.checkRight("jdoe", 31)).toBe(true);
    expect(await ppms.checkRight("cnguyen", 31)).toBe(false);
    expect(await ppms.checkRight("nobody", 31)).toBe(false);
  });

  it("checkUserPassword: right and wrong passwords; the password is never recorded or logged", async () => {
    const { logger, text } = captureLogger();
    const server = await fake.start();
    const dir = fake.tempDir("pyppms-ts-auth-user-");
    const ppms = await fake.connect({ baseUrl: server.url, apiKey: server.apiKey, cache: { dir, mode: "record-missing" }, logger, logLevel: "debug" });
    const password = "jdoe-demo-pass";
    expect(await ppms.checkUserPassword("jdoe", password)).toBe(true);
    expect(await ppms.checkUserPassword("jdoe", password)).toBe(true);
    expect(await ppms.checkUserPassword("jdoe", "Wrong-Pass-81")).toBe(false);
    expect(await ppms.checkUserPassword("jdoe", password, { systemId: 31 })).toBe(true);
    // never answered from the cache: every check reached the server
    expect(server.requests.filter((r) => r.action === "auth" && r.form.login === "jdoe")).toHaveLength(4);
    for (const file of filesUnder(dir)) {
      expect(file.text).not.toContain(password);
      expect(file.path).not.toContain(password);
    }
    expect(filesUnder(dir).some((f) => f.path.includes(`${join(dir, "auth")}`))).toBe(false);
    expect(text()).toContain("PUMAPI auth");
    expect(text()).not.toContain(password);
    await expect(ppms.checkUserPassword("jdoe", "")).rejects.toMatchObject({ field: "password" });
  });

  it("checkUserPassword: a refused API key is an AuthenticationError, not a wrong password", async () => {
    const server = await scripted.start((form) => ({ body: form.action === "auth" && form.login !== undefined ? "request not authorized" : "" }));
    const ppms = await scripted.connect({ baseUrl: server.url });
    await expect(ppms.checkUserPassword("jdoe", "Pa55-x")).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("API2 lists and reports (fake PUMAPI)", () => {
  it("GetGroupsList, GetUsersList, GetSessionsList, GetSessionDetails and a report", async () => {
    const { ppms, server } = await fake.setup();
    const groups = await ppms.getGroupsList();
    expect(groups.find((g) => g.name === "Imaging Group")).toMatchObject({ head: "Doe Jane", department: "Biology", institution: "Example University" });
    expect(groups.every((g) => typeof g.id === "number")).toBe(true);
    const users = await ppms.getUsersList();
    expect(users.find((u) => u.lastName === "Doe")).toMatchObject({ firstName: "Jane", id: 1 });
    const sessions = await ppms.getSessionsList();
    expect(sessions.find((s) => s.userName === "Doe Jane")).toMatchObject({ hour: 32, hoursBooked: 4.5, cancelled: false });
    const [details] = await ppms.getSessionDetails({ sessionId: 12345 });
    expect(details).toMatchObject({ systemId: 31, systemName: "Zeiss LSM 900", userName: "Doe Jane", assisted: false });
    const rows = await ppms.report(1234, { start: "2030-03-01", systemId: 31 });
    expect(rows).toEqual([{ report: "Report1234", start: "2030-03-01", systemId: "31" }]);
    const api2 = server.requests.filter((r) => r.endpoint === "api2").map((r) => r.action);
    expect(api2).toEqual(["GetGroupsList", "GetUsersList", "GetSessionsList", "GetSessionDetails", "Report1234"]);
  });

  it("refuses bad report ids and parameters before sending", async () => {
    const { ppms, server } = await fake.setup();
    const before = server.requests.length;
    await expect(ppms.report("12a")).rejects.toMatchObject({ field: "reportId" });
    await expect(ppms.report(1, { nested: {} as never })).rejects.toMatchObject({ field: "nested" });
    await expect(ppms.getUsersList({ apikey: "x" })).rejects.toMatchObject({ field: "params.apikey" });
    expect(server.requests.length).toBe(before);
  });
});

describe("actions with unpublished answers (scripted server: the form sent, the answer passed through)", () => {
  it("updateOrderPhase, draft invoices, service comments, prepaid accounts, affiliation summary", async () => {
    const { ppms, server } = await scripted.setup((form) => {
      if (form.action === "getprepaidaccounts") return { body: "Account,Balance\r\nPP-1,120.50\r\n" };
      if (form.action === "getaffiliationsummary") return { body: '[{"affiliation":"Academic","users":"12"}]' };
      if (form.action === "getinvoicelist") return { body: "" };
      if (form.action === "createorder") return { body: "1004\r\n" };
      return { body: "done\r\n" };
    });
    await ppms.updateOrderPhase(1003, 2);
    expect(server.forms.at(-1)).toMatchObject({ action: "updateorderphase", orderref: "1003", phase: "2" });
    await ppms.getInvoiceList({ draft: true }).catch(() => undefined);
    expect(server.forms.at(-1)).toMatchObject({ action: "getinvoicelist", draft: "true" });
    expect(await ppms.createOrder({ serviceId: 602, login: "bkovac", quantity: 1, serviceComments: "rush" })).toBe(1004);
    expect(server.forms.at(-1)).toMatchObject({ action: "createorder", scomments: "rush" });
    expect(await ppms.getPrepaidAccounts({ coreId: 2 })).toEqual([{ Account: "PP-1", Balance: "120.50" }]);
    expect(server.forms.at(-1)).toMatchObject({ action: "getprepaidaccounts", coreid: "2" });
    expect(await ppms.getAffiliationSummary()).toEqual([{ affiliation: "Academic", users: "12" }]);
    await expect(ppms.updateOrderPhase(1003, "two")).rejects.toMatchObject({ field: "phase" });
    await expect(ppms.getInvoiceList({ draft: "yes" as never })).rejects.toMatchObject({ field: "draft" });
  });
});
