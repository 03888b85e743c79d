import { describe, expect, it } from "vitest";
import { bookingLines, groupRecord, runningSheetEntry, systemRecord, userExperienceRecord, userRecord } from "../src/models/records.js";
import { checkRecord, type RecordShape, type RecordSpec } from "../src/models/validators.js";
import { ResponseFormatError, parseRightsLines } from "../src/index.js";

// The messages zod produced before the plain validators replaced it (recorded from the zod
// version, with `record 2` as the place): they must not change.
const user = { login: "j", lname: "", fname: "", email: "", unitlogin: "", active: true };
const cases: [string, RecordSpec<RecordShape>, unknown, string, string][] = [
  ["missing field", userRecord, { login: "jdoe", lname: "Doe" }, "fname", "record 2: field 'fname' is missing"],
  ["empty login", userRecord, { ...user, login: " " }, "login", "record 2: field 'login' must not be empty"],
  ["bad flag", userRecord, { ...user, active: "maybe" }, "active", "record 2: field 'active' expected true or false, got 'maybe'"],
  ["flag of wrong type", userRecord, { ...user, active: 3 }, "active", "record 2: field 'active' Invalid input"],
  ["text of wrong type", userRecord, { ...user, login: 5 }, "login", "record 2: field 'login' Invalid input"],
  ["null record", userRecord, null, "(answer)", "record 2: field '(answer)' Invalid input: expected object, received null"],
  ["string record", userRecord, "x", "(answer)", "record 2: field '(answer)' Invalid input: expected object, received string"],
  ["bad integer", systemRecord, { "Core facility ref": "2", "System id": "abc" }, "System id", "record 2: field 'System id' expected a whole number, got 'abc'"],
  ["integer of wrong type", systemRecord, { "Core facility ref": true }, "Core facility ref", "record 2: field 'Core facility ref' Invalid input"],
  ["fractional integer", systemRecord, { "Core facility ref": 2.5 }, "Core facility ref", "record 2: field 'Core facility ref' expected a whole number, got '2.5'"],
  ["bad decimal", userExperienceRecord, { login: "j", id: "1", booked_hours: "x", used_hours: "1" }, "booked_hours", "record 2: field 'booked_hours' expected a number, got 'x'"],
  ["decimal of wrong type", userExperienceRecord, { login: "j", id: "1", booked_hours: true, used_hours: "1" }, "booked_hours", "record 2: field 'booked_hours' Invalid input"],
  ["missing booking line", bookingLines, { username: "jdoe", minutes: undefined, session: undefined }, "minutes", "record 2: field 'minutes' is missing"],
  ["bad optional flag", groupRecord, { unitlogin: "g", active: "x" }, "active", "record 2: field 'active' expected true or false, got 'x'"],
  ["empty start time", runningSheetEntry, { "Start time": "", "End time": "1", Object: "x", User: "y" }, "Start time", "record 2: field 'Start time' must not be empty"],
  ["optional text of wrong type", runningSheetEntry, { Location: 5, "Start time": "1", "End time": "1", Object: "x", User: "y" }, "Location", "record 2: field 'Location' Invalid input"],
];

describe("record checks (plain validators, zod's messages kept)", () => {
  it.each(cases)("%s", (_name, spec, value, field, message) => {
    const error = (() => {
      try {
        checkRecord(spec, value, "record 2");
      } catch (e) {
        return e;
      }
      throw new Error("expected a failure");
    })();
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ field, message });
  });

  it("converts values and defaults optional fields; loose records keep other columns, strict ones drop them", () => {
    expect(checkRecord(userRecord, { ...user, login: true, extra: "kept" })).toEqual({
      login: "true", lname: "", fname: "", email: "", phone: "", bcode: "", affiliation: "", unitlogin: "", active: true, extra: "kept",
    });
    expect(checkRecord(userExperienceRecord, { login: "j", id: " 31 ", booked_hours: "1.5", used_hours: 2, extra: "dropped" })).toEqual({
      login: "j", id: 31, booked_hours: 1.5, used_hours: 2, last_res: "", last_train: "",
    });
    expect(checkRecord(groupRecord, { unitlogin: "g", active: "True" }).active).toBe(true);
    expect(checkRecord(groupRecord, { unitlogin: "g" }).active).toBeUndefined();
  });

  it("rights lines keep their messages", () => {
    expect(() => parseRightsLines("A:jdoe\r\nX:amueller\r\n")).toThrow(`line 2: field 'permission' Invalid option: expected one of "A"|"N"|"S"|"D"`);
    expect(() => parseRightsLines("A:\r\n")).toThrow("line 1: field 'subject' must not be empty");
  });
});
