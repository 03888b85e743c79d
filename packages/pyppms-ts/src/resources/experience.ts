import { requireData } from "../client/answer-checks.js";
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
    return s.client.read(
      "getuserexp",
      params,
      (answer) => {
        // PUMAPI always sends the header line: an empty answer is not "no experience".
        requireData(answer);
        return buildRecords(answer.text, s.parseOptions, userExperienceFromRecord);
      },
      options,
    );
  }
}
