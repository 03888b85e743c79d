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
 * case and spaces).
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
  const r = checkRecord(bcodeRecord, normaliseKeys(record));
  return { bcode: r.bcode, user: r.user, group: r.group, project: r.project, subsidy: r.subsidy, charges: r.charges };
}
