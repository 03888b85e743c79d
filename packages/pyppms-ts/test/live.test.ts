import { liveRecordingTarget } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { PpmsConnection } from "../src/index.js";

/*
 * Runs only when PUMAPI_URL and PPMS_API_KEY are set (never in CI). With PUMAPI_RECORD_DIR set,
 * every answer is recorded there in pyppms' layout (mode record-missing), ready to be reviewed,
 * anonymised and copied into packages/test-cache/fixtures/pumapi/stage_N.
 */
const target = liveRecordingTarget("PUMAPI_URL", "PPMS_API_KEY");
const recordDir = process.env.PUMAPI_RECORD_DIR;

describe.skipIf(target === undefined)("live PUMAPI (read-only)", () => {
  async function connect(): Promise<PpmsConnection> {
    if (target === undefined) throw new Error("unreachable");
    const options: Parameters<typeof PpmsConnection.connect>[0] = { baseUrl: target.url, apiKey: target.key };
    if (recordDir !== undefined && recordDir !== "") {
      options.cache = { dir: recordDir, mode: "record-missing" };
    }
    return PpmsConnection.connect(options);
  }

  it("authenticates and lists users, groups and systems", async () => {
    const ppms = await connect();
    try {
      const ids = await ppms.getUserIds({ active: true });
      expect(Array.isArray(ids)).toBe(true);
      if (ids[0] !== undefined) expect((await ppms.getUser(ids[0])).username).toBe(ids[0]);
      expect(Array.isArray(await ppms.getGroups())).toBe(true);
      const systems = await ppms.getSystems();
      for (const system of systems.values()) expect(Number.isInteger(system.systemId)).toBe(true);
    } finally {
      await ppms.close();
    }
  });

  it("reads today's running sheet of the first facility", async () => {
    const ppms = await connect();
    try {
      const systems = [...(await ppms.getSystems()).values()];
      if (systems[0] === undefined) return;
      const bookings = await ppms.getRunningSheet(systems[0].coreFacilityRef, new Date(), { ignoreUncachedUsers: true });
      for (const booking of bookings) expect(booking.starttime.getTime()).toBeLessThanOrEqual(booking.endtime?.getTime() ?? Infinity);
    } finally {
      await ppms.close();
    }
  });
});
