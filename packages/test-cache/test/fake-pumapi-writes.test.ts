import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakePumapi, startFakePumapi } from "../src/fake-pumapi/index.js";
import { crlfLines, post } from "./fake-pumapi-helpers.js";

// The fake PUMAPI server's writes: each one changes what later reads answer. A fresh server per
// test, with the clock on 2030-03-20 10:00 local time ("today" of the writes).

let server: RunningFakePumapi;

beforeEach(async () => {
  server = await startFakePumapi({ now: () => new Date(2030, 2, 20, 10, 0).getTime() });
});

afterEach(async () => {
  await server.close();
});

describe("setright", () => {
  it("adds a right, then replaces the login's letter in place (as the recorded stages show)", async () => {
    expect((await post(server, "setright", { id: "31", login: "bkovac", type: "A" })).text).toBe("done\r\n");
    expect(crlfLines((await post(server, "getsysrights", { id: "31" })).text).at(-1)).toBe("A:bkovac");
    await post(server, "setright", { id: "31", login: "amueller", type: "D" });
    expect((await post(server, "getsysrights", { id: "31" })).text).toBe("A:jdoe\r\nD:amueller\r\nS:facility.admin\r\nD:cnguyen\r\nA:bkovac\r\n");
    expect((await post(server, "getuserrights", { login: "bkovac" })).text).toBe("A:33\r\nA:50\r\nA:31\r\n");
  });

  it("answers done to an invalid letter and changes nothing", async () => {
    const before = (await post(server, "getsysrights", { id: "31" })).text;
    expect((await post(server, "setright", { id: "31", login: "jdoe", type: "X" })).text).toBe("done\r\n");
    expect((await post(server, "getsysrights", { id: "31" })).text).toBe(before);
  });

  it("refuses an unknown system or user, and a missing parameter", async () => {
    expect((await post(server, "setright", { id: "99", login: "jdoe", type: "A" })).text).toBe("system right not authorized\r\n");
    expect((await post(server, "setright", { id: "31", login: "nobody", type: "A" })).text).toBe("error: invalid user nobody\r\n");
    expect((await post(server, "setright", { id: "31", login: "jdoe" })).text).toBe("error: missing parameter: type\r\n");
  });
});

describe("users and groups", () => {
  it("creates a user with newuser (OK newuser), creating an unknown group on the way", async () => {
    const res = await post(server, "newuser", { login: "pnew", lname: "New", fname: "Pat", email: "pat.new@lab.example", unitlogin: "new_lab", pwd: "pat-pass" });
    expect(res.text).toBe("OK newuser\r\n");
    expect(crlfLines((await post(server, "getuser", { login: "pnew" })).text)[1]).toBe(
      '"pnew","New","Pat","pat.new@lab.example","","","","new_lab",false,false,true',
    );
    expect(crlfLines((await post(server, "getgroups")).text)).toContain("new_lab");
    expect(crlfLines((await post(server, "getgroup", { unitlogin: "new_lab" })).text)[1]).toBe(
      '"new_lab","new_lab","","","","","","","","",true,"","","2030-03-20","",',
    );
    expect((await post(server, "auth", { login: "pnew", pwd: "pat-pass" })).text).toBe("OK\r\n");
    expect(server.state.users.get("pnew")?.userid).toBe(7);
  });

  it("refuses newuser with a missing parameter or another user's e-mail", async () => {
    expect((await post(server, "newuser", { login: "x", lname: "X", fname: "Y", unitlogin: "cell_lab" })).text).toBe("error: missing parameter: email\r\n");
    const clash = await post(server, "newuser", { login: "x", lname: "X", fname: "Y", email: "JANE.DOE@lab.example", unitlogin: "cell_lab" });
    expect(clash.text).toBe("error: a user with this email exists\r\n");
    expect(server.state.users.has("x")).toBe(false);
  });

  it("updates a user with upduser, and creates one it does not find", async () => {
    expect((await post(server, "upduser", { login: "jdoe", active: "false", phone: "+41 00 000 00 09" })).text).toBe("done\r\n");
    expect(crlfLines((await post(server, "getusers", { active: "true" })).text)).not.toContain("jdoe");
    expect(crlfLines((await post(server, "getuser", { login: "jdoe" })).text)[1]).toContain('"+41 00 000 00 09"');
    expect((await post(server, "upduser", { login: "ghost", lname: "Host", unitlogin: "cell_lab" })).text).toBe("done\r\n");
    expect(crlfLines((await post(server, "getgroupusers", { unitlogin: "cell_lab" })).text)).toContain("ghost");
    expect((await post(server, "upduser", { login: "jdoe", active: "maybe" })).text).toBe("error: invalid active: maybe\r\n");
  });

  it("creates and updates groups with newgroup and updgroup", async () => {
    expect((await post(server, "newgroup", { unitlogin: "chem_lab", unitname: "Chem Lab", department: "Chemistry" })).text).toBe("done\r\n");
    expect((await post(server, "updgroup", { unitlogin: "chem_lab", active: "false" })).text).toBe("done\r\n");
    expect(crlfLines((await post(server, "getgroup", { unitlogin: "chem_lab" })).text)[1]).toBe(
      '"chem_lab","Chem Lab","","","","Chemistry","","","","",false,"","","2030-03-20","",',
    );
    expect(crlfLines((await post(server, "getgroups", { active: "false" })).text)).toEqual(["chem_lab"]);
    expect((await post(server, "updgroup", { unitlogin: "bio_lab" })).text).toBe("done\r\n");
    expect(server.state.groups.has("bio_lab")).toBe(true);
  });
});

