import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HttpServerError } from "@facility-sdk/http-core";
import { describe, expect, it } from "vitest";
import { DECLARED_ACTIONS, declarationOf, FAMILIES } from "../src/resources/families.js";
import { PpmsConnection } from "../src/index.js";
import { useFakePumapi, useScriptedPumapi } from "./helpers/harness.js";

const FAST_RETRY = { limit: 1, backoff: { initialMs: 1, factor: 1, maxMs: 1, jitter: "none" as const } };
const NOW = new Date(2030, 2, 14, 9, 0);
const SRC = join(import.meta.dirname, "..", "src");

const scripted = useScriptedPumapi({ apiKey: "declared-Key-3f1a", retry: FAST_RETRY });
const fake = useFakePumapi(NOW);

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []));
}

describe("declared actions", () => {
  it("the connection has exactly the methods of the families listed once", () => {
    const own = new Set(Object.getOwnPropertyNames(PpmsConnection.prototype));
    for (const family of FAMILIES) {
      for (const name of Object.getOwnPropertyNames(family.api.prototype)) {
        if (name !== "constructor") expect(own.has(name), `${family.api.name}.${name}`).toBe(true);
      }
    }
    // one declaration per wire action
    const all = FAMILIES.flatMap((family) => Object.values(family.actions).map((d) => d.action));
    expect(new Set(all).size).toBe(all.length);
    expect(DECLARED_ACTIONS.size).toBe(all.length);
  });

  it("only the declared path (callAction) and the raw request()/requestJson() reach the wire", () => {
    const sending = sources(SRC).filter((file) => /\bclient\.send\(/.test(readFileSync(file, "utf8")));
    expect(sending.map((file) => file.slice(SRC.length + 1)).sort()).toEqual(["client/call.ts", "connection.ts"]);
  });

  it("every read is retried and answered from the cache; every write is neither", async () => {
    // The first request of each form is a 503, then `done`.
    const server = await scripted.start((form, count) => (form.action === "auth" && form.probe === undefined ? { body: "" } : count === 1 ? { status: 503, body: "busy" } : { body: "done\r\n" }));
    const dir = scripted.tempDir("pyppms-ts-declared-");
    const ppms = await scripted.connect({ baseUrl: server.url, cache: { dir, mode: "record-missing" } });
    for (const declaration of DECLARED_ACTIONS.values()) {
      const { action, kind } = declaration;
      const sent = (): number => server.forms.filter((f) => f.action === action && f.probe === action).length;
      const params = { probe: action };
      if (kind === "write") {
        await expect(ppms.request(action, params), action).rejects.toBeInstanceOf(HttpServerError);
        expect(sent(), `${action} is never retried`).toBe(1);
        await ppms.request(action, params);
        await ppms.request(action, params);
        expect(sent(), `${action} is never answered from the cache`).toBe(3);
      } else {
        await expect(ppms.request(action, params), action).resolves.toMatchObject({ text: "done\r\n" });
        expect(sent(), `${action} is retried`).toBe(2);
        await ppms.request(action, params);
        // a read is served from the cache; a login (auth) never is
        expect(sent(), `${action} ${kind === "read" ? "is" : "is not"} answered from the cache`).toBe(kind === "read" ? 2 : 3);
      }
    }
  });

  it("every action the methods send to the fake PUMAPI is declared, with the fake's read/write nature", async () => {
    const { server, ppms } = await fake.setup();
    await ppms.getUsers();
    await ppms.getAdmins();
    await ppms.getGroups();
    await ppms.getGroup("cell_lab");
    await ppms.getGroupUsers("cell_lab");
    await ppms.getSystems();
    await ppms.getSystemRights(31);
    await ppms.getUserRights("jdoe");
    await ppms.getUserExperience({ login: "jdoe" });
    await ppms.getCurrentBooking(31);
    await ppms.getNextBooking(31);
    await ppms.getRunningSheet(2, "2030-03-14");
    await ppms.getProjects();
    await ppms.getProjectUsers(7);
    await ppms.getUserProjects("jdoe");
    await ppms.getBcodes();
    await ppms.getValidBcodes();
    await ppms.getServices();
    await ppms.getPriceList();
    await ppms.getOrders();
    await ppms.getInvoiceList();
    await ppms.getInventoryTrackingList({ filter: "tosend" });
    await ppms.getManifestList();
    await ppms.getIncidents(31);
    await ppms.getAccounts();
    await ppms.giveUserAccessToSystem("bkovac", 31);
    await ppms.updateUser("bkovac", { phone: "+41 00 000 00 07" });
    await ppms.checkUserPassword("jdoe", "not-her-password");
    await ppms.getProjectMembers(7);
    await ppms.addProjectMember(7, "jdoe");
    await ppms.removeProjectMember(7, "jdoe");
    await ppms.getGroupProjects("cell_lab");
    await ppms.checkRight("jdoe", 31);
    await ppms.getGroupsList();
    await ppms.getUsersList();
    await ppms.getSessionsList();
    await ppms.getSessionDetails({ sessionId: 12345 });
    await ppms.report(1234);
    const actions = new Set(server.requests.map((r) => r.action));
    expect(actions.size).toBeGreaterThan(35);
    for (const action of actions) {
      const declaration = declarationOf(action);
      expect(declaration, `${action} is declared`).toBeDefined();
      const reads = /^(get|Get|next|Report\d+$|rightcheck$)/.test(action);
      if (action !== "auth") expect(declaration?.kind, action).toBe(reads ? "read" : "write");
    }
  });
});
