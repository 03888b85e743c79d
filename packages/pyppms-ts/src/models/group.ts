import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { dictFromSingleResponse } from "../wire/single-response.js";
import { groupModelRecord } from "./records.js";
import { checkRecord } from "./validators.js";

/**
 * The fields of a {@link PpmsGroup} besides its id, as its constructor takes them: any of them
 * (documented on the class; left out, a text is `""`, `external` and `active` false).
 */
export type PpmsGroupFields = Partial<Omit<PpmsGroup, "groupId" | "desc" | "toString">>;

/**
 * A PPMS group (pyppms 4.0's `PpmsGroup`), from a `getgroup` answer. The raw record, every
 * column as sent, is {@link PpmsConnection.getGroupDict}.
 *
 * @example
 * ```ts
 * const group = PpmsGroup.fromResponse(
 *   "unitlogin,unitname,headname,heademail,unitbcode,department,institution,address,affiliation,ext,active,admname,admemail,creationdate\r\n" +
 *     '"cell_lab","Cell Lab","Kovač Boris","boris.kovac@lab.example","BC-1001","Biology","Example University","Lab Street 2","","",True,"","","2022-06-01","",\r\n',
 * );
 * group.billingCode; // "BC-1001"
 * String(group); // "cell_lab"
 * ```
 */
export class PpmsGroup {
  /** The group id (`unitlogin`). */
  readonly groupId: string;
  /** Group name (`unitname`). */
  name: string;
  /** Name of the group's head (`headname`). */
  headName: string;
  /** E-mail of the group's head (`heademail`). */
  headEmail: string;
  /** The group's billing code (`unitbcode`). */
  billingCode: string;
  /** Department. */
  department: string;
  /** Institution. */
  institution: string;
  /** Postal address (line breaks as `\n`). */
  address: string;
  /** Affiliation. */
  affiliation: string;
  /** Whether it is an external group (`ext`: `true`/`1`/`yes`; empty is false). */
  external: boolean;
  /** Whether the group is active. */
  active: boolean;
  /** Name of the group's admin (`admname`). */
  adminName: string;
  /** E-mail of the group's admin (`admemail`). */
  adminEmail: string;
  /** Creation date as sent (`creationdate`, `YYYY-MM-DD`; may be empty). */
  creationDate: string;

  /**
   * @param groupId - the group id (`unitlogin`)
   * @param fields - the other fields (defaults: empty strings, not external, inactive)
   */
  constructor(groupId: string, fields: PpmsGroupFields = {}) {
    this.groupId = groupId;
    this.name = fields.name ?? "";
    this.headName = fields.headName ?? "";
    this.headEmail = fields.headEmail ?? "";
    this.billingCode = fields.billingCode ?? "";
    this.department = fields.department ?? "";
    this.institution = fields.institution ?? "";
    this.address = fields.address ?? "";
    this.affiliation = fields.affiliation ?? "";
    this.external = fields.external ?? false;
    this.active = fields.active ?? false;
    this.adminName = fields.adminName ?? "";
    this.adminEmail = fields.adminEmail ?? "";
    this.creationDate = fields.creationDate ?? "";
  }

  /**
   * Builds a group from a `getgroup` answer (header line + data line; the extra trailing fields
   * PUMAPI sends are dropped).
   *
   * @param text - the answer body
   * @param options - graceful (default) or strict parsing, and a logger
   * @returns the group
   * @throws {@link NoDataError} on an empty answer; {@link ResponseFormatError} when a field does not fit
   * @example
   * ```ts
   * PpmsGroup.fromResponse('unitlogin,unitname,active\r\n"g1","Group One",true\r\n').name; // "Group One"
   * ```
   */
  static fromResponse(text: string, options: ParseResponseOptions = {}): PpmsGroup {
    return PpmsGroup.fromRecord(dictFromSingleResponse(text, options));
  }

  /**
   * Builds a group from a parsed `getgroup` record (CSV or `format=json`): `unitlogin` and
   * `active` are required, the other columns default to empty.
   *
   * @param record - column name → value
   * @returns the group
   * @throws {@link ResponseFormatError} naming the field when one does not fit
   * @example
   * ```ts
   * PpmsGroup.fromRecord({ unitlogin: "g1", unitname: "Group One", ext: "", active: true }).external; // false
   * ```
   */
  static fromRecord(record: ResponseRecord): PpmsGroup {
    const r = checkRecord(groupModelRecord, record);
    return new PpmsGroup(r.unitlogin, {
      name: r.unitname,
      headName: r.headname,
      headEmail: r.heademail,
      billingCode: r.unitbcode,
      department: r.department,
      institution: r.institution,
      address: r.address.replace(/\r\n?/g, "\n"),
      affiliation: r.affiliation,
      external: r.ext,
      active: r.active,
      adminName: r.admname,
      adminEmail: r.admemail,
      creationDate: r.creationdate,
    });
  }

  /** All fields on one line, for logs. */
  get desc(): string {
    return (
      `group: ${this.groupId}, name: ${this.name}, head: ${this.headName} <${this.headEmail}>, ` +
      `billingCode: ${this.billingCode}, external: ${this.external}, active: ${this.active}`
    );
  }

  /**
   * The group id, as pyppms' `str(group)`.
   *
   * @returns the group id
   * @example
   * ```ts
   * String(new PpmsGroup("cell_lab")); // "cell_lab"
   * ```
   */
  toString(): string {
    return this.groupId;
  }
}
