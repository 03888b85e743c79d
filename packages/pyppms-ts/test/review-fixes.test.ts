import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PpmsInvalidArgumentError } from "../src/index.js";
import { useScriptedPumapi } from "./helpers/harness.js";

const scripted = useScriptedPumapi({ apiKey: "review-Key-7a21", retry: { limit: 0 } });

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(dir.length + 1)}/${entry.name}`);
}

describe("updateUser refuses an update that would send only the login", () => {
  it("an empty password alone is nothing to update: refused before any request", async () => {
    const { ppms, sent } = await scripted.setup(() => ({ body: "done\r\n" }));
    const error = await ppms.updateUser("jdoe", { password: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PpmsInvalidArgumentError);
    expect(error).toMatchObject({ field: "fields" });
    expect(sent("upduser")).toBe(0);
  });

  it("an empty password with another field sends that field only", async () => {
    const { ppms, server } = await scripted.setup(() => ({ body: "done\r\n" }));
    await ppms.updateUser("jdoe", { password: "", active: false });
    const form = server.forms.find((f) => f.action === "upduser");
    expect(form).toMatchObject({ login: "jdoe", active: "false" });
    expect(form).not.toHaveProperty("pwd");
  });
});

describe("getManifest takes the manifest reference as getManifestList sends it", () => {
  it("a text reference (M-71) is sent as is; numbers still work; blank is refused", async () => {
    const { ppms, server } = await scripted.setup(() => ({ body: "sampleID,plate,x,y,sample reference\r\nS-1,P1,1,A,Well A1\r\n" }));
    expect((await ppms.getManifest("M-71"))[0]?.sampleId).toBe("S-1");
    expect((await ppms.getManifest(" M-72 "))).toHaveLength(1);
    expect(await ppms.getManifest(71)).toHaveLength(1);
    expect(server.forms.filter((f) => f.action === "getmanifest").map((f) => f.manifestid)).toEqual(["M-71", "M-72", "71"]);
    await expect(ppms.getManifest("  ")).rejects.toMatchObject({ field: "manifestId" });
  });
});

describe("getbcodes with the 2014-documented header", () => {
  it("`account number` is the billing code column", async () => {
    const { ppms } = await scripted.setup(() => ({ body: "account number, user, group, project, subsidy\r\nBC-1001,jdoe,cell_lab,7,0\r\n" }));
    const [bcode] = await ppms.getBcodes();
    expect(bcode).toMatchObject({ bcode: "BC-1001", user: "jdoe", group: "cell_lab", project: "7", subsidy: "0", charges: "" });
  });
});

describe("rightcheck never records an error text", () => {
  it("an `error: ...` answer is false and writes nothing to a record-missing cache; a yes is recorded", async () => {
    const server = await scripted.start((form) => (form.action === "auth" ? { body: "" } : form.login === "jdoe" ? { body: "ok\r\n" } : { body: "error: no right\r\n" }));
    const dir = scripted.tempDir("pyppms-ts-rightcheck-");
    const ppms = await scripted.connect({ baseUrl: server.url, cache: { dir, mode: "record-missing" } });
    expect(await ppms.checkRight("cnguyen", 31)).toBe(false);
    expect(filesUnder(dir).filter((file) => file.includes("rightcheck"))).toEqual([]);
    expect(await ppms.checkRight("cnguyen", 31)).toBe(false);
    expect(server.forms.filter((f) => f.action === "rightcheck")).toHaveLength(2);
    expect(await ppms.checkRight("jdoe", 31)).toBe(true);
    expect(filesUnder(dir).filter((file) => file.includes("rightcheck"))).toHaveLength(1);
  });
});
