import { requireData } from "../client/answer-checks.js";
import { stateOf } from "../client/state.js";
import { ResponseFormatError } from "../errors/format.js";
import { requireId, requireText } from "../internal/inputs.js";
import { projectFromRecord, type PpmsProject } from "../models/projects.js";
import type { CallOptions } from "../types.js";
import { parseLineList } from "../wire/line-list.js";
import { buildRecords } from "./shared.js";

/**
 * The project methods of {@link PpmsConnection} (PUMAPI `getprojects`, `getprojectusers`,
 * `getprojectgroups`, `getuserprojects`). Holds no fields.
 *
 * @example
 * ```ts
 * const projects = await ppms.getProjects();
 * ```
 */
export abstract class PpmsProjectsApi {
  /**
   * All projects (`getprojects`).
   *
   * @param options - `signal`
   * @returns the projects
   * @example
   * ```ts
   * const projects = await ppms.getProjects();
   * ```
   */
  async getProjects(options: CallOptions = {}): Promise<PpmsProject[]> {
    const s = stateOf(this);
    return s.client.read(
      "getprojects",
      {},
      (answer) => {
        requireData(answer);
        return buildRecords(answer.text, s.parseOptions, projectFromRecord);
      },
      options,
    );
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
    return stateOf(this).client.lines("getprojectusers", { projectid: requireId("projectId", projectId) }, options);
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
    return stateOf(this).client.lines("getprojectgroups", { projectid: requireId("projectId", projectId) }, options);
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
    return stateOf(this).client.read(
      "getuserprojects",
      { login: requireText("login", login) },
      (answer) =>
        parseLineList(answer.text).map((line, index) => {
          if (!/^\d+$/.test(line)) throw new ResponseFormatError(`line ${index + 1}: '${line}' is not a project id`, { field: `${index + 1}.projectId` });
          return Number(line);
        }),
      options,
    );
  }
}
