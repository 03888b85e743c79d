import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { startReplayServer, stageDirs } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { PpmsUserNotFoundError } from "../src/index.js";
import { startScriptedPumapi } from "./helpers/fake-pumapi.js";
import { filesUnder } from "./helpers/files.js";
import { useConnections } from "./helpers/harness.js";
import { pumapiFixture, pumapiKey } from "./helpers/stages.js";

const API_KEY = "layout-Key-5c1d0e";
const STAGE_0 = pumapiFixture("stage_0");

/** pyppms' `__interception_path`, written out by hand: `<action>/<k1--v1__k2--v2>.txt`, keys sorted. */
function pyppmsPath(form: Record<string, string>): string {
  const signature = Object.keys(form)
    .sort()
    .filter((k) => k !== "action" && k !== "apikey")
    .map((k) => `${k}--${form[k]}`)
    .join("__");
  return join(form.action ?? "", `${signature === "" ? "response" : signature}.txt`);
}

const { connect, serve, tempDir } = useConnections();

describe("the fixtures are a pyppms cache directory", () => {
  const requests: Record<string, string>[] = [
    { action: "getusers", apikey: API_KEY },
    { action: "getusers", apikey: API_KEY, active: "true" },
    { action: "getuser", apikey: API_KEY, login: "jdoe" },
    { action: "getsystems", apikey: API_KEY },
    { action: "getrunningsheet", apikey: API_KEY, plateformid: "2", day: "2030-03-14" },
    { action: "getuserexp", apikey: API_KEY, login: "jdoe", id: "31" },
    { action: "setright", apikey: API_KEY, id: "31", login: "bkovac", type: "A" },
    { action: "getgroup", apikey: API_KEY, unitlogin: "imaging_group" },
  ];

  it.each(requests)("pyppms' own file name for %o exists and http-core's key agrees", (form) => {
    const expected = pyppmsPath(form);
    expect(existsSync(join(STAGE_0, expected))).toBe(true);
    const key = pumapiKey()({ method: "POST", url: "https://ppms.invalid/pumapi/", form });
    expect(key && join(key.folder, `${key.name}.txt`)).toBe(expected);
  });

  it("every fixture body uses CRLF line ends and holds no API key field", () => {
    const files = ["stage_0", "stage_1", "stage_2", "mocked"].flatMap((d) => filesUnder(pumapiFixture(d)));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const body = readFileSync(file, "utf8");
      expect(body.replace(/\r\n/g, "")).not.toMatch(/\n/);
      expect(body).not.toMatch(/apikey/i);
      expect(file).not.toMatch(/apikey/i);
    }
  });
});

describe("pyppms-ts reads a pyppms cache unchanged, and writes one pyppms can read", () => {
  it("offline mode reads a copied pyppms cache directory as it is", async () => {
    const dir = join(tempDir("pyppms-ts-layout-"), "cache");
    cpSync(STAGE_0, dir, { recursive: true });
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: dir });
    expect(ppms.offline).toBe(true);
    expect((await ppms.getUser("jdoe")).fullname).toBe("Doe Jane");
    expect(await ppms.getUsersWithAccessToSystem(31)).toEqual(["jdoe", "amueller", "facility.admin"]);
    expect(ppms.lastServedFromCache).toBe(true);
  });

  it("record mode writes exactly pyppms' names and bodies, without the key and without auth", async () => {
    const server = serve(await startReplayServer({ dirs: stageDirs("pumapi", 0), key: pumapiKey() }));
    const dir = join(tempDir("pyppms-ts-layout-"), "cache");
    const ppms = await connect({ baseUrl: server.url, apiKey: API_KEY, cache: { dir, mode: "record-all" } });
    await ppms.getUsers();
    await ppms.getSystems();
    await ppms.getRunningSheet(2, "2030-03-14");
    await ppms.getUserExperience({ login: "jdoe", systemId: 31 });
    await ppms.getGroup("imaging_group");
    await ppms.giveUserAccessToSystem("bkovac", 31);

    const written = filesUnder(dir).map((f) => relative(dir, f));
    expect(written.length).toBeGreaterThan(10);
    expect(written.some((f) => f.startsWith(`auth${sep}`))).toBe(false);
    for (const file of written) {
      expect(file).not.toContain(API_KEY);
      const body = readFileSync(join(dir, file), "utf8");
      expect(body).not.toContain(API_KEY);
      expect(body).toBe(readFileSync(join(STAGE_0, file), "utf8"));
    }
    expect(written).toContain(pyppmsPath({ action: "getuserexp", id: "31", login: "jdoe" }));
    expect(written).toContain(pyppmsPath({ action: "getrunningsheet", plateformid: "2", day: "2030-03-14" }));
  });

  it("cacheUsersOnly records only getuser answers", async () => {
    const server = serve(await startReplayServer({ dirs: stageDirs("pumapi", 0), key: pumapiKey() }));
    const dir = join(tempDir("pyppms-ts-layout-"), "cache");
    // The deprecated spelling (url, cache + cacheMode) still works.
    const ppms = await connect({
      url: server.url,
      apiKey: API_KEY,
      cache: dir,
      cacheMode: "record-all",
      cacheUsersOnly: true,
    });
    await ppms.getUsers();
    await ppms.getSystems();
    expect(readdirSync(dir)).toEqual(["getuser"]);
  });

  it("odd values cannot lead out of the cache directory", async () => {
    // An empty getuser answer is PUMAPI's "unknown login": a valid answer, so it is recorded.
    const server = serve(await startScriptedPumapi((form) => ({ body: form.action === "auth" ? "OK" : "" })));
    const root = tempDir("pyppms-ts-layout-");
    const dir = join(root, "cache");
    const ppms = await connect({ baseUrl: server.url, apiKey: API_KEY, cache: { dir, mode: "record-all" } });
    const logins = ["../../escape", "..", "a/b\\c", "nul\u0000byte", "x".repeat(400)];
    for (const login of logins) {
      await expect(ppms.getUser(login)).rejects.toBeInstanceOf(PpmsUserNotFoundError);
    }
    expect(readdirSync(root)).toEqual(["cache"]);
    expect(filesUnder(dir)).toHaveLength(logins.length);
    for (const file of filesUnder(dir)) expect(relative(dir, file).startsWith("..")).toBe(false);
  });

  it("flushCache removes the cache, or all but the getuser answers", async () => {
    const dir = join(tempDir("pyppms-ts-layout-"), "cache");
    cpSync(STAGE_0, dir, { recursive: true });
    const ppms = await connect({ baseUrl: "https://ppms.invalid/pumapi/", cache: dir });
    await ppms.flushCache({ keepUsers: true });
    expect(readdirSync(dir)).toEqual(["getuser"]);
    await ppms.flushCache();
    expect(filesUnder(dir)).toEqual([]);
  });
});
