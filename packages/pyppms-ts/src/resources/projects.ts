import type { PumapiAnswer } from "../client/answer.js";
import { formatParam, recordsOf } from "../client/answer-format.js";
import { confirmWrite, requireData } from "../client/answer-checks.js";
import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction, emptyList, lineListRead } from "../client/declaration.js";
import { anyText, flag, format, id, optional, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PumapiActionError } from "../errors/answer.js";
import { ResponseFormatError } from "../errors/format.js";
import { requireId, requireText } from "../internal/inputs.js";
import { projectParams } from "../internal/project-fields.js";
import { PpmsProject } from "../models/project.js";
import { parseProjectMembers, type PpmsProjectMember } from "../models/project-members.js";
import type { CallOptions, NewProjectFields, PumapiParams, UpdateProjectFields } from "../types.js";
import { parseLineList } from "../wire/line-list.js";
import { looksLikeJson } from "../wire/json-records.js";
import { buildNumbered } from "../models/build-records.js";

/** Options of {@link PpmsProjectsApi.getProjects} and {@link PpmsProjectsApi.cacheUpdateProjects}. */
export interface GetProjectsOptions extends CallOptions {
  /** Fetch again even when the in-memory cache is filled (ignored by `cacheUpdateProjects`, which always fetches). */
  forceRefresh?: boolean | undefined;
  /**
   * Ask for each project's expiration date too (`ExpirationDate=true`), as
   * {@link PpmsProject.expirationDate}. A cache filled without it is fetched again.
   */
  withExpirationDate?: boolean | undefined;
}

/** `newproject` answers the new project's id: digits only. */
function newProjectId(answer: PumapiAnswer): number {
  confirmWrite(answer);
  const text = answer.text.trim();
  if (!/^\d+$/.test(text)) throw new PumapiActionError("newproject", { ...answer.context, reason: `answered '${text.slice(0, 80)}' instead of the new project id` });
  return Number(text);
}

// newproject / updproject parameters (checked field by field in internal/project-fields.ts first).
const PROJECT_WRITE_PARAMS = {
  plateformid: optional(id),
  name: optional(text),
  phase: optional(id),
  active: optional(flag),
  ...Object.fromEntries(["bcode", "affiliation", "ptype", "descr", "group", "expirationdate"].map((name) => [name, optional(anyText)])),
};

/** The project actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const PROJECT_ACTIONS = {
  getprojects: declareAction({
    action: "getprojects",
    kind: "read",
    params: { ExpirationDate: optional(flag), format },
    // PUMAPI always sends the header line.
    empty: "no-data",
    recorded: "always",
    parse: (answer, { state }) => {
      const found = new Map<number, PpmsProject>();
      // recordsOf reads JSON exactly when the connection asked for it and the body is JSON.
      const source = state.format === "json" && looksLikeJson(answer.text) ? "json" : "csv";
      for (const project of buildNumbered(recordsOf(answer, state), (row) => PpmsProject.fromRecord(row, source))) {
        if (found.has(project.projectId)) state.logger.warn(`Duplicate project id ${project.projectId} in 'getprojects'`);
        found.set(project.projectId, project);
      }
      return found;
    },
  }),
  newproject: declareAction({ action: "newproject", kind: "write", params: PROJECT_WRITE_PARAMS, empty: "error", recorded: "always", parse: newProjectId }),
  updproject: declareAction({ action: "updproject", kind: "write", params: { projectid: id, ...PROJECT_WRITE_PARAMS }, empty: "error", recorded: "always", parse: confirmWrite }),
  addprojectentry: declareAction({ action: "addprojectentry", kind: "write", params: { projectid: id, title: text, content: text }, empty: "error", recorded: "always", parse: confirmWrite }),
  getprojectusers: lineListRead("getprojectusers", { projectid: id }),
  // No header is published for getprojectmember: parsed tolerantly (see parseProjectMembers).
  getprojectmember: declareAction({ action: "getprojectmember", kind: "read", params: { projectid: id }, empty: emptyList<PpmsProjectMember>(), recorded: "always", parse: (answer) => parseProjectMembers(answer.text) }),
  createprojectmember: confirmedWrite("createprojectmember", { projectid: id, login: text }),
  deleteprojectmember: confirmedWrite("deleteprojectmember", { projectid: id, login: text }),
  getprojectgroups: lineListRead("getprojectgroups", { projectid: id }),
  getuserprojects: declareAction({
    action: "getuserprojects",
    kind: "read",
    params: { login: text },
    empty: emptyList<number>(),
    recorded: "always",
    parse: (answer): number[] =>
      parseLineList(answer.text).map((line, index) => {
        if (!/^\d+$/.test(line)) throw new ResponseFormatError(`line ${index + 1}: '${line}' is not a project id`, { field: `${index + 1}.projectId` });
        return Number(line);
      }),
  }),
};

/**
 * The project methods of {@link PpmsConnection} (PUMAPI `getprojects`, `newproject`,
 * `updproject`, `addprojectentry`, `getprojectusers`, `getprojectgroups`, `getuserprojects`, and
 * the member actions `getprojectmember`, `createprojectmember`, `deleteprojectmember`), with an
 * in-memory cache of projects like pyppms' cache of systems. Holds no fields.
 *
 * @example
 * ```ts
 * const projects = await ppms.getProjects();
 * projects.get(7)?.name; // "Cell migration"
 * ```
 */
