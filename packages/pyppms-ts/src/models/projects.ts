import type { ResponseRecord } from "../wire/response-value.js";
import { normaliseKeys } from "./normalise-keys.js";
import { bcodeRecord } from "./records.js";
import { checkRecord } from "./validators.js";

/** A billing code, from one line of `getbcodes`. */
export interface PpmsBcode {
  /** The billing code. */
  bcode: string;
  /** User it is tied to (may be empty). */
  user: string;
  /** Group it is tied to (may be empty). */
  group: string;
  /** Project it is tied to (may be empty). */
  project: string;
  /** Subsidy (as sent). */
  subsidy: string;
  /** Charges (as sent). */
  charges: string;
}

/**
 * Builds a {@link PpmsBcode} from one parsed `getbcodes` record (header names matched ignoring
 * case and spaces). The code is read from `Bcode`, else from `account number` (the 2014
 * documentation's header: `account number, user, group, project, subsidy`).
 *
 * @param record - header name → value, from {@link parseMultilineResponse}
 * @returns the billing code
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse('Bcode, User\r\n"BC-1001", ""\r\n');
 * bcodeFromRecord(row!).bcode; // "BC-1001"
 * ```
 */
export function bcodeFromRecord(record: ResponseRecord): PpmsBcode {
  const normalised = normaliseKeys(record);
  // The 2014 documentation names the column `account number`; later answers `Bcode`.
  if (!("bcode" in normalised) && "accountnumber" in normalised) normalised.bcode = normalised.accountnumber;
  const r = checkRecord(bcodeRecord, normalised);
  return { bcode: r.bcode, user: r.user, group: r.group, project: r.project, subsidy: r.subsidy, charges: r.charges };
}
