import type { CachePolicy } from "@facility-sdk/http-core";
import { loadSchemas } from "../client/schemas.js";
import { slugPath } from "../internal/ids.js";
import { signalOf, takeSignal, validate } from "../internal/validate.js";
import type { GetOneOptions } from "../models/common.js";
import {
  type Project,
  type ProjectCreateInput,
  projectCreateToWire,
  type ProjectFilter,
  type ProjectRole,
  rolesByUser,
  type ProjectUpdateInput,
  projectUpdateToWire,
} from "../models/project.js";
import type { CallOptions } from "../options.js";
import { RestCollection } from "./collection.js";
import { rethrowProjectCreateRace } from "./create-race.js";

const projects = new RestCollection("/projects", ":slug", (s) => s.ProjectSchema);

/**
 * `getProject` with a cache policy: `refresh` for the SDK's own reads (the default activity before an
 * update, the read back, the existence check after a create's 500), which a record-missing cache must
 * not answer from an old recording.
 */
export async function readProject(client: unknown, slug: string, options: GetOneOptions, cache: CachePolicy): Promise<Project> {
  const id = slugPath(slug);
  const { signal, rest } = takeSignal(options);
  const { GetOneOptionsSchema } = await loadSchemas();
  const valid = validate(GetOneOptionsSchema, rest, "options");
  return projects.get(client, "getProject", id, { query: { include_revisions: valid.includeRevisions }, signal, cache });
}

/**
 * The project methods of TimeSync: create, update, list, read and delete projects, and list a
 * project's users. Call them on a {@link TimeSync} client; this class holds no state of its own.
 *
 * @example
 * ```ts
 * await ts.createProject({ name: "Website", slugs: ["web"], defaultActivity: "dev", users: { pat: { member: true } } });
 * console.log(await ts.projectUsers("web")); // { pat: ["member"] }
 * ```
 */
export abstract class TimeSyncProjectsApi {
  /**
   * Creates a project (site managers and admins).
   *
   * @param input - name, slugs, and optionally uri, default activity and users
   * @param options - `signal` to cancel
   * @returns the new project
   * @example
   * ```ts
   * const project = await ts.createProject({ name: "Website", slugs: ["web", "site"], defaultActivity: "dev" });
   * ```
   */
  async createProject(input: ProjectCreateInput, options: CallOptions = {}): Promise<Project> {
    const signal = signalOf(options);
    const { ProjectCreateInputSchema } = await loadSchemas();
    const valid = validate(ProjectCreateInputSchema, input, "project") as ProjectCreateInput;
    try {
      return await projects.create(this, "createProject", projectCreateToWire(valid), { signal });
    } catch (error) {
      return rethrowProjectCreateRace(this, error, valid.slugs, (slug) => readProject(this, slug, { signal }, "refresh"));
    }
  }

  /**
   * Updates a project; `slugs` and `users` replace the stored ones. The reference server clears the
   * default activity of an update that does not name one: leaving `defaultActivity` out keeps it (the
   * client reads it first and sends it again), `defaultActivity: null` clears it. When it was cleared,
   * the server answers the old default, so the client reads the project back: the result is what is stored.
   *
   * @param slug - any of the project's slugs
   * @param patch - the fields to change (at least one)
   * @param options - `signal` to cancel
   * @returns the project as stored
   * @example
   * ```ts
   * await ts.updateProject("web", { uri: "https://web.example.org" }); // the default activity is kept
   * await ts.updateProject("web", { defaultActivity: null });          // cleared
   * ```
   */
  async updateProject(slug: string, patch: ProjectUpdateInput, options: CallOptions = {}): Promise<Project> {
    const signal = signalOf(options);
    const id = slugPath(slug);
    const { ProjectUpdateInputSchema } = await loadSchemas();
    const valid = validate(ProjectUpdateInputSchema, patch, "project") as ProjectUpdateInput;
    projectUpdateToWire(valid, null); // checks the patch before any request
    const current = valid.defaultActivity === undefined ? (await readProject(this, slug, { signal }, "refresh")).defaultActivity : null;
    const object = projectUpdateToWire(valid, current);
    const updated = await projects.update(this, "updateProject", id, object, { signal });
    if (object["default_activity"] !== undefined || updated.defaultActivity === null) return updated;
    // Sent without a default: stored as null, yet answered with the old one. Read what is stored.
    return readProject(this, valid.slugs?.[0] ?? slug, { signal }, "refresh");
  }

  /**
   * Lists projects, optionally only those where one of `user` has a role. With `includeDeleted`, a
   * deleted project is listed with `slugs: []` (the reference server drops them).
   *
   * @param filter - `user`, `includeRevisions`, `includeDeleted`
   * @param options - `signal` to cancel
   * @returns the projects
   * @example
   * ```ts
   * const mine = await ts.getProjects({ user: ["pat"], includeRevisions: true });
   * ```
   */
  async getProjects(filter: ProjectFilter = {}, options: CallOptions = {}): Promise<Project[]> {
    const signal = signalOf(options);
    const { ProjectFilterSchema } = await loadSchemas();
    const valid = validate(ProjectFilterSchema, filter, "filter") as ProjectFilter;
    const query = { user: valid.user === undefined ? undefined : [...valid.user], include_revisions: valid.includeRevisions, include_deleted: valid.includeDeleted };
    return projects.list(this, "getProjects", { query, signal });
  }

  /**
   * Reads one project by any of its slugs (`includeDeleted` is not accepted with a slug, as in
   * pymesync). With `includeRevisions`, `parents` are {@link ProjectRevision}s: the reference server
   * sends them without `slugs` and `users`.
   *
   * @param slug - any of the project's slugs
   * @param options - `includeRevisions`, `signal`
   * @returns the project
   * @example
   * ```ts
   * const project = await ts.getProject("web", { includeRevisions: true });
   * console.log(project.parents?.map((p) => p.name));
   * ```
   */
  getProject(slug: string, options: GetOneOptions = {}): Promise<Project> {
    return readProject(this, slug, options, "default");
  }

  /**
   * Soft-deletes a project (site managers and admins).
   *
   * @param slug - any of the project's slugs
   * @param options - `signal` to cancel
   * @throws {@link TimeSyncMethodNotAllowedError} while current times still reference it
   * @example
   * ```ts
   * await ts.deleteProject("web");
   * ```
   */
  async deleteProject(slug: string, options: CallOptions = {}): Promise<void> {
    const signal = signalOf(options);
    const id = slugPath(slug);
    await projects.delete(this, "deleteProject", id, { signal });
  }

  /**
   * The project's users and the roles they hold, as pymesync's `project_users`.
   *
   * @param slug - any of the project's slugs
   * @param options - `signal` to cancel
   * @returns `{ username: [roles that are true] }`
   * @example
   * ```ts
   * await ts.projectUsers("web"); // { pat: ["member", "manager"], sam: ["spectator"] }
   * ```
   */
  async projectUsers(slug: string, options: CallOptions = {}): Promise<Record<string, ProjectRole[]>> {
    const signal = signalOf(options);
    return rolesByUser(await this.getProject(slug, { signal }));
  }
}
