import { describe, expect, it } from "vitest";
import { FakePumapi, defaultPumapiSeed, startFakePumapi } from "../src/fake-pumapi/index.js";
import { escapeEntities } from "../src/fake-pumapi/render.js";
import { post } from "./fake-pumapi-helpers.js";

// Options of the fake PUMAPI server: keys, system authentication, the clock and the booking quirks,
// latency, custom seeds, and the transport-free core.

describe("startFakePumapi options", () => {
  it("serves /pumapi/ and /API2/ on 127.0.0.1 with the default key, and a custom key when given", async () => {
    const plain = await startFakePumapi();
    const custom = await startFakePumapi({ apiKey: "lab-key", api2Key: "lab-api2-key" });
    try {
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pumapi\/$/);
      expect(plain.api2Url).toBe(`${plain.origin}/API2/`);
      expect(plain.apiKey).toBe("fake-pumapi-key");
      expect((await post(plain, "auth")).text).toBe("OK\r\n");
      expect((await post(custom, "auth", {}, { apikey: "fake-pumapi-key" })).text).toBe("request not authorized\r\n");
      expect((await post(custom, "auth")).text).toBe("OK\r\n");
      // API2 wants its own key.
      expect((await post(custom, "GetPPMSAccounts", {}, { url: custom.api2Url })).text).toBe("request not authorized\r\n");
      expect(JSON.parse((await post(custom, "GetPPMSAccounts", {}, { url: custom.api2Url, apikey: "lab-api2-key" })).text)).toHaveLength(3);
    } finally {
      await plain.close();
      await custom.close();
    }
  });

  it("accepts system authentication (id + code) for getbooking and nextbooking only", async () => {
    const server = await startFakePumapi({ systemCodes: { 31: "code-31" }, now: () => new Date(2030, 2, 14, 12, 0).getTime() });
    try {
      expect((await post(server, "getbooking", { id: "31", code: "code-31" }, { apikey: null })).text).toBe("jdoe\r\n30\r\n12345\r\n");
      expect((await post(server, "nextbooking", { id: "31", code: "code-31" }, { apikey: null })).text).toBe("amueller\r\n1200\r\n12346\r\n");
      expect((await post(server, "getbooking", { id: "31", code: "wrong" }, { apikey: null })).text).toBe("request not authorized\r\n");
      expect((await post(server, "getbooking", { id: "33", code: "code-31" }, { apikey: null })).text).toBe("request not authorized\r\n");
      expect((await post(server, "getsysrights", { id: "31", code: "code-31" }, { apikey: null })).text).toBe("request not authorized\r\n");
    } finally {
      await server.close();
    }
  });

  it("follows a moving clock, and omits a next booking beyond the horizon", async () => {
    let now = new Date(2030, 2, 14, 12, 29);
    const server = await startFakePumapi({ now: () => now, nextBookingHorizonMinutes: 600 });
    try {
      expect((await post(server, "getbooking", { id: "31" })).text).toBe("jdoe\r\n1\r\n12345\r\n");
      now = new Date(2030, 2, 14, 12, 30);
      expect((await post(server, "getbooking", { id: "31" })).text).toBe("");
      // 08:00 tomorrow is 1170 minutes away: beyond the 600-minute horizon.
      expect((await post(server, "nextbooking", { id: "31" })).text).toBe("");
      now = new Date(2030, 2, 14, 23, 0);
      expect((await post(server, "nextbooking", { id: "31" })).text).toBe("amueller\r\n540\r\n12346\r\n");
    } finally {
      await server.close();
    }
  });

  it("reproduces the back-to-back quirk only when asked", async () => {
    const seed = defaultPumapiSeed();
    seed.sessions = [
      { id: 1, systemId: 31, login: "jdoe", start: "2030-03-14T06:00", end: "2030-03-14T08:00" },
      { id: 2, systemId: 31, login: "amueller", start: "2030-03-14T08:00", end: "2030-03-14T09:00" },
    ];
    const at8 = (): Date => new Date(2030, 2, 14, 8, 0);
    const plain = await startFakePumapi({ seed, now: at8 });
    const quirky = await startFakePumapi({ seed, now: at8, backToBackQuirk: true });
    try {
      expect((await post(plain, "getbooking", { id: "31" })).text).toBe("amueller\r\n60\r\n2\r\n");
      expect((await post(quirky, "getbooking", { id: "31" })).text).toBe("");
    } finally {
      await plain.close();
      await quirky.close();
    }
  });

  it("delays answers by latencyMs", async () => {
    const server = await startFakePumapi({ latencyMs: 120 });
    try {
      const started = performance.now();
      expect((await post(server, "auth")).text).toBe("OK\r\n");
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await server.close();
    }
  });

  it("starts empty with seed {}, and keeps servers' states apart", async () => {
    const empty = await startFakePumapi({ seed: {} });
    const first = await startFakePumapi();
    const second = await startFakePumapi();
    try {
      expect((await post(empty, "getusers")).text).toBe("");
      expect((await post(empty, "getsystems")).text).toBe(
        "Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours\r\n",
      );
      await post(first, "setright", { id: "33", login: "jdoe", type: "S" });
      expect(first.state.rightsOf(33).map((r) => `${r.type}:${r.login}`)).toContain("S:jdoe");
      expect((await post(second, "getsysrights", { id: "33" })).text).toBe("A:bkovac\r\nA:ops.robot\r\n");
    } finally {
      await Promise.all([empty.close(), first.close(), second.close()]);
    }
  });

  it("reads the form from a GET query string too", async () => {
    const server = await startFakePumapi();
    try {
      const query = new URLSearchParams({ action: "getgroupusers", apikey: server.apiKey, unitlogin: "facility_staff" });
      const res = await fetch(`${server.url}?${query}`);
      expect(await res.text()).toBe("facility.admin\r\nops.robot\r\n");
    } finally {
      await server.close();
    }
  });
});

