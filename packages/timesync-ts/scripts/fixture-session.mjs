// The TimeSync session recorded into packages/test-cache/fixtures/timesync and replayed by
// test/replay.test.ts. Both sides run exactly these calls in this order, so every request finds its
// recorded answer. Works with any TimeSync client instance (built dist or source).
// Logins are never recorded: `loginMember` logs the member in when recording, and hands back a
// client built with a token when replaying.

/** Stage 0: set up an activity, a member, a project and two times; read them back. */
export async function stage0({ admin, memberPassword, loginMember }) {
  await admin.createActivity({ name: "Development", slug: "dev" });
  await admin.createActivity({ name: "Documentation", slug: "docs" });
  await admin.createUser({ username: "pat", password: memberPassword, displayName: "Pat Example" });
  const project = await admin.createProject({
    name: "Website",
    slugs: ["web", "site"],
    defaultActivity: "dev",
    users: { pat: { member: true, manager: true } },
  });
  const member = await loginMember();
  // No activities: the server answers without them and stores the project's default (dev).
  const first = await member.createTime({ duration: "3h30m", project: "web", dateWorked: "2024-05-02", notes: "page layout" });
  const second = await member.createTime({
    duration: 1800,
    project: "site",
    dateWorked: "2024-06-10",
    activities: ["docs"],
    issueUri: "https://git.example.org/web/issues/7",
  });
  const may = await member.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
  const users = await member.projectUsers("web");
  const activities = await admin.getActivities();
  return { member, project, first, second, may, users, activities };
}

/** Stage 1: update the first time, read its revisions, delete the second, list with and without deleted. */
export async function stage1({ member }, { first, second }) {
  const updated = await member.updateTime(first.uuid, { duration: "4h0m", notes: "page layout and fonts" });
  const withRevisions = await member.getTime(first.uuid, { includeRevisions: true });
  await member.deleteTime(second.uuid);
  const remaining = await member.getTimes();
  const everything = await member.getTimes({ includeDeleted: true });
  return { updated, withRevisions, remaining, everything };
}
