import type { PumapiAnswer } from "../client/answer.js";
import { formatParam, recordOf } from "../client/answer-format.js";
import { checkBulk } from "../client/bulk.js";
import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction, lineListRead } from "../client/declaration.js";
import { anyText, flag, format, optional, text } from "../client/param-rules.js";
import { stateOf, type ConnectionState } from "../client/state.js";
import { PpmsGroupNotFoundError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireKnownFields, requireText, requireUpdateFields } from "../internal/inputs.js";
import { PpmsGroup } from "../models/group.js";
import { groupRecord } from "../models/records.js";
import type { PpmsUser } from "../models/user.js";
import { checkRecord } from "../models/validators.js";
import type { ActiveFilterOptions, BulkOptions, CallOptions, GroupFields, PumapiParams } from "../types.js";
import { parseCsv } from "../wire/csv.js";
import { looksLikeJson } from "../wire/json-records.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { dictFromSingleResponse } from "../wire/single-response.js";
import { usersByLogin, type PpmsUsersApi } from "./users.js";

/** Options of {@link PpmsGroupsApi.getGroups}. */
export interface GetGroupsOptions extends CallOptions, ActiveFilterOptions {}

/** Options of {@link PpmsGroupsApi.getGroupUsers}. */
export interface GetGroupUsersOptions extends BulkOptions, ActiveFilterOptions {}

/** PUMAPI's `active` filter param, checked. */
function activeParam(options: ActiveFilterOptions): PumapiParams {
  const active = options.active;
  if (active === undefined) return {};
  if (typeof active !== "boolean") throw new PpmsInvalidArgumentError("active", "must be true or false");
  return { active };
}

const GROUP_FIELD_NAMES = ["unitname", "headname", "heademail", "unitbcode", "department", "institution", "address", "ext", "affiliation"] as const;
const groupWriteParams = { unitlogin: text, ...Object.fromEntries(GROUP_FIELD_NAMES.map((name) => [name, optional(anyText)])), active: optional(flag) };

/** The group actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const GROUP_ACTIONS = {
  getgroups: lineListRead("getgroups", { active: optional(flag) }),
  getgroupusers: lineListRead("getgroupusers", { unitlogin: text, active: optional(flag) }),
  // Project ids, one per line (the shape of getuserprojects; no public sample of this answer).
  getgroupprojects: lineListRead("getgroupprojects", { unitlogin: text }),
  getgroup: declareAction({
    action: "getgroup",
    kind: "read",
    params: { unitlogin: text, format },
    // An empty answer is PUMAPI's "unknown group": a valid answer, recorded, then a PpmsGroupNotFoundError.
    empty: "parse",
    recorded: "always",
    parse: (answer, { state }) => (answer.text.trim() === "" ? { missing: answer.context } : { record: groupRecordOf(answer, state) }),
  }),
  newgroup: confirmedWrite("newgroup", groupWriteParams),
  updgroup: confirmedWrite("updgroup", groupWriteParams),
};

/**
 * The record of a `getgroup` answer. PUMAPI ends every `getgroup` data line with extra empty
 * fields (`,"",`), so strict mode tolerates exactly those (and nothing else) there.
 */
function groupRecordOf(answer: PumapiAnswer, s: ConnectionState): ResponseRecord {
  if (s.strict && !looksLikeJson(answer.text)) {
    const rows = parseCsv(answer.text, { strict: true });
    const [header, data] = rows;
    if (rows.length === 2 && header !== undefined && data !== undefined && data.length > header.length && data.slice(header.length).every((v) => v.trim() === "")) {
      return dictFromSingleResponse(answer.text, { graceful: true });
    }
  }
  return recordOf(answer, s);
}

/**
 * Fetches one `getgroup` answer (CSV, or JSON when the connection asks for it) and builds `T`.
 * An empty answer is PUMAPI's "unknown group": a valid answer, recorded, then a
 * {@link PpmsGroupNotFoundError} naming action and group.
 */
async function fetchGroup<T>(s: ConnectionState, groupId: string, build: (record: ResponseRecord) => T, options: CallOptions): Promise<T> {
  const got = await callAction(s, GROUP_ACTIONS.getgroup, { unitlogin: groupId, ...formatParam(s) }, options, (got) => ("record" in got ? { value: build(got.record) } : got));
  if ("value" in got) return got.value;
  throw new PpmsGroupNotFoundError(groupId, got.missing);
}

/** A group write's fields: only known names; an update must set at least one. */
function requireGroupFields(fields: unknown, update: boolean): GroupFields {
  const known = [...GROUP_FIELD_NAMES, "active"];
  return (update ? requireUpdateFields("fields", fields, known) : requireKnownFields("fields", fields, known)) as GroupFields;
}

function groupParams(fields: GroupFields): PumapiParams {
  return {
    unitname: fields.unitname,
    headname: fields.headname,
    heademail: fields.heademail,
    unitbcode: fields.unitbcode,
    department: fields.department,
    institution: fields.institution,
    address: fields.address,
    ext: fields.ext,
    affiliation: fields.affiliation,
    active: fields.active,
  };
}