describe("projects and billing codes", () => {
  it("creates a project (answering its id), updates it and records a journal entry", async () => {
    const created = await post(server, "newproject", { plateformid: "4", name: "Storage pilot", bcode: "BC-2001", phase: "1", ptype: "Pilot" });
    expect(created.text).toMatch(/^\d+$/);
    const id = created.text;
    expect((await post(server, "updproject", { projectid: id, active: "false", name: "Storage pilot, phase 1" })).text).toBe("done\r\n");
    expect((await post(server, "getprojects")).text).toContain(`4,"Storage pilot, phase 1",1,False,"BC-2001",${id},"","Pilot","",""\r\n`);
    expect((await post(server, "addprojectentry", { projectid: id, title: "Kick-off", content: "Agreed on scope" })).text).toBe("done\r\n");
    expect(server.state.projects.get(Number(id))?.entries).toEqual([{ title: "Kick-off", content: "Agreed on scope", date: "2030-03-20" }]);
    expect((await post(server, "newproject", { plateformid: "9", name: "Nowhere" })).text).toBe("error: invalid core facility 9\r\n");
    expect((await post(server, "updproject", { projectid: "999" })).text).toBe("error: invalid project 999\r\n");
    expect((await post(server, "addprojectentry", { projectid: id, title: "No content" })).text).toBe("error: missing parameter: content\r\n");
  });

  it("adds and removes valid billing codes", async () => {
    expect((await post(server, "addvalidbcode", { bcode: "BC-3001", expirationdate: "2032-01-31" })).text).toBe("done\r\n");
    expect((await post(server, "getvalidbcodes", { bcode: "BC-3001" })).text).toBe('Bcode,Expiration date\r\n"BC-3001","2032-01-31"\r\n');
    expect((await post(server, "delvalidbcode", { bcode: "BC-1001" })).text).toBe("done\r\n");
    expect((await post(server, "getvalidbcodes", { bcode: "BC-1001", noheaders: "true" })).text).toBe("");
    expect((await post(server, "delvalidbcode", { bcode: "BC-1001" })).text).toBe("error: invalid bcode BC-1001\r\n");
    expect((await post(server, "addvalidbcode", { bcode: "BC-3002", expirationdate: "soon" })).text).toBe("error: invalid expirationdate: soon\r\n");
  });
});

