import { describe, expect, it } from "vitest";
import {
  NoDataError,
  PpmsInvalidArgumentError,
  PpmsProject,
  PumapiActionError,
  projectFromRecord,
  type NewProjectFields,
} from "../src/index.js";
import { startScriptedPumapi } from "./helpers/fake-pumapi.js";
import { useFakePumapi } from "./helpers/harness.js";

// Projects: the model, the in-memory project cache, the writes (checked locally, never retried).

const NOW = new Date(2030, 2, 14, 9, 0);
const pumapi = useFakePumapi(NOW);
const { connect, serve, setup: fake } = pumapi;
const stage0 = () => pumapi.stage(0);

describe("PpmsProject and getProjects (offline, stage_0)", () => {
  it("getProjects returns a map keyed by project id, of PpmsProject instances", async () => {
    const { ppms } = await stage0();
    const projects = await ppms.getProjects();
    expect([...projects.keys()]).toEqual([7, 8, 9]);
    const project = projects.get(7);
    expect(project).toBeInstanceOf(PpmsProject);
    expect(project).toEqual(
      new PpmsProject({
        projectId: 7,
        name: "Cell migration",
        coreFacilityRef: "2",
        phase: "1",
        active: true,
        bcode: "BC-1001",
        affiliation: "Lab of Cells, Dept. B",
        type: "Research",
        group: "cell_lab",
        description: "Live imaging of\nmigrating cells, two channels",
      }),
    );
    expect(project?.expirationDate).toBeUndefined();
    expect(String(project)).toBe("7: Cell migration");
    expect(projectFromRecord({ "Project name": "P", Active: true, ProjectRef: "5" })).toBeInstanceOf(PpmsProject);
  });

  it("is cached in memory like systems: served from memory until forceRefresh or cacheUpdateProjects", async () => {
    const { ppms, fixture } = await stage0();
    expect(ppms.projects.size).toBe(0);
    const first = await ppms.getProjects();
    expect(ppms.projects).toBe(first);
    const used = fixture.used().length;
    expect(await ppms.getProjects()).toBe(first);
    expect(fixture.used().length).toBe(used);
    const refreshed = await ppms.getProjects({ forceRefresh: true });
    expect(refreshed).not.toBe(first);
    expect(ppms.projects).toBe(refreshed);
    const updated = await ppms.cacheUpdateProjects();
    expect(ppms.projects).toBe(updated);
    expect([...updated.keys()]).toEqual([7, 8, 9]);
  });

  it("members, groups and a user's projects still work", async () => {
    const { ppms } = await stage0();
    expect(await ppms.getProjectUsers(7)).toEqual(["bkovac", "cnguyen"]);
    expect(await ppms.getProjectGroups(7)).toEqual(["cell_lab"]);
    expect(await ppms.getUserProjects("bkovac")).toEqual([7]);
  });
});

describe("project writes (offline, stage_0)", () => {
  it("newProject sends the fields under PUMAPI's names and returns the new id; the project cache is emptied", async () => {
    const { ppms } = await stage0();
    await ppms.getProjects();
    const id = await ppms.newProject({
      coreFacilityRef: 2,
      name: "Organoid screen",
      bcode: "BC-1001",
      phase: 1,
      active: true,
      description: "Organoid lines",
      expirationDate: new Date(2031, 11, 31),
    });
    expect(id).toBe(10);
    expect(ppms.projects.size).toBe(0);
  });

  it("updateProject and addProjectEntry send their fields", async () => {
    const { ppms } = await stage0();
    await ppms.getProjects();
    await expect(ppms.updateProject(7, { active: false, expirationDate: "" })).resolves.toBeUndefined();
    expect(ppms.projects.size).toBe(0);
    await expect(ppms.addProjectEntry("7", "Kick-off", "Samples arrive in week 12.")).resolves.toBeUndefined();
  });

  it("checks every field locally, naming it, before any request", async () => {
    const { ppms, fixture } = await stage0();
    const base: NewProjectFields = { coreFacilityRef: 2, name: "P" };
    const cases: [Promise<unknown>, string][] = [
      [ppms.newProject({ ...base, name: "" }), "name"],
      [ppms.newProject({ ...base, coreFacilityRef: "two" }), "coreFacilityRef"],
      [ppms.newProject({ name: "P" } as NewProjectFields), "coreFacilityRef"],
      [ppms.newProject({ ...base, phase: 1.5 }), "phase"],
      [ppms.newProject({ ...base, phase: "-1" }), "phase"],
      [ppms.newProject({ ...base, active: "yes" as unknown as boolean }), "active"],
      [ppms.newProject({ ...base, expirationDate: "2031-02-30" }), "expirationDate"],
      [ppms.newProject({ ...base, expirationDate: "31.12.2031" }), "expirationDate"],
      [ppms.newProject({ ...base, expirationDate: "" }), "expirationDate"],
      [ppms.newProject({ ...base, expirationDate: new Date(Number.NaN) }), "expirationDate"],
      [ppms.newProject({ ...base, bcode: 1001 as unknown as string }), "bcode"],
      [ppms.newProject({ ...base, nmae: "typo" } as NewProjectFields), "nmae"],
      [ppms.updateProject("x7", { active: false }), "projectId"],
      [ppms.updateProject(7, {}), "fields"],
      [ppms.updateProject(7, { name: " " }), "name"],
      [ppms.addProjectEntry(7, "", "text"), "title"],
      [ppms.addProjectEntry(7, "Title", ""), "content"],
      [ppms.addProjectEntry(-1, "Title", "text"), "projectId"],
    ];
    for (const [call, field] of cases) {
      const error = await call.catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(PpmsInvalidArgumentError);
      expect(error, field).toMatchObject({ field });
    }
    expect(fixture.used()).toEqual([]);
  });

  it("an error text, or an answer that is not an id, is a PumapiActionError", async () => {
    const { ppms } = await pumapi.mocked("project-writes");
    const refused = await ppms.newProject({ coreFacilityRef: 3, name: "Nowhere" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PumapiActionError);
    expect((refused as Error).message).toMatch(/PUMAPI newproject.*invalid core facility 3/);
    const odd = await ppms.newProject({ coreFacilityRef: 2, name: "Odd answer" }).catch((e: unknown) => e);
    expect(odd).toBeInstanceOf(PumapiActionError);
    expect((odd as Error).message).toContain("instead of the new project id");
    await expect(ppms.updateProject(99, { name: "Ghost" })).rejects.toThrow(/invalid project 99/);
  });

  it("writes are never retried; getprojects is", async () => {
    const server = serve(
      await startScriptedPumapi((form, count) => {
        if (form.action === "auth") return { body: "OK" };
        if (form.action === "getprojects" && count === 1) return { status: 503, body: "busy" };
        if (form.action === "getprojects") return { body: "Project name, Active, ProjectRef\r\n\"P\",True,4\r\n" };
        return { status: 503, body: "busy" };
      }),
    );
    const ppms = await connect({ baseUrl: server.url, apiKey: "scripted-key-0001", retry: { limit: 2, backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: "none" } } });
    await expect(ppms.newProject({ coreFacilityRef: 2, name: "P" })).rejects.toBeTruthy();
    await expect(ppms.updateProject(4, { active: false })).rejects.toBeTruthy();
    await expect(ppms.addProjectEntry(4, "T", "C")).rejects.toBeTruthy();
    for (const action of ["newproject", "updproject", "addprojectentry"]) expect(server.forms.filter((f) => f.action === action), action).toHaveLength(1);
    expect([...(await ppms.getProjects()).keys()]).toEqual([4]);
    expect(server.forms.filter((f) => f.action === "getprojects")).toHaveLength(2);
  });

  it("an empty getprojects answer is a NoDataError naming the action", async () => {
    const server = serve(await startScriptedPumapi((form) => ({ body: form.action === "auth" ? "OK" : "" })));
    const ppms = await connect({ baseUrl: server.url, apiKey: "scripted-key-0001" });
    await expect(ppms.getProjects()).rejects.toMatchObject({ name: "NoDataError", action: "getprojects" });
    await expect(ppms.getProjects()).rejects.toBeInstanceOf(NoDataError);
  });
});

