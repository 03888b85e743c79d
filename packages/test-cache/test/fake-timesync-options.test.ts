import { describe, expect, it } from "vitest";
import { createFakeTimeSync, startFakeTimeSync } from "../src/fake-timesync/index.js";

// Options and seeding of the fake TimeSync server.

describe("fake TimeSync options", () => {
  it("stores only bcrypt hashes of seeded passwords and a random admin password", async () => {
    const a = await createFakeTimeSync({ users: [{ username: "pat", password: "seed-pass" }] });
    const b = await createFakeTimeSync();
    expect(a.store.users.get("pat")?.passwordHash).toMatch(/^\$2a\$04\$/);
    expect(JSON.stringify([...a.store.users.values()])).not.toContain("seed-pass");
    expect(a.admin.username).toBe("admin");
    expect(a.admin.password).not.toBe(b.admin.password);
    expect(a.store.users.get("admin")).toMatchObject({ site_admin: true, site_manager: true });
  });

  it("names the problem in a bad seed", async () => {
    await expect(createFakeTimeSync({ projects: [{ name: "P", slugs: ["p"], default_activity: "missing" }] })).rejects.toThrow(/bad seed project P: Invalid foreign key/);
    await expect(createFakeTimeSync({ times: [{ duration: 1, user: "ghost", project: "p", date_worked: "2024-01-01" }] })).rejects.toThrow(/no user ghost/);
  });

  it("mounts under another base path and can answer revision-less queries when asked", async () => {
    const server = await startFakeTimeSync({
      basePath: "/v1",
      hangOnRevisionlessTime: false,
      users: [{ username: "pat", password: "p" }],
      activities: [{ name: "Dev", slug: "dev" }],
      projects: [{ name: "Web", slugs: ["web"], default_activity: "dev", users: { pat: { member: true } } }],
      times: [{ duration: 60, user: "pat", project: "web", date_worked: "2024-01-01" }],
    });
    try {
      expect(server.url).toMatch(/\/v1$/);
      const token = encodeURIComponent(server.issueToken("pat"));
      const [time] = (await (await fetch(`${server.url}/times?token=${token}`)).json()) as { uuid: string }[];
      const res = await fetch(`${server.url}/times/${time!.uuid}?include_revisions=true&token=${token}`);
      expect(await res.json()).toMatchObject({ uuid: time!.uuid, parents: [] });
      expect((await fetch(`${server.url.replace("/v1", "/v0")}/times?token=${token}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("refuses tokens for unknown users", async () => {
    const fake = await createFakeTimeSync();
    expect(() => fake.issueToken("nobody")).toThrow(/no user named nobody/);
  });
});