export abstract class PpmsProjectsApi {
  /**
   * All projects, by project id (pyppms' `get_projects`): the in-memory cache when filled (and
   * holding expiration dates when `withExpirationDate` asks for them), else fetched. Honours the
   * connection's `format` (CSV or JSON).
   *
   * @param options - `forceRefresh` to fetch again; `withExpirationDate`; `signal`
   * @returns project id → project
   * @example
   * ```ts
   * const projects = await ppms.getProjects({ withExpirationDate: true });
   * projects.get(7)?.expirationDate; // "2031-06-30"
   * ```
   */
  async getProjects(options: GetProjectsOptions = {}): Promise<ReadonlyMap<number, PpmsProject>> {
    const s = stateOf(this);
    if (s.projects.size > 0 && options.forceRefresh !== true) {
      const first = s.projects.values().next().value as PpmsProject;
      if (options.withExpirationDate !== true || first.expirationDate !== undefined) return s.projects;
    }
    return this.cacheUpdateProjects(options);
  }

  /**
   * Fetches all projects again into the in-memory cache (`getprojects`). An empty answer throws a
   * {@link NoDataError} naming the action (PUMAPI always sends the CSV header line); a JSON `[]`
   * is no projects. A line that does not fit throws a {@link PumapiValidationError} naming its
   * record and field (and nothing is recorded).
   *
   * @param options - `withExpirationDate`; `signal`
   * @returns project id → project
   * @example
   * ```ts
   * await ppms.cacheUpdateProjects();
   * ppms.projects.size; // 2
   * ```
   */
  async cacheUpdateProjects(options: GetProjectsOptions = {}): Promise<ReadonlyMap<number, PpmsProject>> {
    const s = stateOf(this);
    const params: PumapiParams = { ...(options.withExpirationDate === true ? { ExpirationDate: true } : {}), ...formatParam(s) };
    const projects = await callAction(s, PROJECT_ACTIONS.getprojects, params, options);
    s.projects = projects;
    return projects;
  }

  /**
   * Creates a project (`newproject`) and returns its id (PUMAPI answers the id, digits only).
   * Every field is checked before sending: `coreFacilityRef` and `name` are required, `phase` a
   * whole number, `active` a boolean, `expirationDate` a `YYYY-MM-DD` day or a `Date`, and an
   * unknown field name is refused. Never retried. Empties the in-memory project cache, so the
   * next `getProjects` fetches again.
   *
   * @param fields - the project's fields
   * @param options - `signal`
   * @returns the new project's id
   * @throws {@link PpmsInvalidArgumentError} naming the field, before any request;
   *   {@link PumapiActionError} when the answer is an error text or not an id
   * @example
   * ```ts
   * const id = await ppms.newProject({ coreFacilityRef: 2, name: "Organoid screen", bcode: "BC-1001", expirationDate: "2031-12-31" });
   * ```
   */
  async newProject(fields: NewProjectFields, options: CallOptions = {}): Promise<number> {
    const s = stateOf(this);
    const id = await callAction(s, PROJECT_ACTIONS.newproject, projectParams(fields, true), options);
    s.projects = new Map();
    s.logger.debug(`Created project ${id} in PPMS`);
    return id;
  }

  /**
   * Updates a project (`updproject`); left-out fields stay as they are. The fields are checked as
   * for {@link PpmsProjectsApi.newProject} (none required, at least one given; `""` clears a text
   * or the expiration date). Never retried. Empties the in-memory project cache.
   *
   * @param projectId - the project id
   * @param fields - the fields to change
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} naming the field, before any request;
   *   {@link PumapiActionError} when the answer is an error text (e.g. an unknown project)
   * @example
   * ```ts
   * await ppms.updateProject(7, { active: false, expirationDate: "" });
   * ```
   */
  async updateProject(projectId: number | string, fields: UpdateProjectFields, options: CallOptions = {}): Promise<void> {
    const s = stateOf(this);
    const id = requireId("projectId", projectId);
    await callAction(s, PROJECT_ACTIONS.updproject, { projectid: id, ...projectParams(fields, false) }, options);
    s.projects = new Map();
  }

