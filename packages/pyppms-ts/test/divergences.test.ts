import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PpmsConnection, PumapiValidationError } from "../src/index.js";
import { startScriptedPumapi } from "./helpers/fake-pumapi.js";
import { offlineMocked, offlineStage } from "./helpers/stages.js";

// The behaviours where pyppms-ts deliberately differs from pyppms (README, "Divergences from pyppms").

let open: PpmsConnection[] = [];
let servers: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  open = [];
  servers = [];
});

const SHEET_HEADER_BROKEN = 'Location, Start, End, System, Person\r\n"Room B.12","08:00","12:30","Zeiss LSM 900","Doe Jane"\r\n';

describe("divergences from pyppms", () => {
  it("getUsersWithAccessToSystem lists a login holding two rights once (pyppms repeats it)", async () => {
    const { ppms } = await offlineStage(0);
    open.push(ppms);
    const rights = await ppms.getSystemRights(31);
    expect(rights.filter((r) => r.login === "amueller")).toHaveLength(2);
    const logins = await ppms.getUsersWithAccessToSystem(31);
    expect(logins.filter((l) => l === "amueller")).toHaveLength(1);
  });

  it("a running sheet with a broken header throws a PumapiValidationError naming the column", async () => {
    const { ppms } = await offlineMocked("runningsheet-broken-header");
    open.push(ppms);
    const error = await ppms.getRunningSheet(2, "2030-03-14").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PumapiValidationError);
    expect(error).toMatchObject({ action: "getrunningsheet", field: "Start time" });
    expect((error as Error).message).toMatch(/PUMAPI getrunningsheet.*record 2.*'Start time' is missing/);
  });

  it("... and such a sheet is never recorded", async () => {
    const server = await startScriptedPumapi((form) => ({ body: form.action === "auth" ? "OK" : SHEET_HEADER_BROKEN }));
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), "pyppms-div-"));
    dirs.push(dir);
    const ppms = await PpmsConnection.connect({ baseUrl: server.url, apiKey: "scripted-key-0001", cache: { dir, mode: "record-all" } });
    open.push(ppms);
    await expect(ppms.getRunningSheet(2, "2030-03-14")).rejects.toBeInstanceOf(PumapiValidationError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("skipCache offline is answered from the recording (pyppms would send the request)", async () => {
    const { ppms, fixture } = await offlineStage(0);
    open.push(ppms);
    const user = await ppms.getUser("jdoe", { skipCache: true });
    expect(user.fullname).toBe("Doe Jane");
    expect(ppms.lastServedFromCache).toBe(true);
    expect(fixture.used()).toEqual([expect.stringContaining("login--jdoe")]);
  });
});
