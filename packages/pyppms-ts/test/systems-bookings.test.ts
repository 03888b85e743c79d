import { describe, expect, it } from "vitest";
import { PpmsBooking, PpmsInvalidArgumentError, PpmsSystem } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";
import { NOW } from "./helpers/stages.js";

const { stage } = useConnections();

describe("systems (offline, stage_0)", () => {
  it("getSystems parses every system, including a name with a comma, and caches them", async () => {
    const { ppms } = await stage(0);
    const systems = await ppms.getSystems();
    expect([...systems.keys()]).toEqual([31, 32, 33, 40, 41, 50, 51]);
    const upright = systems.get(33);
    expect(upright).toBeInstanceOf(PpmsSystem);
    expect(upright).toMatchObject({ name: "Confocal, upright", localisation: "Room B.12", coreFacilityRef: 2, autonomyRequired: false });
    expect(systems.get(41)).toMatchObject({ active: true, autonomyRequired: false, bookable: true });
    expect(systems.get(40)?.active).toBe(false);
    expect(await ppms.getSystems()).toBe(systems);
    expect(ppms.systems).toBe(systems);
    const refreshed = await ppms.getSystems({ forceRefresh: true });
    expect(refreshed).not.toBe(systems);
    expect([...refreshed.keys()]).toEqual([...systems.keys()]);
  });

  it("getSystemsMatching filters by localisation (case-insensitive) and name parts", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getSystemsMatching("B.12", ["Zeiss", "Confocal"])).toEqual([31, 33]);
    expect(await ppms.getSystemsMatching("", ["LSM 900"])).toEqual([31, 32, 51]);
    expect(await ppms.getSystemsMatching("annex", ["Zeiss"])).toEqual([51]);
    expect(await ppms.getSystemsMatching("room", [])).toEqual([]);
  });

  it("updateSystems replaces the in-memory systems", async () => {
    const { ppms } = await stage(0);
    const updated = await ppms.updateSystems();
    expect(ppms.systems).toBe(updated);
    expect(updated.size).toBe(7);
  });
});

describe("bookings (offline, stage_0)", () => {
  it("getBooking / getCurrentBooking: the running session ends 'minutes from now'", async () => {
    const { ppms } = await stage(0);
    const booking = await ppms.getCurrentBooking(31);
    expect(booking).toBeInstanceOf(PpmsBooking);
    expect(booking).toMatchObject({ username: "jdoe", systemId: 31, session: "12345" });
    expect(booking?.starttime).toEqual(new Date(2030, 2, 14, 10, 17, 0));
    expect(booking?.endtime).toEqual(new Date(2030, 2, 14, 10, 59, 0));
    expect((await ppms.getBooking(31))?.desc).toBe(booking?.desc);
  });

  it("getNextBooking: starts 'minutes from now', no end time", async () => {
    const { ppms } = await stage(0);
    const next = await ppms.getNextBooking("31");
    expect(next).toMatchObject({ username: "amueller", session: "12346", endtime: null });
    expect(next?.starttime).toEqual(new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 1, 10, 17, 0));
    expect((await ppms.getBooking(31, "next"))?.username).toBe("amueller");
  });

  it("an empty answer means no booking", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getCurrentBooking(33)).toBeNull();
    expect(await ppms.getNextBooking(33)).toBeNull();
  });

  it("rejects a bad booking type or system id before any request", async () => {
    const { ppms, fixture } = await stage(0);
    await expect(ppms.getBooking(31, "later" as "get")).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
    await expect(ppms.getBooking(-1)).rejects.toMatchObject({ field: "systemId" });
    await expect(ppms.getBooking("31; drop")).rejects.toMatchObject({ field: "systemId" });
    expect(fixture.used()).toEqual([]);
  });
});

