import type { ResponseRecord } from "../wire/response-value.js";
import { normaliseKeys } from "./normalise-keys.js";
import { projectRecord } from "./records.js";
import { checkRecord } from "./validators.js";

/**
 * The fields of a {@link PpmsProject}, as its constructor takes them: `projectId` and `name`, and
 * any of the others (documented on the class; left out, a text is `""`, `active` false and
 * `expirationDate` undefined).
 */
export type PpmsProjectFields = Pick<PpmsProject, "projectId" | "name"> & Partial<Omit<PpmsProject, "projectId" | "name" | "toString">>;

/**
 * A PPMS project (pyppms' `PpmsProject`), from one line of `getprojects` (CSV or `format=json`).
 * Header names are matched ignoring case, spaces and punctuation (`Core facility ref.` →
 * `corefacilityref`).
 *
 * @example
 * ```ts
 * const [row] = parseMultilineResponse('Project name, Active, ProjectRef\r\n"Cell migration",True,7\r\n');
 * const project = PpmsProject.fromRecord(row!);
 * project.projectId; // 7
 * String(project); // "7: Cell migration"
 * ```
 */
export class PpmsProject {
  /** The project id (`ProjectRef`, the `projectid` parameter of other actions). */
  readonly projectId: number;
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
  /**
   * Free-text description; it may hold commas and line breaks, which are `\n` whichever way
   * PUMAPI sent them (CSV sends CRLF, JSON `\n`).
   */
  description: string;
  /**
   * Expiration date as sent (`YYYY-MM-DD`, `""` for none), when fetched with
   * `getProjects({ withExpirationDate: true })` (`ExpirationDate=true`); undefined otherwise.
   */
  expirationDate: string | undefined;

  /** @param fields - the id and name, and the other fields (defaults: empty strings, inactive) */
  constructor(fields: PpmsProjectFields) {
    this.projectId = fields.projectId;
    this.name = fields.name;
    this.coreFacilityRef = fields.coreFacilityRef ?? "";
    this.phase = fields.phase ?? "";
    this.active = fields.active ?? false;
    this.bcode = fields.bcode ?? "";
    this.affiliation = fields.affiliation ?? "";
    this.type = fields.type ?? "";
    this.group = fields.group ?? "";
    this.description = fields.description ?? "";
    this.expirationDate = fields.expirationDate;
  }

  /**
   * Builds a project from one parsed `getprojects` record (from {@link parseMultilineResponse}
   * or {@link parseJsonRecords}). Only a CSV answer sends a line break inside the description as
   * `|`: for a `"csv"` record (the default) `|` becomes `\n`; a `"json"` record's `|` is kept.
   *
   * @param record - header name → value
   * @param format - the answer the record comes from: `"csv"` (default) or `"json"`
   * @returns the project
   * @throws {@link ResponseFormatError} naming the (normalised) field when one does not fit
   * @example
   * ```ts
   * PpmsProject.fromRecord({ "Project name": "Cell migration", Active: true, ProjectRef: "7" }).name; // "Cell migration"
   * ```
   */
  static fromRecord(record: ResponseRecord, format: "csv" | "json" = "csv"): PpmsProject {
    const normalised = normaliseKeys(record);
    const r = checkRecord(projectRecord, normalised);
    return new PpmsProject({
      projectId: r.projectref,
      name: r.projectname,
      coreFacilityRef: r.corefacilityref,
      phase: r.phase,
      active: r.active,
      bcode: r.bcode,
      affiliation: r.affiliation,
      type: r.projecttype,
      group: r.projectgroup,
      // getprojects CSV may send a line break as `|` (JSON sends the line break itself).
      description: r.descr.replace(format === "csv" ? /\r\n?|\|/g : /\r\n?/g, "\n"),
      expirationDate: "expirationdate" in normalised ? r.expirationdate : undefined,
    });
  }

  /**
   * `"<id>: <name>"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * String(new PpmsProject({ projectId: 7, name: "Cell migration" })); // "7: Cell migration"
   * ```
   */
  toString(): string {
    return `${this.projectId}: ${this.name}`;
  }
}

/**
 * Builds a {@link PpmsProject} from one parsed `getprojects` record.
 *
 * @deprecated Use {@link PpmsProject.fromRecord}.
 * @param record - header name → value, from {@link parseMultilineResponse}
 * @returns the project
 * @example
 * ```ts
 * const [row] = parseMultilineResponse("Project name, Active, ProjectRef\r\n\"Cell migration\",True,7\r\n");
 * projectFromRecord(row!).projectId; // 7
 * ```
 */
export function projectFromRecord(record: ResponseRecord): PpmsProject {
  return PpmsProject.fromRecord(record);
}
