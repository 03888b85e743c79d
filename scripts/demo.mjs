// The main job: an end-to-end session with both SDKs, as a user would run it.
// Offline by default: test-cache's PUMAPI replay server and the fake TimeSync server on 127.0.0.1.
// With PUMAPI_URL + PPMS_API_KEY, or TIMESYNC_URL (+ TIMESYNC_USER/TIMESYNC_PASSWORD), it talks to a live server.
import { pumapiFormKey } from "@facility-sdk/http-core";
import { startFakeTimeSync, startReplayServer, stageDirs } from "@facility-sdk/test-cache";
import { PpmsConnection } from "pyppms-ts";
import { TimeSync, formatDuration } from "timesync-ts";

const env = process.env;
const heading = (text) => console.log(`\n=== ${text} ===`);

async function ppmsSession() {
  const live = env.PUMAPI_URL && env.PPMS_API_KEY;
  const replay = live ? undefined : await startReplayServer({ dirs: stageDirs("pumapi", 0), key: pumapiFormKey() });
  const url = live ? env.PUMAPI_URL : replay.url;
  heading(`PPMS (${live ? "live server" : `replay server at ${url}, fixtures stage_0`})`);
  const ppms = await PpmsConnection.connect({ url, apiKey: live ? env.PPMS_API_KEY : "demo-key-not-secret" });
  try {
    const emails = await ppms.getUsersEmails({ active: true });
    console.log(`Active users' e-mails (${emails.length}):`);
    console.table(emails.map((email) => ({ email })));

    const systems = [...(await ppms.getSystems()).values()];
    console.log(`Systems (${systems.length}):`);
    console.table(systems.map((s) => ({ id: s.systemId, name: s.name, type: s.systemType, room: s.localisation, facility: s.coreFacilityRef, bookable: s.bookable, active: s.active })));

    const facility = Number(env.PPMS_FACILITY ?? 2);
    const day = env.PPMS_DAY ?? "2030-03-14";
    const sheet = await ppms.getRunningSheet(facility, day);
    console.log(`Running sheet of facility ${facility} on ${day} (${sheet.length} bookings):`);
    console.table(sheet.map((b) => ({ user: b.username, system: b.systemId, start: hhmm(b.starttime), end: b.endtime ? hhmm(b.endtime) : "", session: b.session ?? "" })));
  } finally {
    await ppms.close();
    await replay?.close();
  }
}

async function timesyncSession() {
  const live = env.TIMESYNC_URL;
  const fake = live ? undefined : await startFakeTimeSync({
    users: [{ username: "ann", password: "ann-demo-password", display_name: "Ann Example" }],
    activities: [{ name: "Development", slug: "dev" }, { name: "Documentation", slug: "docs" }],
    projects: [{ name: "Imaging pipeline", slugs: ["imaging", "img"], default_activity: "dev", users: { admin: { member: true, manager: true }, ann: { member: true, spectator: true } } }],
  });
  const baseUrl = live ? env.TIMESYNC_URL : fake.url;
  heading(`TimeSync (${live ? "live server" : `fake server at ${baseUrl}`})`);
  const ts = new TimeSync({ baseUrl });
  try {
    const username = live ? env.TIMESYNC_USER : fake.admin.username;
    await ts.authenticate({ username, password: live ? env.TIMESYNC_PASSWORD : fake.admin.password, authType: "password" });
    console.log(`Logged in as ${username}; token expires at ${ts.tokenExpirationTime().toISOString()}`);
    const project = env.TIMESYNC_PROJECT ?? "imaging";
    const today = new Date().toISOString().slice(0, 10);
    if (!live) {
      await ts.createTime({ duration: "3h30m", project, user: username, activities: ["dev"], notes: "Segmentation step", dateWorked: today });
      await ts.createTime({ duration: "1h15m", project, user: username, activities: ["docs"], notes: "User guide", dateWorked: today });
    }
    const times = await ts.getTimes({ project: [project], start: today, end: today });
    console.log(`Times on ${project} today (${times.length}):`);
    console.table(times.map((t) => ({ user: t.user, duration: formatDuration(t.duration), activities: (t.activities ?? []).join(","), notes: t.notes ?? "", date: t.dateWorked })));
    const users = await ts.projectUsers(project);
    console.log(`Users of ${project}:`);
    console.table(Object.entries(users).map(([user, roles]) => ({ user, roles: roles.join(", ") })));
  } finally {
    await ts.close();
    await fake?.close();
  }
}

function hhmm(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")} ${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

try {
  await ppmsSession();
  await timesyncSession();
  console.log("\nDemo finished.");
} catch (error) {
  console.error(`\nDemo failed: ${error?.name ?? "Error"}: ${error?.message ?? error}`);
  process.exitCode = 1;
}
