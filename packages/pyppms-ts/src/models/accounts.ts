import type { ResponseRecord } from "../wire/response-value.js";
import { parseJsonRecords } from "../wire/json-records.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import { parseTable } from "../wire/table.js";
import { accountRecord, validBcodeRecord } from "./billing-records.js";
import { buildNumbered } from "./build-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** A billing code PPMS accepts for new charges (one line of `getvalidbcodes`). */
export interface PpmsValidBcode {
  /** The billing code. */
  bcode: string;
  /** Its last valid day (`YYYY-MM-DD`), `""` when it does not expire. */
  expirationDate: string;
}

/**
 * A PPMS account (one object of API2 `GetPPMSAccounts`: `bcode, descriptionShort, rowNum,
 * affiliation, expirationDatePost, active` in the public samples, with `active` the string
 * `"true"`; no id or core facility).
 */
export interface PpmsAccount {
  /** Its billing code. */
  bcode: string;
  /** `descriptionShort` (HTML entities unescaped). */
  description: string;
  /** `rowNum`, `null` when not sent. */
  rowNum: number | null;
  /** The affiliation, as sent. */
  affiliation: string;
  /** `expirationDatePost`, as sent; `""` when it does not expire. */
  expirationDate: string;
  /** Whether it is active (`"true"`/`"false"` or a JSON boolean). */
  active: boolean;
}

/**
 * Builds a {@link PpmsValidBcode} from one parsed `getvalidbcodes` record.
 *
 * @param record - header name → value
 * @returns the valid billing code
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse('Bcode,Expiration date\r\n"BC-1001","2031-12-31"\r\n');
 * validBcodeFromRecord(row!); // { bcode: "BC-1001", expirationDate: "2031-12-31" }
 * ```
 */
export function validBcodeFromRecord(record: ResponseRecord): PpmsValidBcode {
  const r = checkRecord(validBcodeRecord, normaliseKeys(record));
  return { bcode: r.bcode, expirationDate: r.expirationdate };
}

/**
 * The records of a `getvalidbcodes` CSV answer, its header found by the names `Bcode` and
 * `Expiration date` (no public source shows this answer: the names are the fake PUMAPI's).
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per valid billing code
 * @example
 * ```ts
 * const rows = validBcodeRows("Bcode,Expiration date\r\nBC-1001,2031-12-31\r\n");
 * rows.length; // 1
 * ```
 */
export function validBcodeRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["Bcode", "Expiration date"] });
}

/**
 * Builds a {@link PpmsAccount} from one object of an API2 `GetPPMSAccounts` answer, as
 * {@link parseJsonRecords} gives it (HTML entities unescaped; keys matched ignoring case).
 *
 * @param record - key → value
 * @returns the account
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [record] = parseJsonRecords('[{"bcode":"BC-2001","descriptionShort":"Facility internal","rowNum":"1","affiliation":"Internal","expirationDatePost":"","active":"true"}]');
 * accountFromRecord(record!).active; // true
 * ```
 */
export function accountFromRecord(record: ResponseRecord): PpmsAccount {
  const r = checkRecord(accountRecord, normaliseKeys(record));
  return { bcode: r.bcode, description: r.descriptionshort, rowNum: r.rownum, affiliation: r.affiliation, expirationDate: r.expirationdatepost, active: r.active };
}

/**
 * Parses an API2 `GetPPMSAccounts` JSON answer. Empty text (HTTP 204) is no accounts.
 *
 * @param text - the answer body
 * @returns the accounts
 * @throws {@link ResponseFormatError} when it is not JSON or an object does not fit
 * @example
 * ```ts
 * parseAccounts('[{"bcode":"BC-1001","descriptionShort":"Cells","rowNum":"1","affiliation":"Lab","expirationDatePost":"","active":"true"}]')[0]?.bcode; // "BC-1001"
 * ```
 */
export function parseAccounts(text: string): PpmsAccount[] {
  return text.trim() === "" ? [] : buildNumbered(parseJsonRecords(text), accountFromRecord);
}