describe("running sheet (offline, stage_0)", () => {
  it("resolves users by full name and systems by exact name in the facility", async () => {
    const { logger, lines } = captureLogger();
    const { ppms } = await stage(0, { logger, logLevel: "debug" });
    const bookings = await ppms.getRunningSheet(2, "2030-03-14");
    expect(bookings.map((b) => [b.username, b.systemId])).toEqual([
      ["jdoe", 31],
      ["amueller", 32],
      ["bkovac", 33],
      ["ops.robot", 41],
      ["mlee2", 32],
    ]);
    const [first, , midnight] = bookings;
    expect(first?.starttime).toEqual(new Date(2030, 2, 14, 8, 0));
    expect(first?.endtime).toEqual(new Date(2030, 2, 14, 12, 30));
    // 13:00 – 00:00 ends at midnight after the day.
    expect(midnight?.endtime).toEqual(new Date(2030, 2, 15, 0, 0));
    expect(lines.some((l) => l.level === "error" && l.text.includes("Retired Scope"))).toBe(true);
    expect(lines.some((l) => l.level === "warn" && l.text.includes("Lee Min"))).toBe(true);
  });

  it("filters by localisation", async () => {
    const { ppms } = await stage(0);
    const bookings = await ppms.getRunningSheet("2", new Date(2030, 2, 14, 15, 30), { localisation: "b.12" });
    expect(bookings.map((b) => b.systemId)).toEqual([31, 33]);
  });

  it("does not confuse systems of the same name in another facility; sessions past midnight end next day", async () => {
    const { ppms } = await stage(0);
    const bookings = await ppms.getRunningSheet(4, "2030-03-14");
    expect(bookings.map((b) => [b.username, b.systemId])).toEqual([
      ["dsmith", 51],
      ["eobrien", 50],
    ]);
    expect(bookings[1]?.endtime).toEqual(new Date(2030, 2, 15, 2, 0));
  });

  it("with ignoreUncachedUsers, skips users not fetched yet instead of refreshing", async () => {
    const { ppms, fixture } = await stage(0);
    expect(await ppms.getRunningSheet(2, "2030-03-14", { ignoreUncachedUsers: true })).toEqual([]);
    expect(fixture.used().some((f) => f.includes("getusers"))).toBe(false);
    await ppms.getUser("jdoe");
    const bookings = await ppms.getRunningSheet(2, "2030-03-14", { ignoreUncachedUsers: true });
    expect(bookings.map((b) => b.username)).toEqual(["jdoe"]);
  });

  it("an empty day (header only, or an empty body) has no bookings", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getRunningSheet(2, "2030-03-15")).toEqual([]);
    expect(await ppms.getRunningSheet(2, "2030-03-16")).toEqual([]);
  });

  it("rejects a bad day or facility before any request", async () => {
    const { ppms, fixture } = await stage(0);
    await expect(ppms.getRunningSheet(2, "2030-02-30")).rejects.toMatchObject({ field: "day" });
    await expect(ppms.getRunningSheet(2, "14.03.2030")).rejects.toMatchObject({ field: "day" });
    await expect(ppms.getRunningSheet(2, new Date(Number.NaN))).rejects.toMatchObject({ field: "day" });
    await expect(ppms.getRunningSheet("two", "2030-03-14")).rejects.toMatchObject({ field: "coreFacilityRef" });
    expect(fixture.used()).toEqual([]);
  });
});

describe("user experience (offline, stage_0)", () => {
  it("returns typed rows for all, one login, one system, or both", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getUserExperience()).toHaveLength(4);
    expect((await ppms.getUserExperience({ login: "jdoe" })).map((r) => r.id)).toEqual([31, 33]);
    expect((await ppms.getUserExperience({ systemId: 31 })).map((r) => r.login)).toEqual(["jdoe", "amueller"]);
    expect(await ppms.getUserExperience({ login: "jdoe", systemId: 31 })).toEqual([
      { login: "jdoe", id: 31, booked_hours: 120.5, used_hours: 118, last_res: "2030-03-10", last_train: "2029-11-02" },
    ]);
  });
});
