#!/usr/bin/env node
// Regenerates packages/test-cache/fixtures/timesync/stage_0 and stage_1 by driving the BUILT SDK
// against the fake TimeSync server in record mode. Run: pnpm --filter timesync-ts build && node scripts/record-fixtures.mjs
// Login answers are rewritten with a masked token; the script fails if any secret reached a file.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RecordReplayCache } from "@facility-sdk/http-core";
import { startFakeTimeSync } from "@facility-sdk/test-cache";
import { TimeSync, timeSyncCacheKey } from "../dist/index.js";
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

// A token of the server's shape (padded standard base64, millisecond times) whose signature is fake.
function maskedToken(realToken) {
  const [header, payload] = realToken.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  const masked = { iss: "recorded-fixture", sub: claims.sub, exp: claims.exp, iat: claims.iat };
  return `${header}.${Buffer.from(JSON.stringify(masked)).toString("base64")}.${Buffer.from("masked-signature").toString("base64")}`;
}

for (const dir of dirs) await rm(dir, { recursive: true, force: true });
for (const dir of dirs) await mkdir(dir, { recursive: true });

const server = await startFakeTimeSync();
const key = timeSyncCacheKey();
const memberPassword = randomBytes(12).toString("base64url");
const secrets = [server.admin.password, memberPassword];
try {
  const cache0 = new RecordReplayCache({ dir: dirs[0], mode: "record-all", key });
  const admin = new TimeSync({ baseUrl: server.url, cache: cache0 });
  await admin.authenticate(server.admin);
  const member = new TimeSync({ baseUrl: server.url, cache: cache0 });
  const r0 = await stage0({ admin, member, memberPassword });
  secrets.push(admin.token, member.token, server.state.users.get("pat").passwordHash);

  // Stage 1 reuses the member's token (no login), so stage_1 holds only what changed.
  const cache1 = new RecordReplayCache({ dir: dirs[1], mode: "record-all", key });
  const member1 = new TimeSync({ baseUrl: server.url, cache: cache1, token: member.token });
  await stage1({ member: member1 }, r0);
  for (const c of [admin, member, member1]) await c.close();
} finally {
  await server.close();
}

let count = 0;
for (const dir of dirs) {
  for (const file of await files(dir)) {
    count++;
    let text = await readFile(file, "utf8");
    if (file.includes("login")) {
      const body = JSON.parse(text);
      if (typeof body.token === "string" && body.token.split(".").length === 3) {
        text = JSON.stringify({ token: maskedToken(body.token) });
        await writeFile(file, text);
      }
    }
    for (const s of secrets) {
      if (file.includes(s) || text.includes(s)) throw new Error(`a secret reached ${file}`);
    }
    if (/\$2[aby]\$\d\d\$/.test(text)) throw new Error(`a bcrypt hash reached ${file}`);
  }
}
console.log(`recorded ${count} files under ${root}`);
