import { describe, expect, it } from "vitest";
import { PpmsInvalidArgumentError } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";

const { stage } = useConnections();

describe("actions pyppms does not wrap (offline, stage_0)", () => {
  it("getProjects parses descriptions with commas, quotes and line breaks", async () => {
    const { ppms } = await stage(0);
    const projects = [...(await ppms.getProjects()).values()];
    expect(projects.map((p) => p.projectId)).toEqual([7, 8, 9]);
    // line breaks are "\n" whichever way PUMAPI sent them (CSV sends CRLF, JSON "\n")
    expect(projects[0]).toMatchObject({ name: "Cell migration", active: true, description: "Live imaging of\nmigrating cells, two channels" });
    expect(projects[1]?.description).toBe('Method "development"');
    expect(projects[2]?.active).toBe(false);
  });

  it("project members, groups and a user's projects", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getProjectUsers(7)).toEqual(["bkovac", "cnguyen"]);
    expect(await ppms.getProjectGroups("7")).toEqual(["cell_lab"]);
    expect(await ppms.getUserProjects("bkovac")).toEqual([7]);
    await expect(ppms.getProjectUsers("seven")).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
  });

  it("getBcodes reads the spaced header", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getBcodes()).toEqual([
      { bcode: "BC-1001", user: "", group: "cell_lab", project: "Cell migration", subsidy: "", charges: "" },
      { bcode: "BC-1002", user: "jdoe", group: "imaging_group", project: "Imaging methods", subsidy: "50%", charges: "" },
    ]);
  });

  it("session notes can be read and written", async () => {
    const { ppms } = await stage(0);
    expect(await ppms.getSessionNote(12345)).toBe("Laser 2 unstable, re-aligned before start.");
    await expect(ppms.setSessionNote(12345, "Checked")).resolves.toBeUndefined();
  });

  it("incidents can be listed and reported; the severity is checked locally", async () => {
    const { ppms, fixture } = await stage(0);
    expect(await ppms.getIncidents(31)).toEqual([
      { "Incident id": "501", "System id": "31", Severity: "2", Description: "Stage drift, about 2 µm per hour", Date: "2030-03-01", Active: true },
    ]);
    await expect(ppms.createIncident(31, 2, "Stage-drift")).resolves.toBeUndefined();
    const before = fixture.used().length;
    await expect(ppms.createIncident(31, 5 as 1, "x")).rejects.toMatchObject({ field: "severity" });
    await expect(ppms.createIncident(31, 1, "")).rejects.toMatchObject({ field: "description" });
    expect(fixture.used()).toHaveLength(before);
  });

  it("requestJson sends format=json and unescapes HTML entities", async () => {
    const { ppms } = await stage(0);
    const systems = (await ppms.requestJson("getsystems")) as Record<string, string>[];
    expect(systems[0]?.Localisation).toBe("Room B.12 & B.13");
    expect(systems[1]?.Name).toBe('Confocal, upright "old"');
  });

  it("request returns the raw answer, CRLF and all", async () => {
    const { ppms } = await stage(0);
    const res = await ppms.request("getgroups");
    expect(res).toMatchObject({ action: "getgroups", status: 200, fromCache: true });
    expect(res.text).toBe("imaging_group\r\ncell_lab\r\nfacility_staff\r\n");
    await expect(ppms.request("getgroups", { apikey: "x" })).rejects.toMatchObject({ field: "params.apikey" });
  });
});
