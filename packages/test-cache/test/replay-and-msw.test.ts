import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HttpClient, HttpNotFoundError, formFieldKey, restKey } from "@facility-sdk/http-core";

const pumapiFormKey = () => formFieldKey({ folderField: "action", secretFields: ["apikey"] });
import { http, HttpResponse } from "msw";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { fixturesRoot, liveRecordingTarget, startReplayServer, stageDirs, useStage } from "../src/index.js";
import { createMswDispatcher } from "../src/msw.js";

async function stagesFixture() {
  const root = await mkdtemp(join(tmpdir(), "test-cache-"));
  const put = async (stage: number, folder: string, name: string, body: string) => {
    await mkdir(join(root, `stage_${stage}`, folder), { recursive: true });
    await writeFile(join(root, `stage_${stage}`, folder, `${name}.txt`), body);
  };
  await put(0, "getusers", "response", "ann\r\nbob\r\n");
  await put(0, "getsysrights", "id--31", "A:ann\r\n");
  await put(1, "getsysrights", "id--31", "A:ann\r\nA:bob\r\n");
  return root;
}

describe("stages", () => {
  it("lists stage dirs newest first and falls back to earlier stages", async () => {
    const root = await stagesFixture();
    expect(stageDirs(root, 1)).toEqual([join(root, "stage_1"), join(root, "stage_0")]);
    expect(() => stageDirs(join(root, "nope"), 0)).toThrow(/no stage_0/);
    const stage = useStage({ suite: root, stage: 1, key: pumapiFormKey() });
    const client = new HttpClient({ baseUrl: "http://ppms.invalid/pumapi/", cache: stage.cache });
    const rights = await client.request({ method: "POST", url: "", form: { action: "getsysrights", id: 31 } });
    expect(rights.body).toBe("A:ann\r\nA:bob\r\n");
    expect(() => stage.assertAllUsed(["getsysrights/id--31.txt", join(root, "stage_0", "getusers", "response.txt")])).toThrow(/getusers/);
    await client.request({ method: "POST", url: "", form: { action: "getusers", apikey: "k" } });
    expect(() => stage.assertAllUsed(["getsysrights/id--31.txt", join(root, "stage_0", "getusers", "response.txt")])).not.toThrow();
  });

  it("ships fixtures inside the package", () => {
    expect(fixturesRoot.endsWith("fixtures")).toBe(true);
  });

  it("never offers a live target in CI", () => {
    const saved = { ...process.env };
    process.env["X_URL"] = "https://live.invalid";
    process.env["X_KEY"] = "k";
    process.env["CI"] = "true";
    expect(liveRecordingTarget("X_URL", "X_KEY")).toBeUndefined();
    delete process.env["CI"];
    expect(liveRecordingTarget("X_URL", "X_KEY")).toEqual({ url: "https://live.invalid", key: "k" });
    process.env = saved;
  });
});

describe("replay server", () => {
  it("answers form POSTs from stage files over real sockets, and 404s a miss naming the file", async () => {
    const root = await stagesFixture();
    const server = await startReplayServer({ dirs: stageDirs(root, 1), key: pumapiFormKey() });
    const client = new HttpClient({ baseUrl: server.url });
    try {
      const res = await client.request({ method: "POST", url: "", form: { action: "getusers", apikey: "test-key" } });
      expect(res.body).toBe("ann\r\nbob\r\n");
      const rights = await client.request({ method: "POST", url: "", form: { action: "getsysrights", id: "31" } });
      expect(rights.body).toContain("A:bob");
      const err = await client.request({ method: "POST", url: "", form: { action: "getuser", login: "zed" } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpNotFoundError);
      expect((err as HttpNotFoundError).bodyExcerpt).toContain("getuser/login--zed.txt");
      expect(server.requests.map((r) => r.form?.["action"])).toEqual(["getusers", "getsysrights", "getuser"]);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it("answers GETs keyed by method, path and query", async () => {
    const root = await mkdtemp(join(tmpdir(), "test-cache-rest-"));
    await mkdir(join(root, "stage_0", "GET_v0_times"), { recursive: true });
    await writeFile(join(root, "stage_0", "GET_v0_times", "user--ann.txt"), "[]");
    const server = await startReplayServer({ dirs: stageDirs(root, 0), key: restKey({ secretQuery: ["token"] }), latencyMs: 5 });
    try {
      const res = await request(`${server.url}v0/times?user=ann&token=secret`);
      expect(res.statusCode).toBe(200);
      expect(await res.body.text()).toBe("[]");
    } finally {
      await server.close();
    }
  });
});

describe("msw bridge", () => {
  const handlers = [
    http.post("https://ppms.example/pumapi/", async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      return HttpResponse.text(`action=${form.get("action")}`, { headers: { "x-by": "msw" } });
    }),
    http.get("https://ts.example/v0/times", ({ request }) => HttpResponse.json({ q: new URL(request.url).searchParams.getAll("user") }, { status: 201 })),
  ];

  it("answers undici.request from msw handlers", async () => {
    const dispatcher = createMswDispatcher(handlers);
    const res = await request("https://ts.example/v0/times?user=a&user=b", { dispatcher });
    expect(res.statusCode).toBe(201);
    expect(await res.body.json()).toEqual({ q: ["a", "b"] });
  });

  it("works as the HttpClient dispatcher and fails unhandled requests", async () => {
    const client = new HttpClient({ baseUrl: "https://ppms.example/pumapi/", dispatcher: createMswDispatcher(handlers), retry: { limit: 0 } });
    const res = await client.request({ method: "POST", url: "", form: { action: "getusers" } });
    expect(res.body).toBe("action=getusers");
    expect(res.headers["x-by"]).toBe("msw");
    await expect(client.request({ method: "GET", url: "https://elsewhere.example/" })).rejects.toThrow(/no handler for GET/);
  });
});