describe("projects against the fake PUMAPI", () => {
  it("newProject, then getProjects({ forceRefresh: true }) lists it; updateProject and entries reach the server", async () => {
    const { ppms, server, sent } = await fake();
    expect([...(await ppms.getProjects()).keys()]).toEqual([7, 8]);
    const id = await ppms.newProject({ coreFacilityRef: 2, name: "Organoid screen", bcode: "BC-1001", type: "Research", group: "cell_lab", expirationDate: "2031-12-31" });
    expect(id).toBe(9);
    expect(sent("newproject")).toBe(1);
    const projects = await ppms.getProjects({ forceRefresh: true, withExpirationDate: true });
    expect(projects.get(9)).toMatchObject({ name: "Organoid screen", bcode: "BC-1001", type: "Research", group: "cell_lab", active: true, expirationDate: "2031-12-31" });
    await ppms.updateProject(9, { active: false, description: "Paused, restart in May", phase: 2 });
    // the write emptied the project cache: the next getProjects asks again
    const after = await ppms.getProjects();
    expect(after.get(9)).toMatchObject({ active: false, description: "Paused, restart in May", phase: "2" });
    await ppms.addProjectEntry(9, "Kick-off", "Samples arrive in week 12.");
    expect(server.state.projects.get(9)?.entries).toEqual([{ title: "Kick-off", content: "Samples arrive in week 12.", date: "2030-03-14" }]);
    await expect(ppms.newProject({ coreFacilityRef: 3, name: "Nowhere" })).rejects.toThrow(/invalid core facility 3/);
  });

  it("withExpirationDate sends ExpirationDate=true; a cache without dates is fetched again", async () => {
    const { ppms, server, sent } = await fake();
    const plain = await ppms.getProjects();
    expect(plain.get(7)?.expirationDate).toBeUndefined();
    const dated = await ppms.getProjects({ withExpirationDate: true });
    expect(sent("getprojects")).toBe(2);
    expect(server.requests.at(-1)?.form.ExpirationDate).toBe("true");
    expect(dated.get(7)?.expirationDate).toBe("2031-06-30");
    expect(dated.get(8)?.expirationDate).toBe("");
    expect(await ppms.getProjects({ withExpirationDate: true })).toBe(dated);
    expect(await ppms.getProjects()).toBe(dated);
    expect(sent("getprojects")).toBe(2);
  });

  it("projects with their users and groups", async () => {
    const { ppms } = await fake();
    const projects = await ppms.getProjects();
    const members = new Map<number, string[]>();
    for (const id of projects.keys()) members.set(id, await ppms.getProjectUsers(id));
    expect(Object.fromEntries(members)).toEqual({ 7: ["bkovac", "cnguyen"], 8: ["jdoe", "amueller"] });
    expect(await ppms.getProjectGroups(8)).toEqual(["imaging_group"]);
    const jdoeProjects = (await ppms.getUserProjects("jdoe")).map((id) => projects.get(id)?.name);
    expect(jdoeProjects).toEqual(["Imaging methods"]);
    expect(projects.get(8)?.description).toBe('Method "development" & testing');
  });
});
