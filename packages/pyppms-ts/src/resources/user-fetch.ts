import type { PumapiAnswer } from "../client/answer.js";
import { recordOf } from "../client/answer-format.js";
import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { flag, format, optional, text } from "../client/param-rules.js";
import type { ConnectionState } from "../client/state.js";
import { PpmsUserNotFoundError } from "../errors/answer.js";
import { ResponseFormatError } from "../errors/format.js";
import type { SkipCacheOptions } from "../types.js";
import type { ResponseRecord } from "../wire/response-value.js";

/** How one `getuser` is asked. */
export interface FetchUserOptions extends SkipCacheOptions {
  /** Send `withuserid=true`: the answer must then hold a `userid` column. */
  withUserId?: boolean | undefined;
}

/**
 * `getuser`, declared (a user family action, kept beside its fetch): an empty answer is PUMAPI's
 * "unknown login", a valid answer (recorded like any other) that the parse hands back as
 * `missing`; with `withuserid=true`, an answer without a `userid` column does not fit.
 */
export const GETUSER = declareAction({
  action: "getuser",
  kind: "read",
  params: { login: text, withuserid: optional(flag), format },
  empty: "parse",
  recorded: "always",
  parse: (answer, { state, params }): { missing: PumapiAnswer["context"] } | { record: ResponseRecord } => {
    if (answer.text.trim() === "") return { missing: answer.context };
    const record = recordOf(answer, state);
    if (params.withuserid === "true" && record.userid === undefined) throw new ResponseFormatError("field 'userid' is missing (asked with withuserid=true)", { field: "userid" });
    return { record };
  },
});

/**
 * Fetches one `getuser` answer (CSV, or JSON when the connection asks for it) and builds `T` from
 * its record; "unknown login" becomes a {@link PpmsUserNotFoundError} naming action and login.
 * `build` runs inside `accept`, so a record that does not fit is never recorded.
 */
export async function fetchUser<T>(s: ConnectionState, login: string, build: (record: ResponseRecord) => T, options: FetchUserOptions): Promise<T> {
  const got = await callAction(
    s,
    GETUSER,
    { login, withuserid: options.withUserId === true ? true : undefined, format: s.format === "json" ? "json" : undefined },
    options,
    (got) => ("record" in got ? { value: build(got.record) } : got),
  );
  if ("value" in got) return got.value;
  s.logger.debug(`User [${login}] is unknown to PPMS`);
  throw new PpmsUserNotFoundError(login, got.missing);
}