describe("FakePumapi (transport-free)", () => {
  it("answers handle({ path, form }) with status, headers and body, and logs the masked request", () => {
    const fake = new FakePumapi({ apiKey: "k" });
    const res = fake.handle({ path: "/facility/pumapi/", form: { action: "getgroupusers", apikey: "k", unitlogin: "imaging_group" } });
    expect(res).toEqual({ status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: "jdoe\r\namueller\r\n" });
    expect(fake.handle({ path: "/pumapi", form: { action: "auth", apikey: "x" } }).body).toBe("request not authorized\r\n");
    expect(fake.handle({ path: "/other", form: {} }).status).toBe(404);
    expect(fake.requests[0]).toEqual({ endpoint: "pumapi", action: "getgroupusers", form: { action: "getgroupusers", apikey: "***", unitlogin: "imaging_group" } });
  });

  it("does not mutate the seed it was given", () => {
    const seed = defaultPumapiSeed();
    const fake = new FakePumapi({ seed, now: () => new Date(2030, 2, 20).getTime() });
    fake.handle({ path: "/pumapi/", form: { action: "setright", apikey: "fake-pumapi-key", id: "31", login: "jdoe", type: "D" } });
    fake.handle({ path: "/pumapi/", form: { action: "upduser", apikey: "fake-pumapi-key", login: "jdoe", active: "false" } });
    expect(seed.rights?.[0]).toEqual({ systemId: 31, login: "jdoe", type: "A" });
    expect(seed.users?.[0]?.active).toBeUndefined();
    expect(fake.state.users.get("jdoe")?.active).toBe(false);
  });
});

describe("getusers encoding (public notes: logins may come HTML-encoded, twice: &amp;#39;)", () => {
  it("sends a login with an apostrophe twice-encoded, plain logins as they are", async () => {
    const seed = defaultPumapiSeed();
    seed.users = [...(seed.users ?? []), { login: "o'brien", lname: "O'Brien", fname: "Sean", email: "sean.obrien@lab.example", unitlogin: "cell_lab" }];
    const server = await startFakePumapi({ seed });
    try {
      const lines = (await post(server, "getusers")).text.split("\r\n");
      expect(lines).toContain("o&amp;#39;brien");
      expect(lines).toContain("jdoe");
    } finally {
      await server.close();
    }
  });

  it("escapes with one function: &#039; for JSON answers, &#39; for login lists", () => {
    expect(escapeEntities(`<a href="x">O'Brien & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;O&#039;Brien &amp; co&lt;/a&gt;");
    expect(escapeEntities("o'brien", "&#39;")).toBe("o&#39;brien");
  });
});
