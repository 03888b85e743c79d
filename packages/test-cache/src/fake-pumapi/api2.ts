import { errorAnswer, jsonAnswer } from "./render.js";
import type { FakePumapiState } from "./store.js";
import type { PumapiFakeResponse } from "./options.js";

// API2, the second endpoint beside /pumapi/. Only GetPPMSAccounts is modelled.

/**
 * Answers one API2 call whose key was already checked: `GetPPMSAccounts` lists the accounts (of
 * core `coreId` when given) as JSON, typed values, strings HTML-escaped. `format` is not needed.
 */
export function handleApi2(state: FakePumapiState, form: Record<string, string>): PumapiFakeResponse {
  const action = form.action ?? "";
  if (action !== "GetPPMSAccounts") return errorAnswer(`invalid action ${action}`);
  const coreText = form.coreId ?? "";
  const core = coreText === "" ? undefined : Number(coreText);
  if (core !== undefined && !Number.isInteger(core)) return errorAnswer(`invalid coreId: ${coreText}`);
  return jsonAnswer(
    state.accounts
      .filter((a) => core === undefined || a.coreId === core)
      .map((a) => ({
        id: a.id,
        coreId: a.coreId,
        bcode: a.bcode,
        description: a.description,
        groupLogin: a.groupLogin,
        active: a.active,
        expirationDate: a.expirationDate,
      })),
  );
}
