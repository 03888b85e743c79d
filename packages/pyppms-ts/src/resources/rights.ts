import { excerpt, notRecorded } from "@facility-sdk/http-core";
import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { id, oneOf, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { isErrorAnswer } from "../wire/answer-text.js";
import { ResponseFormatError } from "../errors/format.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId, requireText } from "../internal/inputs.js";
import type { SystemRight, UserRight } from "../models/permissions.js";
import type { CallOptions } from "../types.js";
import { isSystemPermission, parseRightsLines, type SystemPermission } from "../wire/rights-lines.js";

/** The permission actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const RIGHT_ACTIONS = {
  getsysrights: declareAction({
    action: "getsysrights",
    kind: "read",
    params: { id },
    empty: "parse",
    recorded: "always",
    parse: (answer): SystemRight[] => parseRightsLines(answer.text).map((r) => ({ permission: r.permission, login: r.subject })),
  }),
  getuserrights: declareAction({
    action: "getuserrights",
    kind: "read",
    params: { login: text },
    empty: "parse",
    recorded: "always",
    parse: (answer): UserRight[] =>
      parseRightsLines(answer.text).map((r, index) => {
        if (!/^\d+$/.test(r.subject)) throw new ResponseFormatError(`line ${index + 1}: system id '${r.subject}' is not a number`, { field: `${index + 1}.systemId` });
        return { permission: r.permission, systemId: Number(r.subject) };
      }),
  }),
  // A yes/no question: an `error: ...` text is a "no", not a failure, and is never recorded (an
  // error text is no answer to keep: a replay would turn a passing refusal into a permanent "no").
  rightcheck: declareAction({
    action: "rightcheck",
    kind: "read",
    params: { login: text, id },
    empty: { value: () => false },
    errorText: "parse",
    recorded: "always",
    parse: (answer) => (isErrorAnswer(answer.text) ? notRecorded(false) : /\b(ok|true|yes)\b/i.test(answer.text)),
  }),
  // Only `done` is a success; a refusal (`error: invalid user`, `system right not authorized`) is
  // pyppms' `false`, handed back but never recorded.
  setright: declareAction({
    action: "setright",
    kind: "write",
    params: { id, login: text, type: oneOf("A", "N", "S", "D") },
    empty: "parse",
    recorded: "always",
    parse: (answer, { state, params }) => {
      if (answer.text.trim().toLowerCase() === "done") return true;
      state.logger.error(`Setting permission ${params.type ?? ""} for [${params.login ?? ""}] on system ${params.id ?? ""} failed: ${state.client.redactor.redactText(excerpt(answer.text.trim()))}`);
      return notRecorded(false);
    },
  }),
};

/**
 * The permission methods of {@link PpmsConnection} (PUMAPI `getsysrights`, `getuserrights`,
 * `setright`, `rightcheck`). Holds no fields.
 *
 * @example
 * ```ts
 * await ppms.giveUserAccessToSystem("bkovac", 31);
 * ```
 */
export abstract class PpmsRightsApi {
  /**
   * Every permission line of a system (`getsysrights`), including deactivated (`D`) ones. A
   * login may appear more than once with different letters.
   *
   * @param systemId - the system id
   * @param options - `signal`
   * @returns permission and login per line
   * @example
   * ```ts
   * const rights = await ppms.getSystemRights(31); // [{ permission: "A", login: "jdoe" }, ...]
   * ```
   */
  async getSystemRights(systemId: number | string, options: CallOptions = {}): Promise<SystemRight[]> {
    return callAction(stateOf(this), RIGHT_ACTIONS.getsysrights, { id: requireId("systemId", systemId) }, options);
  }

  /**
   * Logins that may book a system (pyppms' `get_users_with_access_to_system`): every login with
   * a permission other than `D` (deactivated), each once.
   *
   * @param systemId - the system id
   * @param options - `signal`
   * @returns the logins
   * @example
   * ```ts
   * await ppms.getUsersWithAccessToSystem(31); // ["jdoe", "amueller", "facility.admin"]
   * ```
   */
  async getUsersWithAccessToSystem(systemId: number | string, options: CallOptions = {}): Promise<string[]> {
    const s = stateOf(this);
    const logins: string[] = [];
    for (const right of await this.getSystemRights(systemId, options)) {
      if (right.permission === "D") {
        s.logger.debug(`Ignoring deactivated user [${right.login}] on system ${String(systemId)}`);
        continue;
      }
      if (!logins.includes(right.login)) logins.push(right.login);
    }
    return logins;
  }

  /**
   * A user's permissions on all systems (`getuserrights`).
   *
   * @param login - the login
   * @param options - `signal`
   * @returns permission and system id per line
   * @example
   * ```ts
   * await ppms.getUserRights("jdoe"); // [{ permission: "A", systemId: 31 }, ...]
   * ```
   */
  async getUserRights(login: string, options: CallOptions = {}): Promise<UserRight[]> {
    return callAction(stateOf(this), RIGHT_ACTIONS.getuserrights, { login: requireText("login", login) }, options);
  }

  /**
   * Sets a user's booking permission on a system (pyppms' `set_system_booking_permissions`).
   * The letter is checked locally first, since PUMAPI silently accepts any letter. Never retried,
   * never answered from the cache outside `replay`, and only a `done` answer is recorded.
   *
   * @param login - the login
   * @param systemId - the system id
   * @param permission - `A` autonomous, `N` novice, `S` superuser, `D` deactivated
   * @param options - `signal`
   * @returns true when PUMAPI answered `done`; false (and an error log) for answers such as
   *   `error: invalid user` or `system right not authorized`
   * @throws {@link PpmsInvalidArgumentError} for an unknown letter, before any request
   * @example
   * ```ts
   * await ppms.setSystemBookingPermissions("bkovac", 31, "N"); // true
   * ```
   */
  async setSystemBookingPermissions(login: string, systemId: number | string, permission: SystemPermission, options: CallOptions = {}): Promise<boolean> {
    const s = stateOf(this);
    requireText("login", login);
    const id = requireId("systemId", systemId);
    if (!isSystemPermission(permission)) {
      throw new PpmsInvalidArgumentError("permission", `must be one of A, N, S, D; got ${JSON.stringify(permission)}`);
    }
    const done = await callAction(s, RIGHT_ACTIONS.setright, { id, login, type: permission }, options);
    if (done) s.logger.debug(`Set permission ${permission} for [${login}] on system ${id}`);
    return done;
  }

  /**
   * Gives a user autonomous access to a system (`setright` type `A`).
   *
   * @param login - the login
   * @param systemId - the system id
   * @param options - `signal`
   * @returns true on success (see {@link PpmsRightsApi.setSystemBookingPermissions})
   * @example
   * ```ts
   * await ppms.giveUserAccessToSystem("bkovac", 31);
   * ```
   */
  async giveUserAccessToSystem(login: string, systemId: number | string, options: CallOptions = {}): Promise<boolean> {
    return this.setSystemBookingPermissions(login, systemId, "A", options);
  }

  /**
   * Removes a user's access to a system (`setright` type `D`, deactivated).
   *
   * @param login - the login
   * @param systemId - the system id
   * @param options - `signal`
   * @returns true on success (see {@link PpmsRightsApi.setSystemBookingPermissions})
   * @example
   * ```ts
   * await ppms.removeUserAccessFromSystem("bkovac", 31);
   * ```
   */
  async removeUserAccessFromSystem(login: string, systemId: number | string, options: CallOptions = {}): Promise<boolean> {
    return this.setSystemBookingPermissions(login, systemId, "D", options);
  }

  /**
   * Whether a user may use a system (PUMAPI `rightcheck` with `login` and the system `id`). The
   * answer's wording is not published: an answer holding `OK`, `true` or `yes` is `true`; an
   * `error: ...` text or an empty answer is `false`. `request not authorized` (the key) is an
   * {@link AuthenticationError}.
   *
   * @param login - the login
   * @param systemId - the system id
   * @param options - `signal`
   * @returns whether PPMS says the user holds a right on the system
   * @example
   * ```ts
   * if (await ppms.checkRight("jdoe", 31)) console.log("jdoe may book system 31");
   * ```
   */
  async checkRight(login: string, systemId: number | string, options: CallOptions = {}): Promise<boolean> {
    return callAction(stateOf(this), RIGHT_ACTIONS.rightcheck, { login: requireText("login", login), id: requireId("systemId", systemId) }, options);
  }
}
