import { HttpStatusError } from "@facility-sdk/http-core";
import { checkAuthAnswer } from "../client/answer-checks.js";
import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { flag, id, optional, secret, text } from "../client/param-rules.js";
import { stateOf, type ConnectionState } from "../client/state.js";
import { AuthenticationError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId, requireText } from "../internal/inputs.js";
import type { CallOptions } from "../types.js";
import { isErrorAnswer } from "../wire/answer-text.js";

/** Options of {@link PpmsAuthApi.checkUserPassword}. */
export interface CheckUserPasswordOptions extends CallOptions {
  /** Also check that the user holds a right on this system (PUMAPI's `rightcheck=true` + `id`). */
  systemId?: number | string | undefined;
}

/**
 * `auth`, declared once for both of its uses: with the key alone it checks the key (`connect`;
 * PUMAPI answers pyppms with an empty 200, a success), with `login` + `pwd` it checks a user's
 * password (PUMAPI answers `OK`). A login: retried, never recorded or replayed; the password is a
 * secret (masked in logs, errors and cache file names).
 */
export const AUTH_ACTIONS = {
  auth: declareAction({
    action: "auth",
    kind: "login",
    params: { login: optional(text), pwd: optional(secret), rightcheck: optional(flag), id: optional(id) },
    empty: "parse",
    recorded: "never",
    parse: (answer) => ({ text: answer.text, status: answer.status, context: answer.context }),
  }),
};

/**
 * Sends `auth` with the key alone (pyppms) and checks the answer: `request not authorized`, an
 * `error` text, an HTML page or HTTP 401/403 are refusals; an empty answer is a success (as pyppms).
 *
 * @returns the answer text and status
 */
export async function authenticateKey(s: ConnectionState, signal: AbortSignal | undefined): Promise<{ text: string; status: number }> {
  try {
    return await callAction(s, AUTH_ACTIONS.auth, {}, { signal }, (got) => {
      checkAuthAnswer(got.text, got.context);
      return { text: got.text, status: got.status };
    });
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
      throw new AuthenticationError("auth", { request: error.request, status: error.status, reason: `HTTP ${error.status}`, redactor: s.client.redactor, cause: error });
    }
    throw error;
  }
}

/**
 * The user-authentication method of {@link PpmsConnection} (PUMAPI `auth` with `login` + `pwd`,
 * as OMERO-PPMS checks a user's password). Holds no fields.
 *
 * @example
 * ```ts
 * const ok = await ppms.checkUserPassword("jdoe", process.env.PPMS_USER_PASSWORD ?? "");
 * ```
 */
export abstract class PpmsAuthApi {
  /**
   * Whether PPMS accepts a user's password (`auth` with `login` + `pwd`; with `systemId`, also
   * `rightcheck=true`: the user must hold a right on that system). An answer holding `OK` is
   * `true`; an `error: ...` text or an empty answer is `false`. `request not authorized` (the API
   * key refused) is an {@link AuthenticationError}. The password is a secret: it is masked in logs
   * and errors, and the answer is never recorded or replayed.
   *
   * @param login - the user's login
   * @param password - the user's password
   * @param options - `systemId` for a right check; `signal`
   * @returns whether the password is right (and the right held)
   * @example
   * ```ts
   * const password = process.env.PPMS_USER_PASSWORD ?? "";
   * if (!(await ppms.checkUserPassword("jdoe", password, { systemId: 31 }))) console.error("wrong login or password");
   * ```
   */
  async checkUserPassword(login: string, password: string, options: CheckUserPasswordOptions = {}): Promise<boolean> {
    const s = stateOf(this);
    requireText("login", login);
    if (typeof password !== "string" || password === "") throw new PpmsInvalidArgumentError("password", "must be a non-empty string");
    s.client.redactor.addSecretValue(password);
    const systemId = options.systemId === undefined ? undefined : requireId("systemId", options.systemId);
    const params = { login, pwd: password, ...(systemId === undefined ? {} : { rightcheck: true, id: systemId }) };
    return callAction(s, AUTH_ACTIONS.auth, params, options, (got) => !isErrorAnswer(got.text) && /\bOK\b/.test(got.text));
  }
}
