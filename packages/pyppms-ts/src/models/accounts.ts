import type { ResponseRecord } from "../wire/response-value.js";
import { accountRecord, validBcodeRecord } from "./billing-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** A billing code PPMS accepts for new charges (one line of `getvalidbcodes`). */
export interface PpmsValidBcode {
  /** The billing code. */
  bcode: string;
  /** Its last valid day (`YYYY-MM-DD`), `""` when it does not expire. */
  expirationDate: string;
}

/** A PPMS account (one object of API2 `GetPPMSAccounts`): a billing code as core facilities see it. */
export interface PpmsAccount {
  /** The account id. */
  id: number;
  /** The core facility it belongs to. */
  coreId: number;
  /** Its billing code. */
  bcode: string;
  /** Description (HTML entities unescaped). */
  description: string;
  /** The group it belongs to (`unitlogin`), `""` when none. */
  groupLogin: string;
  /** Whether it is active. */
  active: boolean;
  /** Its last valid day (`YYYY-MM-DD`), `""` when it does not expire. */
  expirationDate: string;
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
 * Builds a {@link PpmsAccount} from one object of an API2 `GetPPMSAccounts` answer, as
 * {@link parseJsonRecords} gives it (HTML entities unescaped; keys matched ignoring case).
 *
 * @param record - key → value
 * @returns the account
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [record] = parseJsonRecords('[{"id":3,"coreId":4,"bcode":"BC-2001","description":"Facility internal","groupLogin":"facility_staff","active":false,"expirationDate":""}]');
 * accountFromRecord(record!).active; // false
 * ```
 */
export function accountFromRecord(record: ResponseRecord): PpmsAccount {
  const r = checkRecord(accountRecord, normaliseKeys(record));
  return { id: r.id, coreId: r.coreid, bcode: r.bcode, description: r.description, groupLogin: r.grouplogin, active: r.active, expirationDate: r.expirationdate };
}
