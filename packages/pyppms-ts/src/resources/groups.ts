import { checkBulk } from "../client/bulk.js";
import { stateOf } from "../client/state.js";
import { PpmsGroupNotFoundError } from "../errors/answer.js";
import { requireText } from "../internal/inputs.js";
import { groupRecord } from "../models/records.js";
import type { PpmsUser } from "../models/user.js";
import { checkRecord } from "../models/validators.js";
import type { BulkOptions, CallOptions, GroupFields, PumapiParams } from "../types.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { dictFromSingleResponse } from "../wire/single-response.js";
import { usersByLogin, type PpmsUsersApi } from "./users.js";

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
 * `newgroup`, `updgroup`). Holds no fields.
 *
 * @example
 * ```ts
 * const members = await ppms.getGroupUsers("imaging_group");
 * ```
 */
export abstract class PpmsGroupsApi {
  /**
   * The group ids (`unitlogin`) PPMS knows (pyppms' `get_groups`).
   *
   * @param options - `signal`
   * @returns the group ids
   * @example
   * ```ts
   * const groups = await ppms.getGroups(); // ["imaging_group", ...]
   * ```
   */
  async getGroups(options: CallOptions = {}): Promise<string[]> {
    return stateOf(this).client.lines("getgroups", {}, options);
  }

  /**
   * A group's details (pyppms' `get_group`): every `getgroup` column, booleans converted (the
   * trailing extra fields PUMAPI sends are dropped).
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - `signal`
   * @returns column → value
   * @throws {@link PpmsGroupNotFoundError} when PPMS does not know the group (its message names action and group)
   * @example
   * ```ts
   * const group = await ppms.getGroup("imaging_group");
   * group.heademail; // "jane.doe@lab.example"
   * ```
   */
  async getGroup(groupId: string, options: CallOptions = {}): Promise<ResponseRecord> {
    const s = stateOf(this);
    requireText("groupId", groupId);
    // An empty answer is PUMAPI's "unknown group": a valid answer, recorded, then an error.
    const got = await s.client.read(
      "getgroup",
      { unitlogin: groupId },
      (answer) => {
        if (answer.text.trim() === "") return { missing: answer.context };
        const dict = dictFromSingleResponse(answer.text, s.parseOptions);
        checkRecord(groupRecord, dict);
        return { value: dict };
      },
      options,
    );
    if ("value" in got) return got.value;
    throw new PpmsGroupNotFoundError(groupId, got.missing);
  }

  /**
   * The members of a group (pyppms' `get_group_users`).
   *
   * @param groupId - the group id (`unitlogin`)
   * @param options - bulk settings and `signal`
   * @returns the member users
   * @example
   * ```ts
   * const members = await ppms.getGroupUsers("imaging_group");
   * ```
   */
  async getGroupUsers(this: PpmsGroupsApi & PpmsUsersApi, groupId: string, options: BulkOptions = {}): Promise<PpmsUser[]> {
    checkBulk(options);
    requireText("groupId", groupId);
    const logins = await stateOf(this).client.lines("getgroupusers", { unitlogin: groupId }, options);
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
    await stateOf(this).client.write("newgroup", { unitlogin: requireText("groupId", groupId), ...groupParams(fields) }, undefined, options);
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
    await stateOf(this).client.write("updgroup", { unitlogin: requireText("groupId", groupId), ...groupParams(fields) }, undefined, options);
  }
}
