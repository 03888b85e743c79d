import type { ResponseRecord, ResponseValue } from "../wire/response-value.js";

/*
 * The records of API2's list calls. Their key names come from public samples (GetGroupsList:
 * id, head, name, department, institution; GetSessionsList: hour, hoursBooked, userName,
 * cancelled; GetSessionDetails: systemId, systemType, systemName, status, userId, userName,
 * projectId, projectName, assisted, assistantId, assistant; GetUsersList: id, firstName,
 * lastName); their value types do not, so values are read tolerantly: a number where one is
 * expected when the value is one, else undefined; every key as sent is kept in `record`.
 */

/** A whole or decimal number from a record value ("12", 12), else undefined. */
function numberOf(value: ResponseValue | undefined): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A text value ("" when absent; booleans as `true`/`false`). */
function textOf(value: ResponseValue | undefined): string {
  return value === undefined ? "" : String(value);
}

/** A yes/no value: `true`/`1`/`yes` in any case, else false. */
function flagOf(value: ResponseValue | undefined): boolean {
  return value === true || (typeof value === "string" && /^(true|1|yes)$/i.test(value.trim()));
}

/** A group of API2 `GetGroupsList`. */
export interface PpmsApi2Group {
  /** `id`, when a number. */
  readonly id: number | undefined;
  /** `head`: the group's head. */
  readonly head: string;
  /** `name`. */
  readonly name: string;
  /** `department`. */
  readonly department: string;
  /** `institution`. */
  readonly institution: string;
  /** Every key as sent. */
  readonly record: ResponseRecord;
}

/** A line of API2 `GetSessionsList`. */
export interface PpmsApi2SessionSummary {
  /** `hour` (public samples count quarter-hours here), when a number. */
  readonly hour: number | undefined;
  /** `hoursBooked`, when a number. */
  readonly hoursBooked: number | undefined;
  /** `userName`. */
  readonly userName: string;
  /** `cancelled`. */
  readonly cancelled: boolean;
  /** Every key as sent. */
  readonly record: ResponseRecord;
}

/** API2 `GetSessionDetails`. */
export interface PpmsApi2SessionDetails {
  /** `systemId`, when a number. */
  readonly systemId: number | undefined;
  /** `systemType`. */
  readonly systemType: string;
  /** `systemName`. */
  readonly systemName: string;
  /** `status`. */
  readonly status: string;
  /** `userId`, when a number. */
  readonly userId: number | undefined;
  /** `userName`. */
  readonly userName: string;
  /** `projectId`, when a number. */
  readonly projectId: number | undefined;
  /** `projectName`. */
  readonly projectName: string;
  /** `assisted`. */
  readonly assisted: boolean;
  /** `assistantId`, when a number. */
  readonly assistantId: number | undefined;
  /** `assistant`. */
  readonly assistant: string;
  /** Every key as sent. */
  readonly record: ResponseRecord;
}

/** A user of API2 `GetUsersList`. */
export interface PpmsApi2User {
  /** `id`, when a number. */
  readonly id: number | undefined;
  /** `firstName`. */
  readonly firstName: string;
  /** `lastName`. */
  readonly lastName: string;
  /** Every key as sent. */
  readonly record: ResponseRecord;
}

/**
 * Reads a `GetGroupsList` record tolerantly.
 *
 * @param record - one JSON record
 * @returns the group
 * @example
 * ```ts
 * api2GroupFromRecord({ id: "3", head: "Doe Jane", name: "Imaging", department: "Biology", institution: "Lab" }).id; // 3
 * ```
 */
export function api2GroupFromRecord(record: ResponseRecord): PpmsApi2Group {
  return { id: numberOf(record.id), head: textOf(record.head), name: textOf(record.name), department: textOf(record.department), institution: textOf(record.institution), record };
}

/**
 * Reads a `GetSessionsList` record tolerantly.
 *
 * @param record - one JSON record
 * @returns the session line
 * @example
 * ```ts
 * api2SessionSummaryFromRecord({ hour: "36", hoursBooked: "4.5", userName: "Doe Jane", cancelled: false }).hoursBooked; // 4.5
 * ```
 */
export function api2SessionSummaryFromRecord(record: ResponseRecord): PpmsApi2SessionSummary {
  return { hour: numberOf(record.hour), hoursBooked: numberOf(record.hoursBooked), userName: textOf(record.userName), cancelled: flagOf(record.cancelled), record };
}

/**
 * Reads a `GetSessionDetails` record tolerantly.
 *
 * @param record - one JSON record
 * @returns the session details
 * @example
 * ```ts
 * api2SessionDetailsFromRecord({ systemId: "31", systemName: "Zeiss LSM 900", assisted: "false" }).systemId; // 31
 * ```
 */
export function api2SessionDetailsFromRecord(record: ResponseRecord): PpmsApi2SessionDetails {
  return {
    systemId: numberOf(record.systemId),
    systemType: textOf(record.systemType),
    systemName: textOf(record.systemName),
    status: textOf(record.status),
    userId: numberOf(record.userId),
    userName: textOf(record.userName),
    projectId: numberOf(record.projectId),
    projectName: textOf(record.projectName),
    assisted: flagOf(record.assisted),
    assistantId: numberOf(record.assistantId),
    assistant: textOf(record.assistant),
    record,
  };
}

/**
 * Reads a `GetUsersList` record tolerantly.
 *
 * @param record - one JSON record
 * @returns the user
 * @example
 * ```ts
 * api2UserFromRecord({ id: "1", firstName: "Jane", lastName: "Doe" }).lastName; // "Doe"
 * ```
 */
export function api2UserFromRecord(record: ResponseRecord): PpmsApi2User {
  return { id: numberOf(record.id), firstName: textOf(record.firstName), lastName: textOf(record.lastName), record };
}
