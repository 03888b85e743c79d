import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningFakeTimeSync, startFakeTimeSync } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TimeSync } from "../src/index.js";

// Tokens, passwords and bcrypt hashes must never reach logs, errors or recorded files.

const USER_PASSWORD = "user-password-never-logged";

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

let server: RunningFakeTimeSync;
let dir: string;
const logs: string[] = [];
const logger = {
  debug: (...a: unknown[]) => logs.push(a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ")),
  info: (...a: unknown[]) => logs.push(a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ")),
  warn: (...a: unknown[]) => logs.push(a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ")),
  error: (...a: unknown[]) => logs.push(a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ")),
};
const errors: unknown[] = [];
let secrets: string[] = [];

beforeAll(async () => {
  server = await startFakeTimeSync({ activities: [{ name: "Development", slug: "dev" }] });
  dir = await mkdtemp(join(tmpdir(), "timesync-secrets-"));
  // A cache given as a config gets timeSyncCacheKey() and the client's secret rules.
  const client = new TimeSync({ baseUrl: server.url, logger, logLevel: "debug", cache: { dir, mode: "record-all" } });
  const token = await client.authenticate(server.admin);
  await client.createUser({ username: "pat", password: USER_PASSWORD });
  await client.updateUser("pat", { password: `${USER_PASSWORD}-2` });
  await client.getUsers();
  await client.getUser("pat");
  await client.getActivities();
  errors.push(await client.getActivity("nope").catch((e: unknown) => e));
  errors.push(await client.createUser({ username: "pat", password: USER_PASSWORD }).catch((e: unknown) => e));
  server.restart();
  errors.push(await client.getTimes().catch((e: unknown) => e));
  await client.close();
  secrets = [token, server.admin.password, USER_PASSWORD, server.state.users.get("pat")!.passwordHash];
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("secrets", () => {
  it("logs the requests without tokens, passwords or hashes", () => {
    expect(logs.length).toBeGreaterThan(5);
    const all = logs.join("\n");
    for (const s of secrets) expect(all).not.toContain(s);
    expect(all).not.toMatch(/\$2a\$10\$/);
  });

  it("keeps them out of errors (message, fields and JSON)", () => {
    expect(errors).toHaveLength(3);
    for (const e of errors) {
      expect(e).toBeInstanceOf(Error);
      const text = `${(e as Error).message} ${JSON.stringify(e)} ${String((e as Error).stack)}`;
      for (const s of secrets) expect(text).not.toContain(s);
    }
  });

  it("keeps them out of recorded file names and contents", async () => {
    const files = await listFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    // Logins are never recorded (so no recording can hold a token or serve a login).
    expect(files.filter((f) => f.includes("login"))).toEqual([]);
    for (const file of files) {
      const content = await readFile(file, "utf8");
      for (const s of secrets) {
        expect(file).not.toContain(s);
        expect(content).not.toContain(s);
      }
      expect(content).not.toMatch(/\$2[aby]\$\d\d\$/);
    }
  });
});
