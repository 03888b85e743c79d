#!/usr/bin/env node
// Regenerates packages/test-cache/fixtures/timesync/stage_0 and stage_1 by driving the BUILT SDK
// against the fake TimeSync server (which answers like the reference server) in record mode.
// Run: pnpm --filter timesync-ts build && node scripts/record-fixtures.mjs
// Logins are never recorded (replayed sessions are given a token); the client's secret rules mask
// tokens and bcrypt hashes before anything is written, and this script fails if a secret reached a file.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeTimeSync } from "@facility-sdk/test-cache";
import { TimeSync } from "../dist/index.js";
import { stage0, stage1 } from "./fixture-session.mjs";

const root = fileURLToPath(new URL("../../test-cache/fixtures/timesync/", import.meta.url));
const dirs = [join(root, "stage_0"), join(root, "stage_1")];

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

for (const dir of dirs) await rm(dir, { recursive: true, force: true });
for (const dir of dirs) await mkdir(dir, { recursive: true });

const server = await startFakeTimeSync();
const memberPassword = randomBytes(12).toString("base64url");
const secrets = [server.admin.password, memberPassword];
try {
  const cache0 = { dir: dirs[0], mode: "record-all" };
  const admin = new TimeSync({ baseUrl: server.url, cache: cache0 });
  await admin.authenticate(server.admin);
  const r0 = await stage0({
    admin,
    memberPassword,
    loginMember: async () => {
      const member = new TimeSync({ baseUrl: server.url, cache: cache0 });
      await member.authenticate({ username: "pat", password: memberPassword });
      return member;
    },
  });
  secrets.push(admin.token, r0.member.token, server.state.users.get("pat").passwordHash);

  // Stage 1 reuses the member's token (no login), so stage_1 holds only what changed.
  const member1 = new TimeSync({ baseUrl: server.url, cache: { dir: dirs[1], mode: "record-all" }, token: r0.member.token });
  await stage1({ member: member1 }, r0);
  for (const c of [admin, r0.member, member1]) await c.close();
} finally {
  await server.close();
}

let count = 0;
for (const dir of dirs) {
  for (const file of await files(dir)) {
    count++;
    const text = await readFile(file, "utf8");
    if (file.includes("login")) throw new Error(`a login was recorded: ${file}`);
    for (const s of secrets) {
      if (file.includes(s) || text.includes(s)) throw new Error(`a secret reached ${file}`);
    }
    if (/\$2[aby]\$\d\d\$/.test(text)) throw new Error(`a bcrypt hash reached ${file}`);
  }
}
console.log(`recorded ${count} files under ${root}`);
