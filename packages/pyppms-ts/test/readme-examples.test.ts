import { join } from "node:path";
import { fixturesRoot } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PpmsConnection } from "../src/index.js";

// The README's examples, run as written against the shipped fixtures (offline).
let ppms: PpmsConnection;
beforeAll(async () => {
  ppms = await PpmsConnection.connect({
    baseUrl: "https://ppms.example/pumapi/",
    cache: join(fixturesRoot, "pumapi", "stage_0"),
  });
});
afterAll(async () => {
  await ppms.close();
});

describe("README examples", () => {
  it("e-mails of all active users", async () => {
    const seen: number[] = [];
    const emails = await ppms.getUsersEmails({ active: true, onProgress: ({ done }) => seen.push(done) });
    expect(emails.join(", ")).toMatch(/^jane\.doe@lab\.example, anna\.mueller@lab\.example, boris\.kovac@lab\.example, /);
    expect(seen.length).toBe(9);
  });

  it("the running sheet of a day", async () => {
    const bookings = await ppms.getRunningSheet(2, "2030-03-14");
    const lines: string[] = [];
    for (const booking of bookings) {
      const system = (await ppms.getSystems()).get(booking.systemId);
      lines.push(`${booking.username} on ${system?.name}: ${booking.desc}`);
    }
    expect(lines[0]).toBe("jdoe on Zeiss LSM 900: jdoe@31 [2030-03-14 08:00 -- 2030-03-14 12:30]");
    expect(lines[2]).toBe("bkovac on Confocal, upright: bkovac@33 [2030-03-14 13:00 -- 2030-03-15 00:00]");
  });

  it("permissions", async () => {
    expect(await ppms.getUsersWithAccessToSystem(31)).toEqual(["jdoe", "amueller", "facility.admin"]);
    expect(await ppms.giveUserAccessToSystem("bkovac", 31)).toBe(true);
    expect(await ppms.setSystemBookingPermissions("bkovac", 31, "N")).toBe(true);
    expect(await ppms.removeUserAccessFromSystem("bkovac", 31)).toBe(true);
  });

  it("current and next booking", async () => {
    expect((await ppms.getCurrentBooking(31))?.username).toBe("jdoe");
    expect((await ppms.getNextBooking(31))?.endtime).toBeNull();
  });
});
