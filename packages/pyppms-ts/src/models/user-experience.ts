import type { ResponseRecord } from "../wire/response-value.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord, decimal, integer, nonEmptyText, optionalText, recordSpec } from "./validators.js";

/**
 * One line of `getuserexp` (pyppms returns these records as they are, with the wire's column
 * names): a user's booked and used hours on one system.
 */
export interface UserExperience {
  /** The login. */
  login: string;
  /** The system id. */
  id: number;
  /** Hours booked. */
  booked_hours: number;
  /** Hours used. */
  used_hours: number;
  /** Date of the last reservation, or `n/a` when never. */
  last_res: string;
  /** Date of the last training, or `n/a` when never. */
  last_train: string;
}

const experienceRecord = recordSpec({
  login: nonEmptyText,
  id: integer,
  bookedhours: decimal,
  usedhours: decimal,
  lastres: optionalText,
  lasttrain: optionalText,
});

/** `YYYY/MM/DD` (as `format=json` answers send dates) → `YYYY-MM-DD`, the CSV spelling; anything else as sent. */
const isoDay = (value: string): string => value.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, "$1-$2-$3");

/**
 * Builds a {@link UserExperience} from one `getuserexp` record, CSV (`booked_hours`) or JSON
 * (`booked hours`: keys with spaces), keys matched ignoring case, spaces and underscores; dates
 * sent as `YYYY/MM/DD` become `YYYY-MM-DD`, so both formats give equal records.
 *
 * @param record - key → value
 * @returns the user's experience on one system
 * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
 * @example
 * ```ts
 * userExperienceFromRecord({ login: "jdoe", id: "31", "booked hours": "120.5", "used hours": "118", "last res": "2030/03/10", "last train": "n/a" }).last_res; // "2030-03-10"
 * ```
 */
export function userExperienceFromRecord(record: ResponseRecord): UserExperience {
  const r = checkRecord(experienceRecord, normaliseKeys(record));
  return { login: r.login, id: r.id, booked_hours: r.bookedhours, used_hours: r.usedhours, last_res: isoDay(r.lastres), last_train: isoDay(r.lasttrain) };
}
