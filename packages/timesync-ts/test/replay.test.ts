import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { useStage } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { stage0, stage1 } from "../scripts/fixture-session.mjs";
import { TimeSync, timeSyncCacheKey } from "../src/index.js";

// Replays the recorded session from packages/test-cache/fixtures/timesync (made by
// scripts/record-fixtures.mjs) without any server: the base URL does not even resolve.

const baseUrl = "http://timesync.invalid/v0";
const NOT_CHECKED = "replay-does-not-check-passwords";

describe("replayed TimeSync session", () => {
  it("stage 0: creates, lists by project and date range, and reads project users", async () => {
    const stage = useStage({ suite: "timesync", stage: 0, key: timeSyncCacheKey() });
    const admin = new TimeSync({ baseUrl, cache: stage.cache });
    await admin.authenticate({ username: "admin", password: NOT_CHECKED });
    expect(admin.tokenExpirationTime()).toBeInstanceOf(Date);
    const member = new TimeSync({ baseUrl, cache: stage.cache });
    const r = await stage0({ admin, member, memberPassword: NOT_CHECKED });
    expect(r.first).toMatchObject({ duration: 12600, project: ["web"], activities: ["dev"], user: "pat" });
    expect(r.second).toMatchObject({ duration: 1800, activities: ["docs"], dateWorked: "2024-06-10" });
    expect(r.may.map((t) => t.uuid)).toEqual([r.first.uuid]);
    expect(r.may[0]?.project).toEqual(["site", "web"]);
    expect(r.users).toEqual({ pat: ["member", "manager"] });
    expect(r.activities.map((a) => a.slug)).toEqual(["dev", "docs"]);
    const recorded = (await readdir(stage.dirs[0]!, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    stage.assertAllUsed(recorded.map((e) => join(e.parentPath, e.name)));
    await admin.close();
    await member.close();
  });

  it("stage 1: updates, reads revisions, deletes, lists with and without deleted", async () => {
    const stage0Replay = useStage({ suite: "timesync", stage: 0, key: timeSyncCacheKey() });
    const admin = new TimeSync({ baseUrl, cache: stage0Replay.cache });
    await admin.authenticate({ username: "admin", password: NOT_CHECKED });
    const setup = await stage0({ admin, member: new TimeSync({ baseUrl, cache: stage0Replay.cache }), memberPassword: NOT_CHECKED });
    const stage = useStage({ suite: "timesync", stage: 1, key: timeSyncCacheKey() });
    const member = new TimeSync({ baseUrl, cache: stage.cache, token: "token-is-not-part-of-the-key" });
    const r = await stage1({ member }, setup);
    expect(r.updated).toMatchObject({ duration: 14400, revision: 2, activities: ["dev"], notes: "page layout and fonts" });
    expect(r.withRevisions.parents?.map((p) => p.duration)).toEqual([12600]);
    expect(r.remaining.map((t) => t.uuid)).toEqual([setup.first.uuid]);
    expect(r.everything.map((t) => t.uuid).sort()).toEqual([setup.first.uuid, setup.second.uuid].sort());
    expect(r.everything.find((t) => t.uuid === setup.second.uuid)?.deletedAt).not.toBeNull();
    await member.close();
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
      const token = /"token"\s*:\s*"([^"]+)"/.exec(text)?.[1];
      if (token !== undefined) {
        const signature = Buffer.from(token.split(".")[2] ?? "", "base64").toString();
        expect(signature).toBe("masked-signature");
      }
    }
  });
});
