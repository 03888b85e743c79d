import { notRecorded, NotRecorded } from "@facility-sdk/http-core";
import { NoDataError, PumapiActionError } from "../errors/answer.js";
import type { PumapiParams } from "../types.js";
import type { PumapiAnswer } from "./answer.js";
import { checkAuthorized, checkNotHtml, checkReadAnswer, parseAnswer } from "./answer-checks.js";
import type { ActionDeclaration } from "./declaration.js";
import { sendMarks } from "./send-marks.js";
import { checkParams } from "./param-rules.js";
import type { SendOptions } from "./pumapi-client.js";
import type { ConnectionState } from "./state.js";

/**
 * Sends a declared action: checks its parameters against the declaration (before anything is
 * sent), marks it as its kind says (reads retried and cached, writes neither, logins never
 * recorded), then inside http-core's `accept` checks the answer (`request not authorized`, an
 * HTML page, and for reads an `error: ...` text), applies the declared meaning of an empty answer,
 * parses, and records only what the declaration lets be recorded. `finish`, when given, turns the
 * declared result into the method's (a model from a record) inside `accept` too, so an answer it
 * rejects is never recorded.
 *
 * @returns what the declaration's parser (or its empty answer) gives, through `finish`
 */
export function callAction<T, R = T>(s: ConnectionState, declaration: ActionDeclaration<T>, params: PumapiParams, options: SendOptions = {}, finish?: (value: T) => R): Promise<R> {
  const { action } = declaration;
  const { form, secrets } = checkParams(declaration.params, params, action);
  for (const value of secrets) s.client.redactor.addSecretValue(value);
  return s.client.send(
    action,
    form,
    sendMarks(declaration.kind),
    (answer): R | NotRecorded<R> => {
      // A login's parser (and a read declared `errorText: "parse"`) decides what an error text means:
      // a refused key, a wrong password, a "no" to a right check. A login's parser also judges a page.
      if (declaration.kind === "read" && declaration.errorText !== "parse") checkReadAnswer(answer);
      else checkAuthorized(answer);
      if (declaration.kind !== "login") checkNotHtml(answer);
      const parsed = answerValue(declaration, answer, s, form);
      const unrecorded = parsed instanceof NotRecorded;
      const declared = parsed instanceof NotRecorded ? (parsed.value as T) : parsed;
      const value = finish === undefined ? (declared as unknown as R) : parseAnswer(answer, () => finish(declared));
      if (unrecorded) return notRecorded(value);
      if (declaration.recorded === "never") return notRecorded(value);
      return value;
    },
    options,
  );
}

// The value of an accepted answer: the declared meaning of an empty one, else the parse.
function answerValue<T>(declaration: ActionDeclaration<T>, answer: PumapiAnswer, state: ConnectionState, params: Record<string, string>): T | NotRecorded<T> {
  const empty = declaration.empty;
  if (empty !== "parse" && answer.text.trim() === "") {
    if (empty === "no-data") throw new NoDataError("answered nothing where data must come", { ...answer.context, action: answer.action });
    if (empty === "error") throw new PumapiActionError(answer.action, { ...answer.context, reason: "answered nothing, which confirms nothing" });
    return empty.value(answer);
  }
  return parseAnswer(answer, () => declaration.parse(answer, { state, params }));
}
