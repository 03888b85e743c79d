import { startLoopbackServer } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { FacilitySdkError, HttpCoreError, HttpNotFoundError, InvalidArgumentError, PpmsUserExistsError, PumapiUnexpectedAnswerError } from "../src/index.js";
import { userAnswer } from "./helpers/fake-pumapi.js";
import { useFakePumapi, useScriptedPumapi } from "./helpers/harness.js";

const API_KEY = "hostile-Key-90ab";
const pumapi = useScriptedPumapi({ apiKey: API_KEY, retry: { limit: 0 } });
const fake = useFakePumapi(new Date(2030, 2, 14, 9, 0));

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e,
  );

describe("answers outside 2xx are typed errors naming the action", () => {
  it.each([
    ["a 302 'Found. Redirecting'", { status: 302, body: "Found. Redirecting to /login" }],
    ["an empty 307", { status: 307, body: "" }],
  ])("%s to auth fails connect", async (_name, answer) => {
    const server = await pumapi.start(() => answer);
    const error = await rejection(pumapi.connect({ baseUrl: server.url }));
    expect(error).toBeInstanceOf(HttpCoreError);
    expect(error).toMatchObject({ operation: "PUMAPI auth", status: answer.status });
    expect((error as Error).message).toContain("PUMAPI auth");
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it("a 302 to getusers is an error, not a list holding the redirect text", async () => {
    const { ppms } = await pumapi.setup(() => ({ status: 302, body: "Found. Redirecting to /login" }));
    const error = await rejection(ppms.getUserIds());
    expect(error).toBeInstanceOf(FacilitySdkError);
    expect(error).toMatchObject({ operation: "PUMAPI getusers", status: 302 });
  });
});

describe("bad arguments never reach the wire", () => {
  const cases: [string, (ppms: Awaited<ReturnType<typeof pumapi.setup>>["ppms"]) => Promise<unknown>, string][] = [
    ["a string where a list of logins goes (getUsersEmails)", (p) => p.getUsersEmails({ users: "jdoe" as never }), "users"],
    ["a string where a list of logins goes (cacheUpdateUsers)", (p) => p.cacheUpdateUsers({ userIds: "jdoe" as never }), "userIds"],
    ["a number as a login", (p) => p.getUsersEmails({ users: [42 as never] }), "users[0]"],
    ["an empty login", (p) => p.cacheUpdateUsers({ userIds: ["jdoe", ""] }), "userIds[1]"],
    ["day 0050-01-01 (would become 1950)", (p) => p.getRunningSheet(2, "0050-01-01"), "day"],
    ["active: 'yes' on updateUser", (p) => p.updateUser("jdoe", { active: "yes" as never }), "active"],
    ["active: 'yes' on getUserIds", (p) => p.getUserIds({ active: "yes" as never }), "active"],
    ["an unknown field in updateUser", (p) => p.updateUser("jdoe", { actve: false } as never), "fields.actve"],
    ["no field in updateUser", (p) => p.updateUser("jdoe", {}), "fields"],
    ["an unknown field in updateGroup", (p) => p.updateGroup("cell_lab", { nmae: "Cells" } as never), "fields.nmae"],
    ["newUser(null)", (p) => p.newUser(null as never), "fields"],
    ["a number as a login in newUser", (p) => p.newUser({ login: 7, lname: "L", fname: "F", email: "f@lab.example", ppmsGroup: "g" } as never), "login"],
  ];

  it.each(cases)("%s → InvalidArgumentError before any request", async (_name, call, field) => {
    const { ppms, server } = await pumapi.setup(() => ({ body: userAnswer("jdoe") }));
    const before = server.forms.length;
    const error = await rejection(call(ppms));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
    expect(server.forms.length).toBe(before);
  });
});

describe("newUser does not overwrite an existing user", () => {
  it("refuses an existing login with a typed error and sends no newuser; overwrite: true allows it", async () => {
    const { ppms, sent } = await fake.setup();
    const jdoe = { login: "jdoe", lname: "Else", fname: "Someone", email: "someone@lab.example", ppmsGroup: "cell_lab" };
    const error = await rejection(ppms.newUser(jdoe));
    expect(error).toBeInstanceOf(PpmsUserExistsError);
    expect(error).toMatchObject({ login: "jdoe", field: "login" });
    expect(sent("newuser")).toBe(0);
    expect((await ppms.getUser("jdoe")).fullname).toBe("Doe Jane");
    await ppms.newUser(jdoe, { overwrite: true });
    expect(sent("newuser")).toBe(1);
    expect((await ppms.getUser("jdoe", { skipCache: true })).fullname).toBe("Else Someone");
  });

  it("userExists tells a known login from an unknown one", async () => {
    const { ppms } = await fake.setup();
    expect(await ppms.userExists("jdoe")).toBe(true);
    expect(await ppms.userExists("nobody.here")).toBe(false);
  });
});

describe("a base URL without /pumapi/ gets a hint", () => {
  const HINT = "PUMAPI URLs end in /pumapi/";

  it("a 404 names the action and says how PUMAPI URLs end", async () => {
    const served = await startLoopbackServer((req, res) => {
      res.writeHead(req.url === "/pumapi/" ? 200 : 404, { "content-type": "text/html" });
      res.end(req.url === "/pumapi/" ? "" : "<html><body>Not Found</body></html>");
    });
    pumapi.serve(served);
    const error = await rejection(pumapi.connect({ baseUrl: `${served.origin}/facility/` }));
    expect(error).toBeInstanceOf(HttpNotFoundError);
    expect(error).toMatchObject({ operation: "PUMAPI auth" });
    expect((error as Error).message).toContain(HINT);
    // the same server under /pumapi/ answers auth
    await expect(pumapi.connect({ baseUrl: `${served.origin}/pumapi/` })).resolves.toMatchObject({ status: { authState: "SUCCESS" } });
  });

  it("an HTML page from such a URL says so too; the same page from a /pumapi/ URL does not", async () => {
    const served = await startLoopbackServer((req, res) => {
      const form = new URLSearchParams(req.body);
      res.writeHead(200, { "content-type": "text/html" });
      res.end(form.get("action") === "auth" ? "" : "<html><body>Welcome to PPMS</body></html>");
    });
    pumapi.serve(served);
    const wrong = await pumapi.connect({ baseUrl: `${served.origin}/facility/` });
    const error = await rejection(wrong.getUserIds());
    expect(error).toBeInstanceOf(PumapiUnexpectedAnswerError);
    expect((error as Error).message).toContain(HINT);
    const right = await pumapi.connect({ baseUrl: `${served.origin}/facility/pumapi/` });
    const plain = await rejection(right.getUserIds());
    expect(plain).toBeInstanceOf(PumapiUnexpectedAnswerError);
    expect((plain as Error).message).not.toContain(HINT);
  });
});