/**
 * The group methods of {@link PpmsConnection} (PUMAPI `getgroups`, `getgroup`, `getgroupusers`,
 * `newgroup`, `updgroup`, `getgroupprojects`). Holds no fields.
 *
 * @example
 * ```ts
 * const members = await ppms.getGroupUsers("imaging_group");
 * ```
 */
export abstract class PpmsGroupsApi {
  /**
   * The group ids (`unitlogin`) PPMS knows (pyppms' `get_groups`), optionally only the active or
   * the inactive ones (PUMAPI's `active` filter).
   *
   * @param options - `active` (true: active groups only; false: inactive only); `signal`
   * @returns the group ids
   * @example
   * ```ts
   * const groups = await ppms.getGroups(); // ["imaging_group", ...]
   * const inactive = await ppms.getGroups({ active: false });
   * ```
   */
  async getGroups(options: GetGroupsOptions = {}): Promise<string[]> {
    return callAction(stateOf(this), GROUP_ACTIONS.getgroups, activeParam(options), options);
  }

  /**
   * A group (pyppms 4.0's `get_group`), as a {@link PpmsGroup}: id, name, head, billing code,
   * department, institution, address, external, active, admin and creation date. Honours the
   * connection's `format` (CSV or JSON). The raw record is {@link PpmsGroupsApi.getGroupDict}.
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - `signal`
   * @returns the group
   * @throws {@link PpmsGroupNotFoundError} when PPMS does not know the group (its message names action and group)
   * @example
   * ```ts
   * const group = await ppms.getGroup("imaging_group");
   * group.headEmail; // "jane.doe@lab.example"
   * ```
   */
  async getGroup(groupId: string, options: CallOptions = {}): Promise<PpmsGroup> {
    requireText("groupId", groupId);
    return fetchGroup(stateOf(this), groupId, (record) => PpmsGroup.fromRecord(record), options);
  }

  /**
   * A group's raw `getgroup` record (pyppms 3.x's `get_group`): every column as sent, booleans
   * converted (the trailing extra fields PUMAPI sends are dropped).
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - `signal`
   * @returns column → value
   * @throws {@link PpmsGroupNotFoundError} when PPMS does not know the group
   * @example
   * ```ts
   * const dict = await ppms.getGroupDict("imaging_group");
   * dict.heademail; // "jane.doe@lab.example"
   * ```
   */
  async getGroupDict(groupId: string, options: CallOptions = {}): Promise<ResponseRecord> {
    requireText("groupId", groupId);
    return fetchGroup(stateOf(this), groupId, (record) => (checkRecord(groupRecord, record), record), options);
  }

  /**
   * The members of a group (pyppms' `get_group_users`), optionally only the active or inactive
   * users (PUMAPI's `active` filter).
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - `active` (true: active members only; false: inactive only); bulk settings and `signal`
   * @returns the member users
   * @example
   * ```ts
   * const members = await ppms.getGroupUsers("imaging_group", { active: true });
   * ```
   */
  async getGroupUsers(this: PpmsGroupsApi & PpmsUsersApi, groupId: string, options: GetGroupUsersOptions = {}): Promise<PpmsUser[]> {
    checkBulk(options);
    requireText("groupId", groupId);
    const logins = await callAction(stateOf(this), GROUP_ACTIONS.getgroupusers, { unitlogin: groupId, ...activeParam(options) }, options);
    return usersByLogin(this, logins, options);
  }

  /**
   * Creates a group (`newgroup`; PUMAPI updates it when it exists). Never retried.
   *
   * @param groupId - the group id (`unitlogin`)
   * @param fields - the group's details
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.newGroup("chem_lab", { unitname: "Chem Lab", department: "Chemistry" });
   * ```
   */
  async newGroup(groupId: string, fields: GroupFields = {}, options: CallOptions = {}): Promise<void> {
    requireText("groupId", groupId);
    await callAction(stateOf(this), GROUP_ACTIONS.newgroup, { unitlogin: groupId, ...groupParams(requireGroupFields(fields, false)) }, options);
  }

  /**
   * Updates a group (`updgroup`; PUMAPI creates it when unknown). Never retried.
   *
   * @param groupId - the group id (`unitlogin`)
   * @param fields - the fields to change
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.updateGroup("chem_lab", { active: false });
   * ```
   */
  async updateGroup(groupId: string, fields: GroupFields, options: CallOptions = {}): Promise<void> {
    requireText("groupId", groupId);
    await callAction(stateOf(this), GROUP_ACTIONS.updgroup, { unitlogin: groupId, ...groupParams(requireGroupFields(fields, true)) }, options);
  }

  /**
   * The projects of a group (`getgroupprojects` with `unitlogin`), as PUMAPI lists them: one
   * project reference per line, kept as text (no public sample of this answer shows whether they
   * are always numbers). An empty answer is no projects.
   *
   * @param groupId - the group's `unitlogin`
   * @param options - `signal`
   * @returns the project references
   * @example
   * ```ts
   * const refs = await ppms.getGroupProjects("cell_lab"); // ["7"]
   * ```
   */
  async getGroupProjects(groupId: string, options: CallOptions = {}): Promise<string[]> {
    return callAction(stateOf(this), GROUP_ACTIONS.getgroupprojects, { unitlogin: requireText("groupId", groupId) }, options);
  }
}
