import { describe, expect, it } from "vitest";
import { AuthenticationError, PpmsConnection, PpmsGroupNotFoundError, PpmsUserNotFoundError } from "../src/index.js";
import { useFakePumapi } from "./helpers/harness.js";

// The fake's clock and the connection's: 2030-03-14 09:00 local time (jdoe's session on 31 runs 08:00–12:30).
const NOW = new Date(2030, 2, 14, 9, 0);
const { setup } = useFakePumapi(NOW);

describe("end to end over real HTTP against the stateful fake PUMAPI", () => {
  it("authenticates; a wrong key is refused with HTTP 200 and names the action", async () => {
    const { server, ppms } = await setup();
    expect(ppms.status).toMatchObject({ authState: "SUCCESS", authHttpStatus: 200 });
    const error = await PpmsConnection.connect({ baseUrl: server.url, apiKey: "wrong-key-1234" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("PUMAPI auth");
    expect((error as Error).message).not.toContain("wrong-key-1234");
  });

  it("users: lists, details, the full-name map, not-found naming action and login", async () => {
    const { ppms } = await setup();
    expect(await ppms.getUserIds({ active: true })).toEqual(["jdoe", "amueller", "bkovac", "facility.admin", "ops.robot"]);
    const users = await ppms.getUsers();
    expect(users.size).toBe(5);
    expect(users.get("bkovac")).toMatchObject({ fullname: "Kovač Boris", ppmsGroup: "cell_lab", active: true });
    expect(ppms.fullnameMapping.get("ops.robot")).toBe("ops.robot");
    expect((await ppms.getAdmins()).map(String)).toEqual(["facility.admin", "jdoe"]);
    const missing = await ppms.getUser("nobody").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PpmsUserNotFoundError);
    expect((missing as Error).message).toMatch(/PUMAPI getuser.*nobody/);
  });

  it("user writes are seen by later reads", async () => {
    const { ppms, sent } = await setup();
    await ppms.newUser({ login: "nuser", lname: "User", fname: "New", email: "new.user@lab.example", ppmsGroup: "chem_lab", password: "Pa55-never-shown" });
    expect((await ppms.getUser("nuser")).fullname).toBe("User New");
    await ppms.updateUser("nuser", { active: false });
    expect((await ppms.getUser("nuser")).active).toBe(false);
    expect(sent("newuser")).toBe(1);
    // newuser with an unknown group creates it
    expect(await ppms.getGroups()).toContain("chem_lab");
  });

  it("groups: list, details, members, writes", async () => {
    const { ppms } = await setup();
    expect(await ppms.getGroups()).toEqual(["imaging_group", "cell_lab", "facility_staff"]);
    expect(await ppms.getGroupDict("cell_lab")).toMatchObject({ unitlogin: "cell_lab", unitname: "Cell Lab", active: true });
    expect(await ppms.getGroup("cell_lab")).toMatchObject({ groupId: "cell_lab", name: "Cell Lab", billingCode: "BC-1001", active: true });
    expect((await ppms.getGroupUsers("imaging_group")).map(String)).toEqual(["jdoe", "amueller"]);
    await expect(ppms.getGroup("no_such_group")).rejects.toBeInstanceOf(PpmsGroupNotFoundError);
    await ppms.newGroup("chem_lab", { unitname: "Chem Lab", department: "Chemistry" });
    expect(await ppms.getGroupDict("chem_lab")).toMatchObject({ unitname: "Chem Lab", department: "Chemistry" });
    expect(await ppms.getGroup("chem_lab")).toMatchObject({ name: "Chem Lab", department: "Chemistry" });
    await ppms.updateGroup("chem_lab", { active: false });
    expect((await ppms.getGroupDict("chem_lab")).active).toBe(false);
    expect((await ppms.getGroup("chem_lab")).active).toBe(false);
  });

  it("systems and rights: setright changes what getsysrights answers", async () => {
    const { ppms, sent } = await setup();
    const systems = await ppms.getSystems();
    expect([...systems.keys()]).toEqual([31, 33, 41, 50]);
    expect(systems.get(33)?.name).toBe("Confocal, upright");
    expect(await ppms.getUsersWithAccessToSystem(31)).toEqual(["jdoe", "amueller", "facility.admin"]);
    expect(await ppms.giveUserAccessToSystem("bkovac", 31)).toBe(true);
    expect(await ppms.getUsersWithAccessToSystem(31)).toContain("bkovac");
    expect(await ppms.setSystemBookingPermissions("bkovac", 31, "N")).toBe(true);
    expect((await ppms.getSystemRights(31)).filter((r) => r.login === "bkovac")).toEqual([{ permission: "N", login: "bkovac" }]);
    expect(await ppms.removeUserAccessFromSystem("bkovac", 31)).toBe(true);
    expect(await ppms.getUsersWithAccessToSystem(31)).not.toContain("bkovac");
    expect(await ppms.giveUserAccessToSystem("nobody", 31)).toBe(false);
    expect(await ppms.giveUserAccessToSystem("jdoe", 99)).toBe(false);
    expect(sent("setright")).toBe(5);
    const rights = await ppms.getUserRights("bkovac");
    expect(rights.sort((a, b) => a.systemId - b.systemId)).toEqual([
      { permission: "D", systemId: 31 },
      { permission: "A", systemId: 33 },
      { permission: "A", systemId: 50 },
    ]);
  });

  it("bookings with a fixed now, and the running sheet of the day", async () => {
    const { ppms } = await setup();
    const current = await ppms.getCurrentBooking(31);
    expect(current).toMatchObject({ username: "jdoe", session: "12345" });
    expect(current?.endtime).toEqual(new Date(2030, 2, 14, 12, 30));
    const next = await ppms.getNextBooking(31);
    expect(next).toMatchObject({ username: "amueller", endtime: null });
    expect(next?.starttime).toEqual(new Date(2030, 2, 15, 8, 0));
    expect(await ppms.getCurrentBooking(41)).toBeNull();
    const sheet = await ppms.getRunningSheet(2, "2030-03-14");
    expect(sheet.map((b) => [b.username, b.systemId])).toEqual([
      ["jdoe", 31],
      ["bkovac", 33],
      ["ops.robot", 41],
    ]);
    expect(sheet[1]?.endtime).toEqual(new Date(2030, 2, 15, 0, 0));
    const analysis = await ppms.getRunningSheet(4, "2030-03-14");
    expect(analysis[0]?.endtime).toEqual(new Date(2030, 2, 15, 2, 0));
    expect(await ppms.getRunningSheet(2, "2030-03-20")).toEqual([]);
  });

  it("projects, billing codes, experience, incidents, session notes, JSON", async () => {
    const { ppms } = await setup();
    const projects = [...(await ppms.getProjects()).values()];
    expect(projects.map((p) => [p.projectId, p.name])).toEqual([
      [7, "Cell migration"],
      [8, "Imaging methods"],
    ]);
    expect(projects[1]?.description).toBe('Method "development" & testing');
    expect(await ppms.getProjectUsers(7)).toEqual(["bkovac", "cnguyen"]);
    expect(await ppms.getProjectGroups(8)).toEqual(["imaging_group"]);
    expect(await ppms.getUserProjects("jdoe")).toEqual([8]);
    expect((await ppms.getBcodes()).map((b) => b.bcode)).toEqual(["BC-1001", "BC-1002", "BC-2001"]);
    expect(await ppms.getUserExperience({ login: "amueller" })).toEqual([
      { login: "amueller", id: 31, booked_hours: 12, used_hours: 10.25, last_res: "2030-02-28", last_train: "n/a" },
    ]);
    expect(await ppms.getIncidents(31)).toHaveLength(1);
    await ppms.createIncident(31, 3, "Laser off");
    expect(await ppms.getIncidents(31)).toHaveLength(2);
    expect(await ppms.getSessionNote(12345)).toBe("Laser 2 unstable, re-aligned before start.");
    await ppms.setSessionNote(12345, "Checked, fine");
    expect(await ppms.getSessionNote(12345)).toBe("Checked, fine");
    const json = (await ppms.requestJson("getsystems", { id: 50 })) as Record<string, string>[];
    expect(json[0]?.Localisation).toBe("Annex D.03 & D.04");
  });
});

describe("abort signals reach every request a method makes", () => {
  const slow = () => setup({ retry: { limit: 0 } }, { latencyMs: 200 });
  const aborted = (): AbortSignal => AbortSignal.abort(new Error("stop"));
  const expectAbort = async (promise: Promise<unknown>, action: string): Promise<void> => {
    const error = await promise.then(
      () => expect.unreachable("should abort"),
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "HttpAbortError", operation: `PUMAPI ${action}` });
  };

  it("an already aborted signal stops reads, writes and connect before anything is sent", async () => {
    const { server, ppms } = await slow();
    const before = server.requests.length;
    await expectAbort(ppms.getUser("jdoe", { signal: aborted() }), "getuser");
    await expectAbort(ppms.getSystems({ signal: aborted() }), "getsystems");
    await expectAbort(ppms.giveUserAccessToSystem("bkovac", 31, { signal: aborted() }), "setright");
    await expectAbort(ppms.newUser({ login: "x1", lname: "X", fname: "Y", email: "x1@lab.example", ppmsGroup: "g" }, { signal: aborted(), overwrite: true }), "newuser");
    await expectAbort(PpmsConnection.connect({ baseUrl: server.url, apiKey: server.apiKey }, { signal: aborted() }), "auth");
    expect(server.requests.length).toBe(before);
  });

  it("a signal aborted while a request is in flight stops it", async () => {
    const { ppms } = await slow();
    await expectAbort(ppms.getRunningSheet(2, "2030-03-14", { signal: AbortSignal.timeout(50) }), "getrunningsheet");
    await expectAbort(ppms.createIncident(31, 1, "x", { signal: AbortSignal.timeout(50) }), "createinc");
  });

  it("a bulk call (getUsers) stops starting requests once aborted", async () => {
    const { server, ppms } = await slow();
    const controller = new AbortController();
    const pending = ppms.getUsers({ concurrency: 1, signal: controller.signal, onProgress: (p) => p.done >= 1 && controller.abort() });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HttpAbortError" });
    expect((error as Error).message).toContain("PUMAPI getuser");
    expect(server.requests.filter((r) => r.action === "getuser").length).toBeLessThan(5);
  });
});
