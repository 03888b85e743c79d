import { describe, expect, it } from "vitest";
import { PpmsBooking, PpmsSystem, PpmsUser, ResponseFormatError, parseMultilineResponse } from "../src/index.js";
import { runningSheetEntry, systemRecord, userRecord } from "../src/models/records.js";
import { parseTimeOfDay } from "../src/models/time-of-day.js";
import { checkFields, checkRecord } from "../src/models/validators.js";
import { captureLogger } from "./helpers/logger.js";
import { rng } from "./helpers/rng.js";

/*
 * The behaviour the parse-speed changes must keep: records built while the body is still being
 * read (from a copy of an earlier record), model checks that skip copying unnamed columns, and
 * the `HH:MM` fast path of running-sheet times.
 */

describe("parseMultilineResponse, record by record", () => {
  it("gives every record exactly its own fields, in header order, when lines are short or long", () => {
    const { logger } = captureLogger();
    const rows = parseMultilineResponse("a, b ,c\r\n1,2,3\r\n4,5\r\n6,7,8,9\r\n10,True,12\r\n", { logger });
    expect(rows).toEqual([
      { a: "1", b: "2", c: "3" },
      { a: "4", b: "5" },
      { a: "6", b: "7", c: "8" },
      { a: "10", b: true, c: "12" },
    ]);
    expect(rows.map((row) => Object.keys(row).join())).toEqual(["a,b,c", "a,b", "a,b,c", "a,b,c"]);
    // Records are separate objects, not views of the one they were copied from.
    (rows[0] as Record<string, unknown>).a = "changed";
    expect(rows[3]?.a).toBe("10");
  });

  it("treats a __proto__ column and a repeated column as a one-by-one assignment does", () => {
    const rows = parseMultilineResponse("x,__proto__,x\r\n1,2,3\r\n4,5,6\r\n");
    expect(rows).toEqual([{ x: "3" }, { x: "6" }]);
    for (const row of rows) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).toEqual(["x"]);
    }
  });

  it("in strict mode, reports an unclosed quote further on before a short line, as a whole-body read does", () => {
    const text = 'a,b\r\n1,2\r\n3\r\n4,"never closed\r\n';
    expect(() => parseMultilineResponse(text, { graceful: false })).toThrow(/quoted field opened on line 4 never closes/);
    expect(() => parseMultilineResponse('a,b\r\n1,2\r\n3\r\n4,5\r\n', { graceful: false })).toThrow(
      /mismatch of header vs. data fields count \(2 vs. 1\) in record 3/,
    );
  });

  it("logs the same warnings, in order, in graceful mode", () => {
    const { logger, lines } = captureLogger();
    parseMultilineResponse("a,b\r\n1\r\n2,3,4\r\n", { logger });
    expect(lines.map((line) => line.text).join("\n")).toMatch(/\(2 vs\. 1\) in record 2[\s\S]*Discarding header fields: b[\s\S]*\(2 vs\. 3\) in record 3[\s\S]*Discarding 1 data field/);
  });
});

