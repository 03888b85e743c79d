import { requireSystemCredentials } from "../client/auth.js";
import { checkBulk } from "../client/bulk.js";
import { callAction } from "../client/call.js";
import { declareAction, type ActionDeclaration } from "../client/declaration.js";
import { day, id } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { NoDataError } from "../errors/answer.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireDay, requireId } from "../internal/inputs.js";
import { matchSystemIds } from "../internal/match-system.js";
import { PpmsBooking, type BookingType } from "../models/booking.js";
import { runningSheetEntry } from "../models/records.js";
import { formatDay } from "../models/time.js";
import { checkRecord } from "../models/validators.js";
import type { BookingOptions, RunningSheetOptions } from "../types.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";
import type { ResponseRecord } from "../wire/response-value.js";
import type { PpmsSystemsApi } from "./systems.js";
import type { PpmsUsersApi } from "./users.js";

/** Parses a running sheet: no data (empty body, or the header alone) is an empty day. */
function parseSheet(text: string, strict: boolean, options: Parameters<typeof parseMultilineResponse>[1]): ResponseRecord[] {
  try {
    return parseMultilineResponse(text, { ...options, graceful: false });
  } catch (error) {
    if (error instanceof NoDataError) return [];
    if (strict) throw error;
    return parseMultilineResponse(text, options);
  }
}

/** `getbooking` / `nextbooking`: three lines (login, minutes from now, session id); an empty answer is "no booking" (`null`). */
function bookingRead(type: BookingType): ActionDeclaration<PpmsBooking | null> {
  return declareAction({
    action: `${type}booking`,
    kind: "read",
    params: { id },
    empty: { value: () => null },
    recorded: "always",
    parse: (answer, { state, params }) => PpmsBooking.fromBookingResponse(answer.text, type, Number(params.id), { now: state.now() }),
  });
}

/** The booking actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const BOOKING_ACTIONS = {
  getbooking: bookingRead("get"),
  nextbooking: bookingRead("next"),
  // Everything that can fail to parse is checked here, so a sheet that does not fit is never recorded.
  getrunningsheet: declareAction({
    action: "getrunningsheet",
    kind: "read",
    params: { plateformid: id, day },
    empty: "parse",
    recorded: "always",
    parse: (answer, { state }) => parseSheet(answer.text, state.strict, state.parseOptions).map((row, index) => ({ row, entry: checkRecord(runningSheetEntry, row, `record ${index + 2}`) })),
  }),
};

/**
 * The booking methods of {@link PpmsConnection} (PUMAPI `getbooking`, `nextbooking`,
 * `getrunningsheet`). Holds no fields. `getbooking` and `nextbooking` also work with system
 * authentication (`{ system: { id, code } }` on the connection or per call).
 *
 * @example
 * ```ts
 * const bookings = await ppms.getRunningSheet(2, "2030-03-14");
 * ```
 */
export abstract class PpmsBookingsApi {
  /**
   * The running (`get`) or next (`next`) booking of a system (pyppms' `get_booking`), or null
   * when there is none. Times come from PUMAPI's "minutes from now"; a next booking has no end.
   * `system` authenticates this call with the system's `id` + `code` instead of the connection's
   * key (the code is a secret: never in a cache file name, a log line or an error).
   *
   * @param systemId - the system id
   * @param bookingType - `get` (default) or `next`
   * @param options - `system` credentials for this call; `signal`
   * @returns the booking, or null
   * @throws {@link PpmsAuthScopeError} when the system credentials are those of another system
   * @example
   * ```ts
   * const booking = await ppms.getBooking(31, "next");
   * booking?.starttime;
   * await ppms.getBooking(31, "get", { system: { id: 31, code: process.env.PPMS_SYSTEM_CODE ?? "" } });
   * ```
   */
  async getBooking(systemId: number | string, bookingType: BookingType = "get", options: BookingOptions = {}): Promise<PpmsBooking | null> {
    const s = stateOf(this);
    if (bookingType !== "get" && bookingType !== "next") {
      throw new PpmsInvalidArgumentError("bookingType", `must be 'get' or 'next', got ${JSON.stringify(bookingType)}`);
    }
    const id = requireId("systemId", systemId);
    const system = options.system === undefined ? undefined : requireSystemCredentials("system", options.system);
    if (system !== undefined) s.client.redactor.addSecretValue(system.code);
    return callAction(s, BOOKING_ACTIONS[`${bookingType}booking`], { id }, { signal: options.signal, system });
  }

