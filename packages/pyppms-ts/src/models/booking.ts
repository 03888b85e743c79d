import { NoDataError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { parseLineList } from "../wire/line-list.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { bookingLines, runningSheetEntry } from "./records.js";
import { fmtTime, timeRelToAbs } from "./time.js";
import { parseTimeOfDay } from "./time-of-day.js";
import { checkFields, checkRecord } from "./validators.js";

/** Which booking `getBooking` asks for: the running one (`getbooking`) or the next (`nextbooking`). */
export type BookingType = "get" | "next";

/** Options of {@link PpmsBooking.fromBookingResponse}. */
export interface FromBookingResponseOptions {
  /** The moment the answer's "minutes from now" count from (default: now). */
  now?: Date;
}

/**
 * A booking of a system (pyppms' `PpmsBooking`), from `getbooking`/`nextbooking` or from a
 * running-sheet line.
 *
 * @example
 * ```ts
 * const next = PpmsBooking.fromBookingResponse("jdoe\r\n1440\r\n98765\r\n", "next", 31);
 * next.starttime; // now (to the minute) + 1 day
 * next.endtime; // null: nextbooking does not tell
 * ```
 */
export class PpmsBooking {
  /** Login of the user who booked. */
  readonly username: string;
  /** The booked system. */
  readonly systemId: number;
  /** Start (local time). */
  starttime: Date;
  /** End (local time), or `null` when unknown (a next booking). */
  endtime: Date | null;
  /** PPMS session id (empty for running-sheet entries). */
  session: string;

  /**
   * @param username - login of the user who booked
   * @param systemId - the booked system
   * @param starttime - start
   * @param endtime - end, or null when unknown
   * @param session - PPMS session id
   */
  constructor(username: string, systemId: number, starttime: Date, endtime: Date | null, session = "") {
    if (!Number.isInteger(systemId)) throw new PpmsInvalidArgumentError("systemId", "must be a whole number");
    this.username = username;
    this.systemId = systemId;
    this.starttime = starttime;
    this.endtime = endtime;
    this.session = session;
  }

  /**
   * Builds a booking from a `getbooking` or `nextbooking` answer: three lines, the login, the
   * minutes from now and the session id. For `get` (a running session) the start is now (rounded
   * down to the minute) and the minutes say when it ends; for `next` the minutes say when it
   * starts and the end is unknown (`null`).
   *
   * @param text - the answer body
   * @param bookingType - `get` or `next`
   * @param systemId - the system that was asked about
   * @param options - the reference moment (default: now)
   * @returns the booking
   * @throws {@link NoDataError} on an empty answer; {@link ResponseFormatError} when a line does not fit
   * @example
   * ```ts
   * PpmsBooking.fromBookingResponse("jdoe\r\n42\r\n12345\r\n", "get", 31).session; // "12345"
   * ```
   */
  static fromBookingResponse(
    text: string,
    bookingType: BookingType,
    systemId: number,
    options: FromBookingResponseOptions = {},
  ): PpmsBooking {
    if (bookingType !== "get" && bookingType !== "next") {
      throw new PpmsInvalidArgumentError("bookingType", `must be 'get' or 'next', got '${String(bookingType)}'`);
    }
    const lines = parseLineList(text);
    if (lines.length === 0) throw new NoDataError("Booking answer is empty (no booking)");
    const [username, minutes, session] = lines;
    const parsed = checkRecord(bookingLines, { username, minutes, session });
    const now = options.now ?? new Date();
    if (bookingType === "get") {
      return new PpmsBooking(
        parsed.username,
        systemId,
        timeRelToAbs(0, { now }),
        timeRelToAbs(parsed.minutes, { now }),
        parsed.session,
      );
    }
    return new PpmsBooking(parsed.username, systemId, timeRelToAbs(parsed.minutes, { now }), null, parsed.session);
  }

  /**
   * Builds a booking from one running-sheet line: its `Start time`/`End time` (`HH:MM`) on the
   * given day. An end time of `00:00` means midnight at the end of that day (the start of the
   * next day); so does any end time before the start time (a session past midnight).
   *
   * @param entry - the running-sheet record (from {@link parseMultilineResponse})
   * @param systemId - the system, resolved from the entry's `Object` (system name)
   * @param username - the login, resolved from the entry's `User` (full name)
   * @param day - the running sheet's day (its time of day is ignored)
   * @returns the booking
   * @throws {@link ResponseFormatError} naming the field when a time does not fit
   * @example
   * ```ts
   * const entry = { "Start time": "13:00", "End time": "00:00", Object: "Confocal, upright", User: "Kovač Boris" };
   * PpmsBooking.fromRunningsheet(entry, 33, "bkovac", new Date(2030, 2, 14)).endtime; // 2030-03-15 00:00
   * ```
   */
  static fromRunningsheet(entry: ResponseRecord, systemId: number, username: string, day: Date): PpmsBooking {
    const e = checkFields(runningSheetEntry, entry);
    const start = parseTimeOfDay(e["Start time"], "Start time");
    const end = parseTimeOfDay(e["End time"], "End time");
    const starttime = new Date(day.getFullYear(), day.getMonth(), day.getDate(), start.hours, start.minutes);
    const endtime = new Date(day.getFullYear(), day.getMonth(), day.getDate(), end.hours, end.minutes);
    // 00:00 ends at midnight after the day; an end before the start can only be on the next day too.
    const midnight = end.hours === 0 && end.minutes === 0;
    if (midnight || endtime.getTime() < starttime.getTime()) endtime.setDate(endtime.getDate() + 1);
    return new PpmsBooking(username, systemId, starttime, endtime);
  }

  /** `"<login>@<system id> [<start> -- <end>]"`, for logs: pyppms' `desc`, character for character. */
  get desc(): string {
    return `${this.username}@${this.systemId} [${fmtTime(this.starttime)} -- ${fmtTime(this.endtime)}]`;
  }

  /**
   * A readable line with user, system, times and (when there is one) session, as pyppms 3.3's
   * `str(booking)`.
   *
   * @returns the description
   * @example
   * ```ts
   * const booking = await ppms.getCurrentBooking(31);
   * String(booking); // "PpmsBooking(username=[jdoe], system_id=[31], starttime=[2030-03-14 08:00], endtime=[2030-03-14 12:30])"
   * ```
   */
  toString(): string {
    const session = this.session ? `, session=[${this.session}]` : "";
    return (
      `PpmsBooking(username=[${this.username}], system_id=[${this.systemId}], ` +
      `starttime=[${fmtTime(this.starttime)}], endtime=[${fmtTime(this.endtime)}]${session})`
    );
  }
}
