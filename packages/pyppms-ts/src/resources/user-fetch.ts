import { formatParam, recordOf } from "../client/answer-format.js";
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
 * Fetches one `getuser` answer (CSV, or JSON when the connection asks for it), checks it and
 * builds `T` from its record. An empty answer is PUMAPI's "unknown login": it is a valid answer
 * (recorded like any other), and becomes a {@link PpmsUserNotFoundError} naming action and login.
 * With `withUserId`, an answer without a `userid` column does not fit (never recorded).
 */
export async function fetchUser<T>(s: ConnectionState, login: string, build: (record: ResponseRecord) => T, options: FetchUserOptions): Promise<T> {
  const withUserId = options.withUserId === true;
  const got = await s.client.read(
    "getuser",
    { login, ...(withUserId ? { withuserid: "true" } : {}), ...formatParam(s) },
    (answer) => {
      if (answer.text.trim() === "") return { missing: answer.context };
      const record = recordOf(answer, s);
      if (withUserId && record.userid === undefined) throw new ResponseFormatError("field 'userid' is missing (asked with withuserid=true)", { field: "userid" });
      return { value: build(record) };
    },
    options,
  );
  if ("value" in got) return got.value;
  s.logger.debug(`User [${login}] is unknown to PPMS`);
  throw new PpmsUserNotFoundError(login, got.missing);
}
