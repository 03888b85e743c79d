import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { RecordReplayCache } from "@facility-sdk/http-core";
import { useStage } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { PpmsConnection, PpmsInvalidArgumentError, PpmsUsersApi, pumapiFormKey } from "../src/index.js";
import { userAnswer } from "./helpers/fake-pumapi.js";
import { useScriptedPumapi } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";
import { pumapiFixture } from "./helpers/stages.js";

const API_KEY = "options-Key-9d2f41";
const { start, connect, tempDir } = useScriptedPumapi();
const server = () => start((form) => ({ body: form.action === "auth" ? "OK" : userAnswer(form.login ?? "x") }));
function copyOfStage0(): string {
  const dir = join(tempDir("pyppms-ts-options-"), "cache");
  cpSync(pumapiFixture("stage_0"), dir, { recursive: true });
  return dir;
}

describe("connection options", () => {
  it("with a key and a cache in replay mode, connect sends no auth and the status says so", async () => {
    const s = await server();
    const stage = useStage({ suite: "pumapi", stage: 0, key: pumapiFormKey() });
    const ppms = await connect({ baseUrl: s.url, apiKey: API_KEY, cache: stage.cache });
    expect(ppms.status).toEqual({ authState: "REPLAY", authResponse: "", authHttpStatus: -1 });
    expect(ppms.offline).toBe(false);
    expect((await ppms.getUser("jdoe")).fullname).toBe("Doe Jane");
    expect(s.forms).toEqual([]);
  });

  it("without a key the connection is offline and replays, whatever the configured mode", async () => {
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: { dir: copyOfStage0(), mode: "record-all" } });
    expect(ppms.status.authState).toBe("OFFLINE");
    expect(ppms.offline).toBe(true);
    expect((await ppms.getUser("jdoe")).username).toBe("jdoe");
    // A ready cache that would reach the network cannot be used offline.
    const recording = new RecordReplayCache({ dir: copyOfStage0(), mode: "record-missing", key: pumapiFormKey() });
    await expect(PpmsConnection.connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: recording })).rejects.toMatchObject({
      name: "PpmsInvalidArgumentError",
      field: "options.cache",
    });
  });

  it("cacheMode (deprecated) sets the mode of a directory; a config's own mode wins; cacheUsersOnly keeps getuser only", async () => {
    const s = await server();
    const a = await connect({ baseUrl: s.url, apiKey: API_KEY, cache: { dir: copyOfStage0(), mode: "replay" }, cacheMode: "record-all" });
    expect(a.status.authState).toBe("REPLAY");
    const dir = join(tempDir("pyppms-ts-options-"), "cache");
    const b = await connect({ baseUrl: s.url, apiKey: API_KEY, cache: dir, cacheMode: "record-all", cacheUsersOnly: true });
    await b.getUser("jdoe");
    await b.request("getgroups");
    expect(readdirSync(dir)).toEqual(["getuser"]);
  });

  it("url (deprecated) is an alias of baseUrl, on the options and on the connection", async () => {
    const s = await server();
    const ppms = await connect({ url: s.url, apiKey: API_KEY });
    expect(ppms.baseUrl).toBe(s.url);
    expect(ppms.url).toBe(s.url);
  });

  it("a logger without a level logs at warn", async () => {
    const { logger, lines } = captureLogger();
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: copyOfStage0(), logger });
    await ppms.getUsers();
    expect(lines.some((l) => l.level === "warn" && l.text.includes("offline"))).toBe(true);
    expect(lines.some((l) => l.level === "warn" && l.text.includes("Lee Min"))).toBe(true);
    expect(lines.filter((l) => l.level === "debug" || l.level === "info")).toEqual([]);
  });

  it("bad options fail before any request, with the option named", async () => {
    await expect(PpmsConnection.connect({ apiKey: API_KEY })).rejects.toMatchObject({ field: "options.baseUrl" });
    await expect(PpmsConnection.connect({ baseUrl: "https://ppms.invalid/", apiKey: API_KEY, concurrency: 0 })).rejects.toBeInstanceOf(PpmsInvalidArgumentError);
    await expect(PpmsConnection.connect({ baseUrl: "https://ppms.invalid/", cache: "" })).rejects.toMatchObject({ field: "options.cache" });
  });

  it("every resource family's methods are on the connection; a method called without one is a typed error", async () => {
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: copyOfStage0() });
    for (const name of ["getUser", "getGroup", "getSystems", "getSystemRights", "getRunningSheet", "getUserExperience", "getProjects", "getBcodes", "getIncidents"]) {
      expect(typeof (ppms as unknown as Record<string, unknown>)[name]).toBe("function");
    }
    await expect(PpmsUsersApi.prototype.getUser.call({}, "jdoe")).rejects.toMatchObject({ name: "PpmsInvalidArgumentError", field: "this" });
  });
});
