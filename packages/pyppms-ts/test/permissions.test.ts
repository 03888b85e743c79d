import { describe, expect, it } from "vitest";
import { PpmsInvalidArgumentError, isSystemPermission } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

const { stage, mocked } = useConnections();

describe("permissions across stages (stage_0 → give → stage_1 → remove → stage_2)", () => {
  it("getSystemRights keeps every line, including repeated logins and D", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getSystemRights(31)).toEqual([
      { permission: "A", login: "jdoe" },
      { permission: "N", login: "amueller" },
      { permission: "A", login: "amueller" },
      { permission: "S", login: "facility.admin" },
      { permission: "D", login: "cnguyen" },
    ]);
  });

  it("getUsersWithAccessToSystem leaves out D and lists each login once", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getUsersWithAccessToSystem(31)).toEqual(["jdoe", "amueller", "facility.admin"]);
    expect(await ppms.getUsersWithAccessToSystem("33")).toEqual(["bkovac", "ops.robot"]);
  });

  it("giving access, then removing it, shows in the next stages", async () => {
    const s0 = await stage(0);
    expect(await s0.ppms.getUsersWithAccessToSystem(31)).not.toContain("bkovac");
    expect(await s0.ppms.giveUserAccessToSystem("bkovac", 31)).toBe(true);

    const s1 = await stage(1);
    expect(await s1.ppms.getUsersWithAccessToSystem(31)).toContain("bkovac");
    expect(await s1.ppms.removeUserAccessFromSystem("bkovac", 31)).toBe(true);

    const s2 = await stage(2);
    expect(await s2.ppms.getUsersWithAccessToSystem(31)).not.toContain("bkovac");
    expect((await s2.ppms.getSystemRights(31)).filter((r) => r.login === "bkovac")).toEqual([{ permission: "D", login: "bkovac" }]);
    // Stage 2 falls back to earlier stages for what did not change.
    expect(await s2.ppms.getUsersWithAccessToSystem(33)).toEqual(["bkovac", "ops.robot"]);
  });

  it("setSystemBookingPermissions validates the letter locally, since PUMAPI accepts any", async () => {
    const { ppms, fixture } = await stage(0);
    for (const bad of ["X", "a", "", "AN", 1]) {
      await expect(ppms.setSystemBookingPermissions("bkovac", 31, bad as "A")).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
    }
    await expect(ppms.setSystemBookingPermissions("", 31, "A")).rejects.toMatchObject({ field: "login" });
    await expect(ppms.setSystemBookingPermissions("bkovac", 3.5, "A")).rejects.toMatchObject({ field: "systemId" });
    expect(fixture.used()).toEqual([]);
    expect(["A", "N", "S", "D"].every(isSystemPermission)).toBe(true);
  });

  it("setSystemBookingPermissions returns false (and logs) on PUMAPI's error answers", async () => {
    const { logger, lines } = captureLogger();
    const { ppms } = await mocked("error-texts", { logger, logLevel: "error" });
    expect(await ppms.setSystemBookingPermissions("nobody", 31, "A")).toBe(false);
    expect(await ppms.giveUserAccessToSystem("jdoe", 99)).toBe(false);
    expect(lines.filter((l) => l.level === "error").map((l) => l.text)).toEqual([
      expect.stringContaining("invalid user nobody"),
      expect.stringContaining("system right not authorized"),
    ]);
  });

  it("getUserRights lists a user's permission per system", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getUserRights("jdoe")).toEqual([
      { permission: "A", systemId: 31 },
      { permission: "A", systemId: 32 },
      { permission: "N", systemId: 33 },
    ]);
  });
});
