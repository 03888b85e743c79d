import { describe, expect, it } from "vitest";
import {
  PpmsGroup,
  PpmsGroupNotFoundError,
  PpmsInvalidArgumentError,
  PpmsUser,
  PpmsUserNotFoundError,
} from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

const { stage } = useConnections();

describe("users (offline, stage_0)", () => {
  it("getUser returns a typed user and fills the in-memory caches", async () => {
    const { ppms } = await stage(0);
    const user = await ppms.getUser("jdoe");
    expect(user).toBeInstanceOf(PpmsUser);
    expect(user).toMatchObject({ username: "jdoe", fullname: "Doe Jane", email: "jane.doe@lab.example", ppmsGroup: "imaging_group", active: true });
    expect(ppms.lastServedFromCache).toBe(true);
    expect(ppms.users.get("jdoe")).toBe(user);
    expect(ppms.fullnameMapping.get("Doe Jane")).toBe("jdoe");
    expect(await ppms.getUser("jdoe")).toBe(user);
  });

  it("getUser reads capitalised booleans, quoted commas and quotes, and spaced headers", async () => {
    const { ppms } = await stage(0);
    expect((await ppms.getUser("bkovac")).active).toBe(true);
    expect((await ppms.getUser("cnguyen")).active).toBe(false);
    expect((await ppms.getUser("ops.robot")).fullname).toBe("ops.robot");
    const dict = await ppms.getUserDict("eobrien");
    expect(dict.affiliation).toBe('The "Quote" Lab');
    expect(dict.lname).toBe("O'Brien");
    expect(Object.keys(dict)).toContain("unitlogin");
    expect((await ppms.getUserDict("amueller")).affiliation).toBe("Lab of Cells, Dept. B");
  });

  it("getUser of an unknown login throws PpmsUserNotFoundError; userExists says false", async () => {
    const { ppms } = await stage(0);
    await expect(ppms.getUser("nobody")).rejects.toBeInstanceOf(PpmsUserNotFoundError);
    await expect(ppms.getUserDict("nobody")).rejects.toThrow(/nobody.*unknown/);
    expect(await ppms.userExists("nobody")).toBe(false);
    expect(await ppms.userExists("jdoe")).toBe(true);
  });

  it("getUser rejects an empty login before any request", async () => {
    const { ppms, fixture } = await stage(0);
    await expect(ppms.getUser("")).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
    expect(fixture.used()).toEqual([]);
  });

  it("getUserDict returns the raw record with booleans", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getUserDict("jdoe")).toEqual({
      login: "jdoe",
      lname: "Doe",
      fname: "Jane",
      email: "jane.doe@lab.example",
      phone: "+41 00 000 00 01",
      bcode: "",
      affiliation: "",
      unitlogin: "imaging_group",
      mustchpwd: false,
      mustchbcode: false,
      active: true,
    });
  });

  it("getUserIds lists all or only active logins", async () => {
    const { ppms } = await stage(0);
    const all = await ppms.getUserIds();
    const active = await ppms.getUserIds({ active: true });
    expect(all).toHaveLength(10);
    expect(active).toHaveLength(9);
    expect(all).toContain("cnguyen");
    expect(active).not.toContain("cnguyen");
  });

  it("getUsers fetches every active user, reports progress, and warns on shared full names", async () => {
    const { logger, lines } = captureLogger();
    const { ppms } = await stage(0, { logger, logLevel: "debug" });
    const progress: number[] = [];
    const users = await ppms.getUsers({ onProgress: (p) => progress.push(p.done) });
    expect([...users.keys()].sort()).toEqual(
      ["amueller", "bkovac", "dsmith", "eobrien", "facility.admin", "jdoe", "mlee", "mlee2", "ops.robot"].sort(),
    );
    expect(progress).toHaveLength(9);
    expect(Math.max(...progress)).toBe(9);
    // Users are remembered in input order, so the later of two "Lee Min" wins, deterministically.
    expect(ppms.fullnameMapping.get("Lee Min")).toBe("mlee2");
    expect(lines.some((l) => l.level === "warn" && l.text.includes("Lee Min"))).toBe(true);
    expect(await ppms.getUsers()).toBe(users);
  });

  it("getUsers with activeOnly false includes inactive users", async () => {
    const { ppms } = await stage(0);
    const users = await ppms.getUsers({ activeOnly: false });
    expect(users.get("cnguyen")?.active).toBe(false);
    expect(users.size).toBe(10);
  });

  it("updateUsers fetches just the given logins", async () => {
    const { ppms } = await stage(0);
    const users = await ppms.updateUsers({ userIds: ["mlee", "jdoe"] });
    expect(users.map(String)).toEqual(["mlee", "jdoe"]);
    expect(ppms.users.size).toBe(2);
  });

  it("getUsersEmails skips users without an e-mail (with a warning)", async () => {
    const { logger, lines } = captureLogger();
    const { ppms } = await stage(0, { logger, logLevel: "warn" });
    expect(await ppms.getUsersEmails({ active: true })).toEqual([
      "jane.doe@lab.example",
      "anna.mueller@lab.example",
      "boris.kovac@lab.example",
      "facility.admin@lab.example",
      "robot@lab.example",
      "min.lee@lab.example",
      "min.lee2@lab.example",
      "eoin.obrien@lab.example",
    ]);
    expect(lines.some((l) => l.text.includes("dsmith"))).toBe(true);
    expect(await ppms.getUsersEmails({ users: ["dsmith", "cnguyen"] })).toEqual(["chi.nguyen@lab.example"]);
    expect(await ppms.getUsersEmails()).toHaveLength(9);
  });

  it("getAdmins returns the admin users", async () => {
    const { ppms } = await stage(0);
    expect((await ppms.getAdmins()).map(String)).toEqual(["facility.admin", "jdoe"]);
  });

  it("rejects a bad concurrency before any request", async () => {
    const { ppms, fixture } = await stage(0);
    await expect(ppms.getAdmins({ concurrency: 0 })).rejects.toThrow(/concurrency/);
    expect(fixture.used()).toEqual([]);
  });
});

