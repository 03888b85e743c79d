import type { ResponseRecord } from "../wire/response-value.js";
import { normaliseKeys } from "./normalise-keys.js";
import { bcodeRecord, projectRecord } from "./records.js";
import { checkRecord } from "./validators.js";

/** A PPMS project, from one line of `getprojects`. */
export interface PpmsProject {
  /** The project id (`projectref`, the `projectid` parameter of other actions). */
  projectId: number;
  /** Project name. */
  name: string;
  /** The core facility it belongs to (as sent; may be empty). */
  coreFacilityRef: string;
  /** Project phase (as sent). */
  phase: string;
  /** Whether the project is active. */
  active: boolean;
  /** Billing code. */
  bcode: string;
  /** Affiliation. */
  affiliation: string;
  /** Project type. */
  type: string;
  /** Project group. */
  group: string;
  /** Free-text description (may hold commas and line breaks). */
  description: string;
}

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
 * Builds a {@link PpmsProject} from one parsed `getprojects` record. Header names are matched
 * ignoring case, spaces and punctuation (`Core facility ref.` → `corefacilityref`).
 *
 * @param record - header name → value, from {@link parseMultilineResponse}
 * @returns the project
 * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse("Project name, Active, ProjectRef\r\n\"Cell migration\",True,7\r\n");
 * projectFromRecord(row!).projectId; // 7
 * ```
 */
export function projectFromRecord(record: ResponseRecord): PpmsProject {
  const r = checkRecord(projectRecord, normaliseKeys(record));
  return {
    projectId: r.projectref,
    name: r.projectname,
    coreFacilityRef: r.corefacilityref,
    phase: r.phase,
    active: r.active,
    bcode: r.bcode,
    affiliation: r.affiliation,
    type: r.projecttype,
    group: r.projectgroup,
    description: r.descr,
  };
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