  /**
   * Adds an entry (a dated note with a title) to a project's journal (`addprojectentry`). All
   * three are required. Never retried.
   *
   * @param projectId - the project id
   * @param title - the entry's title
   * @param content - the entry's text
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} naming the argument, before any request;
   *   {@link PumapiActionError} when the answer is an error text (e.g. an unknown project)
   * @example
   * ```ts
   * await ppms.addProjectEntry(7, "Kick-off", "Samples arrive in week 12.");
   * ```
   */
  async addProjectEntry(projectId: number | string, title: string, content: string, options: CallOptions = {}): Promise<void> {
    const params = { projectid: requireId("projectId", projectId), title: requireText("title", title), content: requireText("content", content) };
    await callAction(stateOf(this), PROJECT_ACTIONS.addprojectentry, params, options);
  }

  /**
   * Logins of a project's members (`getprojectusers`).
   *
   * @param projectId - the project id
   * @param options - `signal`
   * @returns the logins
   * @example
   * ```ts
   * await ppms.getProjectUsers(7); // ["bkovac", "cnguyen"]
   * ```
   */
  async getProjectUsers(projectId: number | string, options: CallOptions = {}): Promise<string[]> {
    return callAction(stateOf(this), PROJECT_ACTIONS.getprojectusers, { projectid: requireId("projectId", projectId) }, options);
  }

  /**
   * Group ids of a project (`getprojectgroups`).
   *
   * @param projectId - the project id
   * @param options - `signal`
   * @returns the group ids
   * @example
   * ```ts
   * await ppms.getProjectGroups(7); // ["cell_lab"]
   * ```
   */
  async getProjectGroups(projectId: number | string, options: CallOptions = {}): Promise<string[]> {
    return callAction(stateOf(this), PROJECT_ACTIONS.getprojectgroups, { projectid: requireId("projectId", projectId) }, options);
  }

  /**
   * Ids of a user's projects (`getuserprojects`).
   *
   * @param login - the login
   * @param options - `signal`
   * @returns the project ids
   * @example
   * ```ts
   * await ppms.getUserProjects("bkovac"); // [7]
   * ```
   */
  async getUserProjects(login: string, options: CallOptions = {}): Promise<number[]> {
    return callAction(stateOf(this), PROJECT_ACTIONS.getuserprojects, { login: requireText("login", login) }, options);
  }

  /**
   * The members of a project as `getprojectmember` lists them. The answer's format is not
   * published (no header is documented); a public consumer reads column 1 as the user id and
   * column 8 as the login, and so does this method, tolerantly: every field is kept in `fields`.
   * An empty answer is no members. {@link PpmsProjectsApi.getProjectUsers} gives the logins alone.
   *
   * @param projectId - the project id
   * @param options - `signal`
   * @returns one member per answer line
   * @example
   * ```ts
   * const members = await ppms.getProjectMembers(7);
   * members.map((m) => m.login); // ["jdoe", "amueller"]
   * ```
   */
  async getProjectMembers(projectId: number | string, options: CallOptions = {}): Promise<PpmsProjectMember[]> {
    return callAction(stateOf(this), PROJECT_ACTIONS.getprojectmember, { projectid: requireId("projectId", projectId) }, options);
  }

  /**
   * Adds a user to a project (`createprojectmember` with `projectid` and `login`; the parameter
   * names follow the other project actions, no public source shows this action's). Never
   * retried; an `error: ...` text or an empty answer is a {@link PumapiActionError}.
   *
   * @param projectId - the project id
   * @param login - the user's login
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.addProjectMember(7, "bkovac");
   * ```
   */
  async addProjectMember(projectId: number | string, login: string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), PROJECT_ACTIONS.createprojectmember, { projectid: requireId("projectId", projectId), login: requireText("login", login) }, options);
  }

  /**
   * Removes a user from a project (`deleteprojectmember` with `projectid` and `login`). Never
   * retried; an `error: ...` text or an empty answer is a {@link PumapiActionError}.
   *
   * @param projectId - the project id
   * @param login - the user's login
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.removeProjectMember(7, "bkovac");
   * ```
   */
  async removeProjectMember(projectId: number | string, login: string, options: CallOptions = {}): Promise<void> {
    await callAction(stateOf(this), PROJECT_ACTIONS.deleteprojectmember, { projectid: requireId("projectId", projectId), login: requireText("login", login) }, options);
  }
}
