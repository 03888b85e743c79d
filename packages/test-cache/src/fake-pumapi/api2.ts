import { errorAnswer, jsonAnswer } from "./render.js";
import type { FakePumapiState } from "./store.js";
import type { PumapiFakeResponse } from "./options.js";

// API2, the second endpoint beside /pumapi/. Only GetPPMSAccounts is modelled.

/**
 * Answers one API2 call whose key was already checked: `GetPPMSAccounts` lists the accounts (of
 * core `coreId` when given) as JSON with the keys of the public samples (`bcode`,
 * `descriptionShort`, `rowNum`, `affiliation`, `expirationDatePost`, `active` as the string
 * `"true"`/`"false"`), strings HTML-escaped. `format` is not needed.
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
      .map((a, index) => ({
        bcode: a.bcode,
        descriptionShort: a.description,
        rowNum: index + 1,
        affiliation: a.affiliation,
        expirationDatePost: a.expirationDate,
        active: String(a.active),
      })),
  );
}
