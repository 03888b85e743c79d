import { requireData } from "../client/answer-checks.js";
import { formatParam } from "../client/answer-format.js";
import { callAction } from "../client/call.js";
import { declareAction, type ActionDeclaration } from "../client/declaration.js";
import { format, type ParamRule } from "../client/param-rules.js";
import type { ConnectionState } from "../client/state.js";
import { NoDataError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireDay, requireId, requireText } from "../internal/inputs.js";
import { buildNumbered } from "../models/build-records.js";
import { formatDay } from "../models/time.js";
import type { CallOptions, PumapiParams } from "../types.js";
import { looksLikeJson, parseJsonRecords } from "../wire/json-records.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { ResponseRecord } from "../wire/response-value.js";

/*
 * The table reads of the billing families (orders, invoices, samples, valid billing codes): one
 * CSV (or, where PUMAPI offers it, JSON) answer → one typed value per record, plus the local
 * checks of their writes' arguments. Used by the resource modules only.
 */

/** How one table answer is read. */
export interface TableRead<T> {
  /** Builds one value from a record (CSV or JSON, keyed by the header names). */
  build: (row: ResponseRecord) => T;
  /**
   * What an empty body means: "<unknown> is unknown to PPMS" (a {@link NoDataError} naming it and
   * the action), e.g. `Order [9999]`. Without it the action always sends its header line, and an
   * empty body is a {@link NoDataError} naming the action.
   */
  unknown?: ((params: Readonly<Record<string, string>>) => string) | undefined;
  /** A header without rows means `unknown` is unknown too (an answer about one item, `getinvoice`). */
  one?: boolean | undefined;
  /**
   * Turns a CSV/text body into records: the model's own reader (e.g. {@link orderRows}), which
   * finds the header by the names the model expects, so the connection and the model's public
   * parser read an answer the same way.
   */
  rows: (text: string, options: ParseResponseOptions) => ResponseRecord[];
  /** The action answers `format=json`: asked for when the connection's `format` is `json` (HTML entities unescaped). */
  json?: boolean | undefined;
}

/**
 * Declares a table read: one value per record of its answer (a header without rows is no values,
 * also in strict mode; the record checks' format errors name the record). An empty answer is a
 * {@link NoDataError}: naming the unknown item when `unknown` is given, else the action.
 */
export function tableRead<T>(action: string, params: Readonly<Record<string, ParamRule>>, read: TableRead<T>): ActionDeclaration<T[]> {
  return declareAction({
    action,
    kind: "read",
    params: read.json === true ? { ...params, format } : params,
    empty: "parse",
    recorded: "always",
    parse: (answer, { state, params: sent }) => {
      const unknown = (): NoDataError => new NoDataError(`${read.unknown?.(sent) ?? "The item"} is unknown to PPMS`, { ...answer.context, action: answer.action });
      if (read.unknown !== undefined && answer.text.trim() === "") throw unknown();
      requireData(answer);
      // A server that ignores format=json answers CSV: the body decides.
      const values =
        sent.format === "json" && looksLikeJson(answer.text)
          ? buildNumbered(parseJsonRecords(answer.text), read.build, 1)
          : buildNumbered(read.rows(answer.text, state.parseOptions), read.build, 2);
      if (read.one === true && values.length === 0) throw unknown();
      return values;
    },
  });
}

/** Sends a declared table read, asking `format=json` when the action takes it and the connection wants it. */
export function readTable<T>(s: ConnectionState, declaration: ActionDeclaration<T[]>, params: PumapiParams, options: CallOptions): Promise<T[]> {
  return callAction(s, declaration, { ...params, ...("format" in declaration.params ? formatParam(s) : {}) }, options);
}


/** The optional `coreid` filter of the list actions. */
export function coreParams(coreId: number | string | undefined): PumapiParams {
  return coreId === undefined ? {} : { coreid: requireId("coreId", coreId) };
}

/** A mandatory text argument, trimmed (PUMAPI treats a blank value as missing). */
export function requireTrimmed(field: string, value: unknown): string {
  return requireText(field, value).trim();
}

/** A day as `YYYY-MM-DD` (a `Date` is taken as its local day); anything else is refused before sending. */
export function requireDayText(field: string, value: unknown): string {
  return formatDay(requireDay(field, value));
}

/** An object argument (the fields of a write). */
export function requireObject(field: string, value: unknown): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new PpmsInvalidArgumentError(field, "must be an object");
}

/** A quantity: a finite number > 0 (decimals allowed). */
export function requireQuantity(field: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  throw new PpmsInvalidArgumentError(field, `must be a number > 0, got ${JSON.stringify(value) ?? String(value)}`);
}

/** An optional boolean argument (undefined stays undefined: the field is not sent). */
export function optionalFlag(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new PpmsInvalidArgumentError(field, `must be true or false, got ${JSON.stringify(value) ?? String(value)}`);
}

/** An optional text argument: a string (sent as is) or undefined. */
export function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  throw new PpmsInvalidArgumentError(field, "must be a string");
}
