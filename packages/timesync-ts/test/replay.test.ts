import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { useStage } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { stage0, stage1 } from "../scripts/fixture-session.mjs";
import { CacheMissError, TimeSync, timeSyncCacheKey } from "../src/index.js";

// Replays the recorded session from packages/test-cache/fixtures/timesync (made by
// scripts/record-fixtures.mjs) without any server: the base URL does not even resolve. Logins are
// never recorded nor replayed, so each replayed client is given a token.

const baseUrl = "http://timesync.invalid/v0";
const NOT_CHECKED = "replay-does-not-check-passwords";

/** An invented token of the server's shape (padded standard base64, millisecond times); never valid anywhere. */
function replayToken(sub: string): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64");
  const iat = Date.now();
  return `${part({ typ: "JWT", alg: "HMAC-SHA512" })}.${part({ iss: "replay-test", sub, exp: iat + 30 * 60_000, iat })}.${Buffer.from("not-a-signature").toString("base64")}`;
}

describe("replayed TimeSync session", () => {
  it("refuses to replay a login: replayed sessions pass a token", async () => {
    const stage = useStage({ suite: "timesync", stage: 0, key: timeSyncCacheKey() });
    const client = new TimeSync({ baseUrl, cache: stage.cache });
    const error = await client.authenticate({ username: "admin", password: NOT_CHECKED }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheMissError);
    expect((error as CacheMissError).operation).toBe("TimeSync authenticate (POST /login)");
    expect(String(error)).not.toContain(NOT_CHECKED);
    expect(client.isAuthenticated).toBe(false);
    await client.close();
  });

  it("stage 0: creates, lists by project and date range, and reads project users", async () => {
    const stage = useStage({ suite: "timesync", stage: 0, key: timeSyncCacheKey() });
    const admin = new TimeSync({ baseUrl, cache: stage.cache, token: replayToken("admin") });
    expect(admin.tokenExpirationTime()).toBeInstanceOf(Date);
    const r = await stage0({ admin, memberPassword: NOT_CHECKED, loginMember: async () => new TimeSync({ baseUrl, cache: stage.cache, token: replayToken("pat") }) });
    // The first time was created without activities: the recorded answer lacks them, the client fills in the project's default.
    expect(r.first).toMatchObject({ duration: 12600, project: ["web"], activities: ["dev"], user: "pat", notes: "page layout", issueUri: null });
    expect(r.second).toMatchObject({ duration: 1800, activities: ["docs"], dateWorked: "2024-06-10", notes: null });
    expect(r.may.map((t) => t.uuid)).toEqual([r.first.uuid]);
    expect(r.may[0]?.project).toEqual(["site", "web"]);
    expect(r.may[0]?.activities).toEqual(r.first.activities);
    expect(r.users).toEqual({ pat: ["member", "manager"] });
    expect(r.activities.map((a) => a.slug)).toEqual(["dev", "docs"]);
    const recorded = (await readdir(stage.dirs[0]!, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    stage.assertAllUsed(recorded.map((e) => join(e.parentPath, e.name)));
    await admin.close();
    await r.member.close();
  });

  it("stage 1: updates, reads revisions, deletes, lists with and without deleted", async () => {
    const stage0Replay = useStage({ suite: "timesync", stage: 0, key: timeSyncCacheKey() });
    const admin = new TimeSync({ baseUrl, cache: stage0Replay.cache, token: replayToken("admin") });
    const setup = await stage0({ admin, memberPassword: NOT_CHECKED, loginMember: async () => new TimeSync({ baseUrl, cache: stage0Replay.cache, token: replayToken("pat") }) });
    const stage = useStage({ suite: "timesync", stage: 1, key: timeSyncCacheKey() });
    const member = new TimeSync({ baseUrl, cache: stage.cache, token: "token-is-not-part-of-the-key" });
    const r = await stage1({ member }, setup);
    expect(r.updated).toMatchObject({ duration: 14400, revision: 2, activities: ["dev"], notes: "page layout and fonts" });
    expect(r.withRevisions.parents?.map((p) => p.duration)).toEqual([12600]);
    expect(r.remaining.map((t) => t.uuid)).toEqual([setup.first.uuid]);
    expect(r.everything.map((t) => t.uuid).sort()).toEqual([setup.first.uuid, setup.second.uuid].sort());
    expect(r.everything.find((t) => t.uuid === setup.second.uuid)?.deletedAt).not.toBeNull();
    await member.close();
    await admin.close();
    await setup.member.close();
  });
});

describe("recorded fixtures", () => {
  it("hold no real token, password or bcrypt hash", async () => {
    const { readFile } = await import("node:fs/promises");
    const { fixturesRoot } = await import("@facility-sdk/test-cache");
    const root = join(fixturesRoot, "timesync");
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, "utf8");
      expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
      expect(path).not.toMatch(/token--/);
      expect(path).not.toMatch(/login/);
      const token = /"token"\s*:\s*"([^"]+)"/.exec(text)?.[1];
      if (token !== undefined) {
        const signature = Buffer.from(token.split(".")[2] ?? "", "base64").toString();
        expect(signature).toBe("masked-signature");
      }
    }
  });
});