  /**
   * The running booking of a system, or null (`getBooking(systemId, "get")`).
   *
   * @param systemId - the system id
   * @param options - `system` credentials for this call; `signal`
   * @returns the booking, or null
   * @example
   * ```ts
   * const current = await ppms.getCurrentBooking(31);
   * ```
   */
  async getCurrentBooking(systemId: number | string, options: BookingOptions = {}): Promise<PpmsBooking | null> {
    return this.getBooking(systemId, "get", options);
  }

  /**
   * The next booking of a system, or null (`getBooking(systemId, "next")`). PUMAPI silently
   * omits a next booking far in the future.
   *
   * @param systemId - the system id
   * @param options - `system` credentials for this call; `signal`
   * @returns the booking, or null
   * @example
   * ```ts
   * const next = await ppms.getNextBooking(31);
   * ```
   */
  async getNextBooking(systemId: number | string, options: BookingOptions = {}): Promise<PpmsBooking | null> {
    return this.getBooking(systemId, "next", options);
  }

  /**
   * The bookings of a core facility on a day (pyppms' `get_running_sheet`). The running sheet
   * names users by full name and systems by name: an unknown full name refreshes all users once
   * (unless `ignoreUncachedUsers`), entries of still unknown users are skipped, and each entry is
   * matched to exactly one system of that facility with exactly that name (and localisation
   * when given), else skipped. An end time of `00:00` ends at midnight after the day.
   *
   * @param coreFacilityRef - the core facility (`plateformid`)
   * @param day - the day, as a `Date` (local) or `YYYY-MM-DD`
   * @param options - `ignoreUncachedUsers`, `localisation`, bulk settings for the user refresh, `signal`
   * @returns the bookings, in running-sheet order
   * @example
   * ```ts
   * const bookings = await ppms.getRunningSheet(2, "2030-03-14");
   * for (const b of bookings) console.log(b.desc);
   * ```
   */
  async getRunningSheet(
    this: PpmsBookingsApi & PpmsUsersApi & PpmsSystemsApi,
    coreFacilityRef: number | string,
    day: Date | string,
    options: RunningSheetOptions = {},
  ): Promise<PpmsBooking[]> {
    const s = stateOf(this);
    checkBulk(options);
    const facility = requireId("coreFacilityRef", coreFacilityRef);
    const date = requireDay("day", day);
    const localisation = options.localisation ?? "";
    const entries = await callAction(s, BOOKING_ACTIONS.getrunningsheet, { plateformid: facility, day: formatDay(date) }, options, (rows) =>
      rows.map(({ row, entry }) => ({ entry, times: PpmsBooking.fromRunningsheet(row, 0, entry.User, date) })),
    );
    if (entries.length === 0) return [];

    if (options.ignoreUncachedUsers !== true && entries.some(({ entry }) => !s.fullnames.has(entry.User))) {
      s.logger.debug("Running sheet refers to uncached user(s), updating users");
      await this.cacheUpdateUsers(options);
    }
    const systems = [...(await this.getSystems({ signal: options.signal })).values()];
    const bookings: PpmsBooking[] = [];
    for (const { entry, times } of entries) {
      const username = s.fullnames.get(entry.User);
      if (username === undefined) {
        if (options.ignoreUncachedUsers === true) s.logger.debug(`Ignoring booking of uncached user [${entry.User}]`);
        else s.logger.error(`PPMS does not know user [${entry.User}], skipping its booking`);
        continue;
      }
      if (s.ambiguousFullnames.has(entry.User)) s.logger.warn(`Full name '${entry.User}' belongs to several logins; booking assigned to '${username}'`);
      const ids = matchSystemIds(systems, Number(facility), entry.Object, localisation);
      if (ids.length !== 1) {
        if (ids.length > 1) s.logger.error(`Several systems named '${entry.Object}' found, skipping booking`);
        else if (localisation !== "") s.logger.debug(`System '${entry.Object}' is not at '${localisation}'`);
        else s.logger.error(`Unable to find system '${entry.Object}', skipping booking`);
        continue;
      }
      bookings.push(new PpmsBooking(username, ids[0] as number, times.starttime, times.endtime));
    }
    return bookings;
  }
}
