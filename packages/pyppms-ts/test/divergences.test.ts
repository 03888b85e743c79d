import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PumapiValidationError } from "../src/index.js";
import { useScriptedPumapi } from "./helpers/harness.js";

// The behaviours where pyppms-ts deliberately differs from pyppms (README, "Divergences from pyppms").

const pumapi = useScriptedPumapi();

const SHEET_HEADER_BROKEN = 'Location, Start, End, System, Person\r\n"Room B.12","08:00","12:30","Zeiss LSM 900","Doe Jane"\r\n';

describe("divergences from pyppms", () => {
  it("getUsersWithAccessToSystem lists a login holding two rights once (pyppms repeats it)", async () => {
    const { ppms } = await pumapi.stage(0);
    const rights = await ppms.getSystemRights(31);
    expect(rights.filter((r) => r.login === "amueller")).toHaveLength(2);
    const logins = await ppms.getUsersWithAccessToSystem(31);
    expect(logins.filter((l) => l === "amueller")).toHaveLength(1);
  });

  it("a running sheet with a broken header throws a PumapiValidationError naming the column", async () => {
    const { ppms } = await pumapi.mocked("runningsheet-broken-header");
    const error = await ppms.getRunningSheet(2, "2030-03-14").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PumapiValidationError);
    expect(error).toMatchObject({ action: "getrunningsheet", field: "Start time" });
    expect((error as Error).message).toMatch(/PUMAPI getrunningsheet.*record 2.*'Start time' is missing/);
  });

  it("... and such a sheet is never recorded", async () => {
    const dir = pumapi.tempDir("pyppms-div-");
    const { ppms } = await pumapi.setup(() => ({ body: SHEET_HEADER_BROKEN }), { apiKey: "scripted-key-0001", cache: { dir, mode: "record-all" } });
    await expect(ppms.getRunningSheet(2, "2030-03-14")).rejects.toBeInstanceOf(PumapiValidationError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("skipCache offline is answered from the recording (pyppms would send the request)", async () => {
    const { ppms, fixture } = await pumapi.stage(0);
    const user = await ppms.getUser("jdoe", { skipCache: true });
    expect(user.fullname).toBe("Doe Jane");
    expect(ppms.lastServedFromCache).toBe(true);
    expect(fixture.used()).toEqual([expect.stringContaining("login--jdoe")]);
  });
});
