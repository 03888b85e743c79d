import { describe, expect, it } from "vitest";
import { type FakeClock, createFakeTimeSync, readClock, startFakePumapi } from "../src/index.js";
import { post } from "./fake-pumapi-helpers.js";

// One clock type for both fakes: epoch milliseconds. Fake PUMAPI still takes its old Date form.

describe("FakeClock", () => {
  it("reads epoch milliseconds, the deprecated Date form, and real time by default", () => {
    expect(readClock(() => 1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(readClock(() => new Date(1_700_000_000_000))).toBe(1_700_000_000_000);
    const before = Date.now();
    expect(readClock(undefined)).toBeGreaterThanOrEqual(before);
    expect(() => readClock(() => Number.NaN)).toThrow(/epoch milliseconds/);
    expect(() => readClock(() => new Date("not a date"))).toThrow(/epoch milliseconds/);
  });

  it("drives fake PUMAPI and fake TimeSync alike", async () => {
    let now = new Date(2030, 2, 14, 12, 29).getTime();
    const clock: FakeClock = () => now;
    const pumapi = await startFakePumapi({ now: clock });
    const legacy = await startFakePumapi({ now: () => new Date(now) });
    try {
      for (const server of [pumapi, legacy]) expect((await post(server, "getbooking", { id: "31" })).text).toBe("jdoe\r\n1\r\n12345\r\n");
      now = new Date(2030, 2, 14, 12, 30).getTime();
      for (const server of [pumapi, legacy]) expect((await post(server, "getbooking", { id: "31" })).text).toBe("");
    } finally {
      await pumapi.close();
      await legacy.close();
    }
    const timesync = await createFakeTimeSync({ now: clock });
    expect(timesync.store.today()).toBe(new Date(now).toISOString().slice(0, 10));
  });
});
