import { tolerantRecords } from "../client/answer-format.js";
import { callAction } from "../client/call.js";
import { declareAction, emptyList, type ActionDeclaration } from "../client/declaration.js";
import { oneOf, plainValue } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireFields, requireId } from "../internal/inputs.js";
import {
  api2GroupFromRecord,
  api2SessionDetailsFromRecord,
  api2SessionSummaryFromRecord,
  api2UserFromRecord,
  type PpmsApi2Group,
  type PpmsApi2SessionDetails,
  type PpmsApi2SessionSummary,
  type PpmsApi2User,
} from "../models/api2-lists.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { api2Send, type Api2Options } from "./accounts.js";
import { buildNumbered } from "../models/build-records.js";

/**
 * The parameters of an API2 call, passed as given (API2's filters are documented per instance,
 * not publicly): plain values only, sent as text; `action`, `apikey` and `format` are set by the
 * connection.
 */
export type Api2Params = Readonly<Record<string, string | number | boolean>>;

// Every API2 list is asked as JSON; its other parameters are the caller's (checked as plain values).
const API2_PARAMS = { format: oneOf("json"), "*": plainValue };

/** An API2 list read: JSON (or CSV) records, each built by `build`; an empty answer is an empty list. */
function api2List<T>(action: string, build: (record: ResponseRecord) => T): ActionDeclaration<T[]> {
  return declareAction({ action, kind: "read", params: API2_PARAMS, empty: emptyList<T>(), recorded: "always", parse: (answer, { state }) => buildNumbered(tolerantRecords(answer, state), build, 1) });
}

/** API2 `ReportNNNN` calls: their number is specific to each PPMS instance. */
export const REPORT_ACTION = /^Report\d+$/;

/** The API2 list and report actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const API2_ACTIONS = {
  GetGroupsList: api2List("GetGroupsList", api2GroupFromRecord),
  GetSessionsList: api2List("GetSessionsList", api2SessionSummaryFromRecord),
  GetSessionDetails: api2List("GetSessionDetails", api2SessionDetailsFromRecord),
  GetUsersList: api2List("GetUsersList", api2UserFromRecord),
  // One declaration for every `Report<number>`: sent under the report's own name.
  ReportNNNN: api2List("ReportNNNN", (record) => record),
};

/** Checks the caller's API2 parameters (an object of plain values) before anything is sent. */
function api2Params(params: unknown): Record<string, string | number | boolean> {
  const given = requireFields("params", params) as Record<string, string | number | boolean>;
  for (const name of ["action", "apikey", "format"]) {
    if (Object.hasOwn(given, name)) throw new PpmsInvalidArgumentError(`params.${name}`, "is set by the connection");
  }
  return { ...given, format: "json" };
}

/**
 * The API2 list and report methods of {@link PpmsConnection} (API2 `GetGroupsList`,
 * `GetSessionsList`, `GetSessionDetails`, `GetUsersList`, `Report<number>`), on
 * `<instance>/API2/` with the API2 key (see {@link PpmsAccountsApi.getAccounts}). Their key
 * names come from public samples, their value types and parameters do not: values are read
 * tolerantly, every record keeps its keys as sent, and parameters are passed as given.
 *
 * @example
 * ```ts
 * const groups = await ppms.getGroupsList();
 * ```
 */
export abstract class PpmsApi2Api {
  /**
   * The groups (API2 `GetGroupsList`): `id, head, name, department, institution`.
   *
   * @param params - the instance's filters, passed as given (default none)
   * @param options - `api2Url`, `api2Key`, `signal`
   * @returns one group per record
   * @example
   * ```ts
   * const names = (await ppms.getGroupsList()).map((g) => g.name);
   * ```
   */
  async getGroupsList(params: Api2Params = {}, options: Api2Options = {}): Promise<PpmsApi2Group[]> {
    const s = stateOf(this);
    return callAction(s, API2_ACTIONS.GetGroupsList, api2Params(params), api2Send(s, options));
  }

  /**
   * The booked sessions (API2 `GetSessionsList`): `hour` (quarter-hours in public samples),
   * `hoursBooked`, `userName`, `cancelled`.
   *
   * @param params - the instance's filters (e.g. a system or a period), passed as given
   * @param options - `api2Url`, `api2Key`, `signal`
   * @returns one line per record
   * @example
   * ```ts
   * const booked = (await ppms.getSessionsList()).filter((s) => !s.cancelled);
   * ```
   */
  async getSessionsList(params: Api2Params = {}, options: Api2Options = {}): Promise<PpmsApi2SessionSummary[]> {
    const s = stateOf(this);
    return callAction(s, API2_ACTIONS.GetSessionsList, api2Params(params), api2Send(s, options));
  }

  /**
   * Details of sessions (API2 `GetSessionDetails`): `systemId, systemType, systemName, status,
   * userId, userName, projectId, projectName, assisted, assistantId, assistant`. Which
   * parameter names the session is chosen by is not public: pass the instance's.
   *
   * @param params - the instance's parameters naming the session(s), passed as given
   * @param options - `api2Url`, `api2Key`, `signal`
   * @returns one record per session
   * @example
   * ```ts
   * const [details] = await ppms.getSessionDetails({ sessionId: 98765 });
   * ```
   */
  async getSessionDetails(params: Api2Params, options: Api2Options = {}): Promise<PpmsApi2SessionDetails[]> {
    const s = stateOf(this);
    return callAction(s, API2_ACTIONS.GetSessionDetails, api2Params(params), api2Send(s, options));
  }

  /**
   * The users (API2 `GetUsersList`): `id, firstName, lastName`.
   *
   * @param params - the instance's filters, passed as given (default none)
   * @param options - `api2Url`, `api2Key`, `signal`
   * @returns one user per record
   * @example
   * ```ts
   * const users = await ppms.getUsersList();
   * ```
   */
  async getUsersList(params: Api2Params = {}, options: Api2Options = {}): Promise<PpmsApi2User[]> {
    const s = stateOf(this);
    return callAction(s, API2_ACTIONS.GetUsersList, api2Params(params), api2Send(s, options));
  }

  /**
   * Runs an instance-specific API2 report (`Report<id>`, e.g. `Report1234`): the records as
   * sent (JSON, or CSV with a header), keyed by their own names; an empty answer is no records.
   * The caller gives the record type it expects (not checked: report columns differ per instance).
   *
   * @param reportId - the report number (digits)
   * @param params - the report's parameters, passed as given
   * @param options - `api2Url`, `api2Key`, `signal`
   * @returns the report's records
   * @example
   * ```ts
   * const rows = await ppms.report<{ system: string; hours: string }>(1234, { start: "2030-03-01", end: "2030-03-31" });
   * ```
   */
  async report<T extends ResponseRecord = ResponseRecord>(reportId: number | string, params: Api2Params = {}, options: Api2Options = {}): Promise<T[]> {
    const s = stateOf(this);
    const action = `Report${requireId("reportId", reportId)}`;
    const rows = await callAction(s, { ...API2_ACTIONS.ReportNNNN, action }, api2Params(params), api2Send(s, options));
    return rows as T[];
  }
}
