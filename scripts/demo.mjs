// The main job: an end-to-end session with both SDKs, as a user would run it.
// Offline by default: it starts test-cache's stateful fake PUMAPI and fake TimeSync servers on
// 127.0.0.1 (no recorded fixtures, no network), and says so, with its own path, when it starts.
// With PUMAPI_URL + PPMS_API_KEY, or TIMESYNC_URL (+ TIMESYNC_USER/TIMESYNC_PASSWORD), it talks to a live server.
import { fileURLToPath } from "node:url";
import { startFakePumapi, startFakeTimeSync } from "@facility-sdk/test-cache";
import { PpmsConnection } from "pyppms-ts";
import { TimeSync, formatDuration } from "timesync-ts";

const env = process.env;
const heading = (text) => console.log(`\n=== ${text} ===`);
const DEMO_DAY = "2030-03-14";

async function ppmsSession() {
  const live = env.PUMAPI_URL && env.PPMS_API_KEY;
  // The fake's clock is set to the demo day, so its bookings are "now" and "next".
  const fake = live ? undefined : await startFakePumapi({ now: () => new Date(2030, 2, 14, 9, 0) });
  const baseUrl = live ? env.PUMAPI_URL : fake.url;
  heading(`PPMS (${live ? "live server" : `fake PUMAPI at ${baseUrl}`})`);
  const ppms = await PpmsConnection.connect({ baseUrl, apiKey: live ? env.PPMS_API_KEY : fake.apiKey, now: fake ? () => new Date(2030, 2, 14, 9, 0) : undefined });
  try {
    const emails = await ppms.getUsersEmails({ active: true });
    console.log(`Active users' e-mails (${emails.length}):`);
    console.table(emails.map((email) => ({ email })));

    const systems = [...(await ppms.getSystems()).values()];
    console.log(`Systems (${systems.length}):`);
    console.table(systems.map((s) => ({ id: s.systemId, name: s.name, type: s.systemType, room: s.localisation, facility: s.coreFacilityRef, bookable: s.bookable, active: s.active })));

    const facility = Number(env.PPMS_FACILITY ?? 2);
    const day = env.PPMS_DAY ?? DEMO_DAY;
    const sheet = await ppms.getRunningSheet(facility, day);
    console.log(`Running sheet of facility ${facility} on ${day} (${sheet.length} bookings):`);
    console.table(sheet.map((b) => ({ user: b.username, system: b.systemId, start: hhmm(b.starttime), end: b.endtime ? hhmm(b.endtime) : "", session: b.session ?? "" })));

    const projects = [...(await ppms.getProjects()).values()];
    console.log(`Projects and their members (${projects.length}):`);
    const members = await Promise.all(projects.map((p) => ppms.getProjectUsers(p.projectId)));
    console.table(projects.map((p, i) => ({ id: p.projectId, name: p.name, active: p.active, bcode: p.bcode, members: members[i].join(", ") })));

    if (!live) {
      // A write against the fake: an order is created, then listed with its lines.
      const [service] = await ppms.getServices({ coreId: facility });
      const orderId = await ppms.createOrder({ serviceId: service.serviceId, login: "jdoe", quantity: 2, comments: "Demo order" });
      const order = (await ppms.getOrders({ coreId: facility })).find((o) => o.orderId === orderId);
      console.log(`Order ${orderId} created for ${order?.user} (${service.name}), status ${order?.status}; its lines:`);
      console.table((await ppms.getOrderLines(orderId)).map((l) => ({ order: l.orderId, service: l.serviceId, quantity: l.quantity, group: l.group, invoiced: l.invoiced })));
    }
  } finally {
    await ppms.close();
    await fake?.close();
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

const script = fileURLToPath(import.meta.url).slice(fileURLToPath(new URL("..", import.meta.url)).length);
console.log(
  `${script}: both SDKs used as a user would; PPMS against ${env.PUMAPI_URL && env.PPMS_API_KEY ? "PUMAPI_URL" : "a fake PUMAPI server"}, ` +
    `TimeSync against ${env.TIMESYNC_URL ? "TIMESYNC_URL" : "a fake TimeSync server"} (fakes from @facility-sdk/test-cache, started on 127.0.0.1 and stopped at the end).`,
);
try {
  await ppmsSession();
  await timesyncSession();
  await (await import("./demo-cli.mjs")).cliSession();
  console.log("\nDemo finished.");
} catch (error) {
  console.error(`\nDemo failed: ${error?.name ?? "Error"}: ${error?.message ?? error}`);
  process.exitCode = 1;
}
