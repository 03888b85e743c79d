import type { ResponseRecord } from "../wire/response-value.js";
import { systemRecord } from "./records.js";
import { checkFields } from "./validators.js";

/** The fields of a {@link PpmsSystem}, as its constructor takes them: every field, documented on the class. */
export type PpmsSystemFields = Omit<PpmsSystem, "desc" | "toString">;

/**
 * A PPMS system (instrument), from one line of `getsystems` (pyppms' `PpmsSystem`).
 *
 * @example
 * ```ts
 * const [record] = parseMultilineResponse(
 *   "Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours\r\n" +
 *     '2,31,"Confocal","Zeiss LSM 900","Room B.12",True,True,True,True,True,False\r\n',
 * );
 * const system = PpmsSystem.fromParsedResponse(record!);
 * system.systemId; // 31
 * ```
 */
export class PpmsSystem {
  /** The system id. */
  readonly systemId: number;
  /** The system name (unique in PPMS; may contain commas). */
  name: string;
  /** Where it is (room). */
  localisation: string;
  /** The system type, e.g. `Confocal`. */
  systemType: string;
  /** The core facility it belongs to (`plateformid`). */
  coreFacilityRef: number;
  /** Whether it has schedules. */
  schedules: boolean;
  /** Whether it is active. */
  active: boolean;
  /** Whether it is in the statistics. */
  stats: boolean;
  /** Whether it can be booked. */
  bookable: boolean;
  /** Whether booking needs an autonomy right. */
  autonomyRequired: boolean;
  /** Whether booking after hours needs an autonomy right. */
  autonomyRequiredAfterHours: boolean;

  /** @param fields - every field */
  constructor(fields: PpmsSystemFields) {
    this.systemId = fields.systemId;
    this.name = fields.name;
    this.localisation = fields.localisation;
    this.systemType = fields.systemType;
    this.coreFacilityRef = fields.coreFacilityRef;
    this.schedules = fields.schedules;
    this.active = fields.active;
    this.stats = fields.stats;
    this.bookable = fields.bookable;
    this.autonomyRequired = fields.autonomyRequired;
    this.autonomyRequiredAfterHours = fields.autonomyRequiredAfterHours;
  }

  /**
   * Builds a system from one parsed `getsystems` record (pyppms' `from_parsed_response`).
   *
   * @param record - header name → value, from {@link parseMultilineResponse}
   * @returns the system
   * @throws {@link ResponseFormatError} naming the field when one does not fit (e.g. a system id that is not a number)
   * @example
   * ```ts
   * const [row] = parseMultilineResponse(
   *   "Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours\r\n" +
   *     '2,31,"Confocal","Zeiss LSM 900","Room B.12",True,True,True,True,True,False\r\n',
   * );
   * PpmsSystem.fromParsedResponse(row!).name; // "Zeiss LSM 900"
   * ```
   */
  static fromParsedResponse(record: ResponseRecord): PpmsSystem {
    const r = checkFields(systemRecord, record);
    return new PpmsSystem({
      systemId: r["System id"],
      name: r.Name,
      localisation: r.Localisation,
      systemType: r.Type,
      coreFacilityRef: r["Core facility ref"],
      schedules: r.Schedules,
      active: r.Active,
      stats: r.Stats,
      bookable: r.Bookable,
      autonomyRequired: r["Autonomy Required"],
      autonomyRequiredAfterHours: r["Autonomy Required After Hours"],
    });
  }

  /** All fields on one line, for logs. */
  get desc(): string {
    return (
      `System [${this.systemId}] '${this.name}' (${this.systemType}) at '${this.localisation}', ` +
      `core facility ${this.coreFacilityRef}, active: ${this.active}, bookable: ${this.bookable}, ` +
      `schedules: ${this.schedules}, stats: ${this.stats}, autonomy required: ${this.autonomyRequired}, ` +
      `autonomy required after hours: ${this.autonomyRequiredAfterHours}`
    );
  }

  /**
   * `"<id>: <name> (<localisation>)"`.
   *
   * @returns the short description
   * @example
   * ```ts
   * const system = (await ppms.getSystems()).get(31);
   * String(system); // "31: Zeiss LSM 900 (Room B.12)"
   * ```
   */
  toString(): string {
    return `${this.systemId}: ${this.name} (${this.localisation})`;
  }
}