describe("record checks for models (checkFields) and loose copies (checkRecord)", () => {
  const sheetRow = { Location: "Room 1", "Start time": "08:00", "End time": "09:30", Object: "Confocal, upright", User: "Doe Jane", Extra: "x" };

  it("checkRecord keeps unnamed columns in their order, a __proto__ column as a plain field, and leaves the input alone", () => {
    const input = JSON.parse('{"zeta":"z","login":"jdoe","__proto__":{"polluted":true},"lname":"Doe","fname":"J","email":"","unitlogin":"g","active":"True"}');
    const before = JSON.stringify(input);
    const checked = checkRecord(userRecord, input) as Record<string, unknown>;
    expect(Object.keys(checked)).toEqual(["zeta", "login", "__proto__", "lname", "fname", "email", "unitlogin", "active", "phone", "bcode", "affiliation", "userid"]);
    expect(Object.getPrototypeOf(checked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(checked, "__proto__")?.value).toEqual({ polluted: true });
    expect(checked.active).toBe(true);
    expect("userid" in checked && checked.userid === undefined).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("checkFields gives checkRecord's values for the spec's fields only, and the same errors", () => {
    const loose = checkRecord(runningSheetEntry, sheetRow) as Record<string, unknown>;
    const own = checkFields(runningSheetEntry, sheetRow) as Record<string, unknown>;
    expect(Object.keys(own)).toEqual(Object.keys(runningSheetEntry.shape));
    for (const key of Object.keys(own)) expect(own[key]).toEqual(loose[key]);
    expect(own.Extra).toBeUndefined();
    const bad = { "Core facility ref": "2", "System id": "3x" };
    expect(() => checkFields(systemRecord, bad, "record 5")).toThrow("record 5: field 'System id' expected a whole number, got '3x'");
    expect(() => checkRecord(systemRecord, bad, "record 5")).toThrow("record 5: field 'System id' expected a whole number, got '3x'");
  });

  it("models built from parsed rows are unchanged", () => {
    const [user] = parseMultilineResponse(
      'login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active\r\n"jdoe","Doe","Jane","j@lab.example","","","Lab 1, Dept. 2","g",false,false,True\r\n',
    );
    expect({ ...PpmsUser.fromRecord(user!) }).toEqual({
      username: "jdoe",
      email: "j@lab.example",
      fullname: "Doe Jane",
      ppmsGroup: "g",
      active: true,
      phone: "",
      billingCode: "",
      affiliation: "Lab 1, Dept. 2",
      userId: undefined,
    });
    const [system] = parseMultilineResponse(
      'Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours\r\n2,31,"Confocal","Confocal, upright","Room B.1",True,True,False,True,true,false\r\n',
    );
    const built = PpmsSystem.fromParsedResponse(system!);
    expect([built.systemId, built.coreFacilityRef, built.name, built.stats, built.autonomyRequiredAfterHours]).toEqual([31, 2, "Confocal, upright", false, false]);
    const booking = PpmsBooking.fromRunningsheet(sheetRow, 31, "jdoe", new Date(2030, 2, 14, 17));
    expect([booking.starttime, booking.endtime]).toEqual([new Date(2030, 2, 14, 8, 0), new Date(2030, 2, 14, 9, 30)]);
  });
});

/** The running-sheet time rule before its fast path: the oracle the fast path is compared with. */
function referenceTimeOfDay(text: string): { hours: number; minutes: number } | "error" {
  const match = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  return !match || hours > 23 || minutes > 59 ? "error" : { hours, minutes };
}

const timeOrError = (text: string): { hours: number; minutes: number } | "error" => {
  try {
    return parseTimeOfDay(text, "Start time");
  } catch (error) {
    if (!(error instanceof ResponseFormatError) || error.field !== "Start time") throw error;
    return "error";
  }
};

describe("parseTimeOfDay", () => {
  it("reads every two-digit HH:MM from 00:00 to 99:99 as the regular expression did", () => {
    for (let h = 0; h < 100; h++) {
      for (let m = 0; m < 100; m++) {
        const text = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        const got = JSON.stringify(timeOrError(text));
        if (got !== JSON.stringify(referenceTimeOfDay(text))) throw new Error(`${text} gave ${got}`);
      }
    }
  });

  it("agrees with the regular expression on 20,000 random short strings", () => {
    const next = rng(2718);
    const alphabet = ["0", "1", "2", "5", "9", ":", " ", "a", "\t", "٣"];
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = 3 + Math.floor(next() * 6);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const got = JSON.stringify(timeOrError(text));
      if (got !== JSON.stringify(referenceTimeOfDay(text))) throw new Error(`${JSON.stringify(text)} gave ${got}`);
    }
  });

  it("names the field and the value when a time does not fit", () => {
    expect(() => parseTimeOfDay("24:00", "End time")).toThrow("'End time' must be a time of day HH:MM, got '24:00'");
  });
});