describe("orders, invoices, manifests, incidents, session notes", () => {
  it("creates an order (serviceid = getservices' Service id, core × 10000 + local) answering digits only; getorders and getorderlines list it", async () => {
    const res = await post(server, "createorder", { serviceid: "20601", login: "amueller", quantity: "4", projectid: "8", comments: "Slides" });
    expect(res.text).toBe("1003");
    const lines = crlfLines((await post(server, "getorders", { coreid: "2" })).text);
    expect(lines.at(-1)).toBe('2,1003,"amueller","imaging_group",8,"","2030-03-20","","Ordered",False');
    expect(crlfLines((await post(server, "getorderlines", { orderref: "1003" })).text)[1]).toBe('1003,20601,4,"imaging_group",False');
    expect(server.state.orders.get(1003)?.lines).toEqual([{ serviceId: 601, quantity: 4, unitPrice: 15 }]);
  });

  it("refuses createorder for a missing quantity, an unknown or inactive service, an unknown user", async () => {
    expect((await post(server, "createorder", { serviceid: "20601", login: "jdoe" })).text).toBe("error: missing parameter: quantity\r\n");
    expect((await post(server, "createorder", { serviceid: "601", login: "jdoe", quantity: "1" })).text).toBe("error: invalid service 601\r\n"); // a local id
    expect((await post(server, "createorder", { serviceid: "40603", login: "jdoe", quantity: "1" })).text).toBe("error: service 40603 is not active\r\n");
    expect((await post(server, "createorder", { serviceid: "20601", login: "nobody", quantity: "1" })).text).toBe("error: invalid user nobody\r\n");
    expect((await post(server, "createorder", { serviceid: "20601", login: "jdoe", quantity: "-2" })).text).toBe("error: invalid quantity: -2\r\n");
    expect(server.state.orders.size).toBe(2);
  });

  it("marks an invoice sent with setinvtracksent", async () => {
    expect((await post(server, "setinvtracksent", { invoiceref: "PPMS2-Imaging-20300228-0002" })).text).toBe("done\r\n");
    expect((await post(server, "getinvtracklist", { filter: "tosend", noheaders: "true" })).text).toBe("");
    const sent = crlfLines((await post(server, "getinvtracklist", { filter: "sent" })).text);
    expect(sent.slice(1).map((l) => l.split(",")[0])).toEqual(['"T-301"', '"T-302"']);
    expect(server.state.invoices.get(302)).toMatchObject({ sent: true, sentDate: "2030-03-20" });
    expect((await post(server, "setinvtracksent", { invoiceref: "INV-0" })).text).toBe("error: invalid invoice INV-0\r\n");
  });

  it("records sample results with addsampleresult (same title replaces)", async () => {
    expect((await post(server, "addsampleresult", { sampleID: "S-0002", title: "viability", value: "88%" })).text).toBe("done\r\n");
    await post(server, "addsampleresult", { sampleID: "S-0001", title: "viability", value: "93%" });
    await post(server, "addsampleresult", { sampleID: "S-0001", title: "count", value: "1.2e6" });
    expect(crlfLines((await post(server, "getmanifest", { manifestid: "71" })).text)).toEqual([
      "sampleID,plate,x,y,sample reference,Type,viability,count", // a result title is a template column
      '"S-0001","P1","1","A","Well A1","cells","93%","1.2e6"',
      '"S-0002","P1","2","A","Well A2","cells","88%",""',
    ]);
    expect((await post(server, "addsampleresult", { sampleID: "S-9", title: "t", value: "v" })).text).toBe("error: invalid sample S-9\r\n");
  });

  it("creates an incident shown by getinc, and refuses a severity outside 1-3", async () => {
    expect((await post(server, "createinc", { id: "31", severity: "3", descr: "Laser off, \"no\" signal" })).text).toBe("done\r\n");
    expect(crlfLines((await post(server, "getinc", { id: "31" })).text)[2]).toBe('502,31,3,"Laser off, ""no"" signal","2030-03-20",True');
    expect((await post(server, "createinc", { id: "31", severity: "5" })).text).toBe("error: invalid severity: 5\r\n");
    expect((await post(server, "createinc", { id: "99" })).text).toBe("error: invalid system 99\r\n");
  });

  it("sets a session note shown by getsessionnote", async () => {
    expect((await post(server, "setsessionnote", { resid: "12346", note: "Checked\nall good" })).text).toBe("done\r\n");
    expect((await post(server, "getsessionnote", { resid: "12346" })).text).toBe("Checked\r\nall good\r\n");
    expect((await post(server, "setsessionnote", { resid: "1" })).text).toBe("error: invalid session 1\r\n");
  });
});
