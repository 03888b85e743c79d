import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { id, optional, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { requireId, requireText } from "../internal/inputs.js";
import { userExperienceFromRecord, type UserExperience } from "../models/user-experience.js";
import type { CallOptions, PumapiParams } from "../types.js";
import { buildRecords } from "./shared.js";

/** Options of {@link PpmsExperienceApi.getUserExperience}. */
export interface UserExperienceOptions extends CallOptions {
  /** Only this login. */
  login?: string | undefined;
  /** Only this system. */
  systemId?: number | string | undefined;
}

/** The experience action, declared once: the client derives retries, caching, checks and parsing from it. */
export const EXPERIENCE_ACTIONS = {
  // PUMAPI always sends the header line: an empty answer is not "no experience".
  getuserexp: declareAction({
    action: "getuserexp",
    kind: "read",
    params: { login: optional(text), id: optional(id) },
    empty: "no-data",
    recorded: "always",
    parse: (answer, { state }): UserExperience[] => buildRecords(answer.text, state.parseOptions, userExperienceFromRecord),
  }),
};

/**
 * The user-experience method of {@link PpmsConnection} (PUMAPI `getuserexp`). Holds no fields.
 *
 * @example
 * ```ts
 * const exp = await ppms.getUserExperience({ login: "jdoe" });
 * ```
 */
export abstract class PpmsExperienceApi {
  /**
   * Booked and used hours per user and system (pyppms' `get_user_experience`), optionally for
   * one login and/or one system.
   *
   * @param options - `login`, `systemId`, `signal`
   * @returns one record per user and system (`n/a` when never reserved or trained)
   * @example
   * ```ts
   * const exp = await ppms.getUserExperience({ login: "jdoe", systemId: 31 });
   * exp[0]?.booked_hours; // 120.5
   * ```
   */
  async getUserExperience(options: UserExperienceOptions = {}): Promise<UserExperience[]> {
    const s = stateOf(this);
    const params: PumapiParams = {};
    if (options.login !== undefined) params.login = requireText("login", options.login);
    if (options.systemId !== undefined) params.id = requireId("systemId", options.systemId);
    return callAction(s, EXPERIENCE_ACTIONS.getuserexp, params, options);
  }
}