describe("groups (offline, stage_0)", () => {
  it("getGroups lists group ids", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getGroups()).toEqual(["imaging_group", "cell_lab", "facility_staff"]);
  });

  it("getGroupDict returns the group record without getgroup's trailing extra fields", async () => {
    const { ppms } = await stage(0);
    const group = await ppms.getGroupDict("imaging_group");
    expect(group).toMatchObject({
      unitlogin: "imaging_group",
      unitname: "Imaging Group",
      headname: "Doe Jane",
      heademail: "jane.doe@lab.example",
      address: "Lab Street 1, 4000 Town",
      active: true,
      creationdate: "2021-01-15",
    });
    expect(Object.keys(group)).toHaveLength(14);
    expect((await ppms.getGroupDict("cell_lab")).active).toBe(true);
  });

  it("getGroup returns a PpmsGroup with pyppms 4.0's fields", async () => {
    const { ppms } = await stage(0);
    const group = await ppms.getGroup("imaging_group");
    expect(group).toBeInstanceOf(PpmsGroup);
    expect(group).toEqual(
      new PpmsGroup("imaging_group", {
        name: "Imaging Group",
        headName: "Doe Jane",
        headEmail: "jane.doe@lab.example",
        billingCode: "",
        department: "Biology",
        institution: "Example University",
        address: "Lab Street 1, 4000 Town",
        affiliation: "",
        external: false,
        active: true,
        adminName: "",
        adminEmail: "",
        creationDate: "2021-01-15",
      }),
    );
    expect(String(group)).toBe("imaging_group");
    const cellLab = await ppms.getGroup("cell_lab");
    expect(cellLab).toMatchObject({ billingCode: "BC-1001", affiliation: "Lab of Cells, Dept. B", headName: "Kovač Boris", active: true });
  });

  it("getGroup of an unknown group throws PpmsGroupNotFoundError", async () => {
    const { ppms } = await stage(0);
    await expect(ppms.getGroup("no_such_group")).rejects.toBeInstanceOf(PpmsGroupNotFoundError);
    await expect(ppms.getGroupDict("no_such_group")).rejects.toBeInstanceOf(PpmsGroupNotFoundError);
  });

  it("getGroupUsers returns the members as users", async () => {
    const { ppms } = await stage(0);
    const members = await ppms.getGroupUsers("cell_lab");
    expect(members.map((u) => u.username)).toEqual(["bkovac", "cnguyen", "mlee2", "eobrien"]);
    expect(members[0]?.fullname).toBe("Kovač Boris");
  });
});

describe("writes (offline, stage_0)", () => {
  it("newUser sends the fields and checks for 'OK newuser'", async () => {
    const { ppms } = await stage(0);
    await expect(
      ppms.newUser({ login: "nuser", lname: "User", fname: "New", email: "new.user@lab.example", ppmsGroup: "imaging_group" }, { overwrite: true }),
    ).resolves.toBeUndefined();
    await expect(
      ppms.newUser({ login: "phone", lname: "Hone", fname: "Pat", email: "p.hone@lab.example", ppmsGroup: "cell_lab", phone: "+41 00 000 00 09" }, { overwrite: true }),
    ).resolves.toBeUndefined();
  });

  it("newUser rejects missing or bad fields before any request", async () => {
    const { ppms, fixture } = await stage(0);
    const base = { login: "x", lname: "X", fname: "Y", email: "x@lab.example", ppmsGroup: "g" };
    await expect(ppms.newUser({ ...base, login: "" })).rejects.toMatchObject({ field: "login" });
    await expect(ppms.newUser({ ...base, email: "not-an-address" })).rejects.toMatchObject({ field: "email" });
    await expect(ppms.newUser({ ...base, ppmsGroup: " " })).rejects.toMatchObject({ field: "ppmsGroup" });
    expect(fixture.used()).toEqual([]);
  });

  it("updateUser, newGroup and updateGroup send their fields", async () => {
    const { ppms } = await stage(0);
    await ppms.getUser("cnguyen");
    await expect(ppms.updateUser("cnguyen", { active: false })).resolves.toBeUndefined();
    expect(ppms.users.has("cnguyen")).toBe(false);
    await expect(ppms.newGroup("chem_lab", { unitname: "Chem Lab", department: "Chemistry" })).resolves.toBeUndefined();
    await expect(ppms.updateGroup("chem_lab", { active: false })).resolves.toBeUndefined();
  });
});
