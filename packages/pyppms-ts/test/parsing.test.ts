import { describe, expect, it } from "vitest";
import type { Logger } from "@facility-sdk/http-core";
import {
  NoDataError,
  ResponseFormatError,
  dictFromSingleResponse,
  fmtTime,
  formatDay,
  parseLineList,
  parseCsv,
  parseMultilineResponse,
  parseRightsLines,
  processResponseValues,
  timeRelToAbs,
  unescapeHtmlEntities,
} from "../src/index.js";
import { captureLogger } from "./helpers/logger.js";
import { rng } from "./helpers/rng.js";

describe("processResponseValues", () => {
  it("strips surrounding quotes and turns true/True/false/False into booleans", () => {
    expect(processResponseValues(['"jdoe"', "true", "True", "FALSE", "false", "12", '"', ""])).toEqual([
      "jdoe",
      true,
      true,
      false,
      false,
      "12",
      '"',
      "",
    ]);
  });

  it("turns true/false into booleans in any letter case only, and strips quotes first", () => {
    expect(processResponseValues(["tRuE", "fALSE", '"TRUE"', "true ", " false", "truth", "falsey", "İ", "Ｔrue", "no"])).toEqual([
      true,
      false,
      true,
      "true ",
      " false",
      "truth",
      "falsey",
      "İ",
      "Ｔrue",
      "no",
    ]);
  });
});

describe("parseMultilineResponse", () => {
  const systems =
    "Core facility ref, System id, Name\r\n" + '2,31,"Zeiss LSM 900"\r\n' + '2,33,"Confocal, upright"\r\n';

  it("trims header names and keeps quoted commas in one field", () => {
    expect(parseMultilineResponse(systems)).toEqual([
      { "Core facility ref": "2", "System id": "31", Name: "Zeiss LSM 900" },
      { "Core facility ref": "2", "System id": "33", Name: "Confocal, upright" },
    ]);
  });

  it("returns [] for fewer than two lines in graceful mode and throws NoDataError in strict mode", () => {
    expect(parseMultilineResponse("")).toEqual([]);
    expect(parseMultilineResponse("a,b\r\n")).toEqual([]);
    expect(() => parseMultilineResponse("a,b\r\n", { graceful: false })).toThrow(NoDataError);
  });

  it("tolerates more data fields than header fields (and logs it) in graceful mode", () => {
    const { logger, lines } = captureLogger();
    const rows = parseMultilineResponse('a,b\r\n1,2,"",\r\n', { logger });
    expect(rows).toEqual([{ a: "1", b: "2" }]);
    expect(lines.some((l) => l.level === "warn" && l.text.includes("mismatch"))).toBe(true);
  });

  it("tolerates fewer data fields by dropping header fields, per line", () => {
    expect(parseMultilineResponse("a,b,c\r\n1,2\r\n4,5,6\r\n")).toEqual([
      { a: "1", b: "2" },
      { a: "4", b: "5", c: "6" },
    ]);
  });

  it("throws a ResponseFormatError naming the record on a count mismatch in strict mode", () => {
    try {
      parseMultilineResponse("a,b\r\n1,2\r\n1,2,3\r\n", { graceful: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect((error as ResponseFormatError).line).toBe(3);
    }
  });
});

describe("dictFromSingleResponse", () => {
  const user =
    "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active\r\n" +
    '"jdoe","Doe","Jane","jane.doe@lab.example","","","","imaging_group",false,false,true\r\n';

  it("maps header to values with booleans", () => {
    expect(dictFromSingleResponse(user)).toEqual({
      login: "jdoe",
      lname: "Doe",
      fname: "Jane",
      email: "jane.doe@lab.example",
      phone: "",
      bcode: "",
      affiliation: "",
      unitlogin: "imaging_group",
      mustchpwd: false,
      mustchbcode: false,
      active: true,
    });
  });

  it("throws NoDataError on an empty answer in both modes", () => {
    expect(() => dictFromSingleResponse("")).toThrow(NoDataError);
    expect(() => dictFromSingleResponse("", { graceful: false })).toThrow(NoDataError);
    expect(() => dictFromSingleResponse("login,lname\r\n")).toThrow(NoDataError);
  });

  it("uses the first data line of a longer answer in graceful mode, throws in strict mode", () => {
    const { logger, lines } = captureLogger();
    expect(dictFromSingleResponse("a,b\r\n1,2\r\n3,4\r\n", { logger })).toEqual({ a: "1", b: "2" });
    expect(lines.some((l) => l.level === "warn")).toBe(true);
    expect(() => dictFromSingleResponse("a,b\r\n1,2\r\n3,4\r\n", { graceful: false })).toThrow(ResponseFormatError);
  });

  it("drops getgroup's trailing extra fields in graceful mode", () => {
    expect(dictFromSingleResponse('unitlogin,active\r\n"g1",true,"",\r\n')).toEqual({ unitlogin: "g1", active: true });
    expect(() => dictFromSingleResponse('unitlogin,active\r\n"g1",true,"",\r\n', { graceful: false })).toThrow(
      ResponseFormatError,
    );
  });
});

describe("parseLineList and parseRightsLines", () => {
  it("splits one item per line, trimming and dropping empty lines", () => {
    expect(parseLineList("jdoe\r\n amueller \r\n\r\nbkovac")).toEqual(["jdoe", "amueller", "bkovac"]);
    expect(parseLineList("")).toEqual([]);
  });

  it("parses LETTER:login lines and the csv form, keeping repeated logins", () => {
    expect(parseRightsLines('A:jdoe\r\nN:amueller\r\nA:amueller\r\nD,"old.user"\r\n')).toEqual([
      { permission: "A", subject: "jdoe" },
      { permission: "N", subject: "amueller" },
      { permission: "A", subject: "amueller" },
      { permission: "D", subject: "old.user" },
    ]);
  });

  it("rejects an unknown letter, naming the line", () => {
    expect(() => parseRightsLines("A:jdoe\r\nX:amueller")).toThrow(/line 2.*permission/);
    expect(() => parseRightsLines("no separator")).toThrow(ResponseFormatError);
  });
});

describe("time helpers", () => {
  const now = new Date(2030, 2, 14, 8, 0, 42, 500);

  it("timeRelToAbs counts minutes from now rounded down to the minute", () => {
    expect(timeRelToAbs(90, { now })).toEqual(new Date(2030, 2, 14, 9, 30, 0, 0));
    expect(timeRelToAbs("0", { now })).toEqual(new Date(2030, 2, 14, 8, 0, 0, 0));
    expect(timeRelToAbs(1440, { now })).toEqual(new Date(2030, 2, 15, 8, 0, 0, 0));
    expect(() => timeRelToAbs("soon", { now })).toThrow(ResponseFormatError);
  });

  it("timeRelToAbs defaults to the current time", () => {
    const before = Date.now();
    const value = timeRelToAbs(0).getTime();
    expect(value).toBeLessThanOrEqual(Date.now());
    expect(value).toBeGreaterThan(before - 61_000);
    expect(value % 1000).toBe(0);
  });

  it("fmtTime and formatDay format local time like pyppms", () => {
    // pyppms' fmt_time is strftime("%Y-%m-%d %H:%M"): no seconds.
    expect(fmtTime(new Date(2030, 2, 4, 7, 5, 9))).toBe("2030-03-04 07:05");
    expect(fmtTime(null)).toBe("===UNDEFINED===");
    expect(formatDay(new Date(2030, 11, 31, 23, 59))).toBe("2030-12-31");
  });
});

describe("unescapeHtmlEntities", () => {
  it("unescapes named and numeric entities deeply and leaves unknown ones", () => {
    expect(
      unescapeHtmlEntities({ a: "B.12 &amp; B.13", b: ["&quot;x&quot;", "&#39;y&#x27;"], c: 3, d: "&bogus;", e: null }),
    ).toEqual({ a: "B.12 & B.13", b: ['"x"', "'y'"], c: 3, d: "&bogus;", e: null });
  });
});

/** pyppms' rules as the parsers applied them before the single-pass rewrite: the oracle below. */
function referenceRecords(text: string, single: boolean, graceful: boolean, logger: Logger): unknown {
  const values = (raw: readonly string[]): unknown[] =>
    raw.map((r) => {
      const value = r.length >= 2 && r.startsWith('"') && r.endsWith('"') ? r.slice(1, -1) : r;
      const lower = value.toLowerCase();
      return lower === "true" ? true : lower === "false" ? false : value;
    });
  const zip = (header: string[], fields: string[], record: number): Record<string, unknown> => {
    let names = header;
    let data = fields;
    if (names.length !== data.length) {
      const msg = `Parsing CSV failed, mismatch of header vs. data fields count (${names.length} vs. ${data.length}) in record ${record}`;
      if (!graceful) throw new ResponseFormatError(msg, { line: record });
      logger.warn(msg);
      const minimum = Math.min(names.length, data.length);
      if (minimum < names.length) {
        logger.warn(`Discarding header fields: ${names.slice(minimum).join(", ")}`);
        names = names.slice(0, minimum);
      } else {
        logger.warn(`Discarding ${data.length - minimum} data field(s) of record ${record}`);
        data = data.slice(0, minimum);
      }
    }
    const converted = values(data);
    const out: Record<string, unknown> = {};
    names.forEach((name, index) => {
      out[name] = converted[index] ?? "";
    });
    return out;
  };
  const [headerRow, ...dataRows] = parseCsv(text, { strict: !graceful });
  const header = (headerRow ?? []).map((name) => name.trim());
  if (single) {
    if (headerRow === undefined || dataRows[0] === undefined) throw new NoDataError("Response contains no data (fewer than two lines)");
    if (dataRows.length !== 1) {
      const msg = `Response expected to have exactly two lines, found ${dataRows.length + 1}`;
      if (!graceful) throw new ResponseFormatError(msg, { line: 3 });
      logger.warn(msg);
    }
    return zip(header, dataRows[0], 2);
  }
  if (headerRow === undefined || dataRows.length === 0) {
    if (!graceful) throw new NoDataError("Response contains no data (fewer than two lines)");
    logger.debug("Response contains no data (fewer than two lines)");
    return [];
  }
  return dataRows.map((fields, index) => zip(header, fields, index + 2));
}

/** What a parse did: its result or error, and every log line, comparable with toEqual. */
function observe(parse: (logger: Logger) => unknown): unknown {
  const { logger, lines } = captureLogger();
  try {
    return { result: parse(logger), lines };
  } catch (error) {
    const e = error as ResponseFormatError;
    return { error: e.name, message: e.message, line: e.line, lines };
  }
}

describe("parseMultilineResponse and dictFromSingleResponse against the reference rules (seeded)", () => {
  const VALUES = ["x", "", "12", "true", "TRUE", "tRuE", "False", "false ", "İ", "Ｔrue", '"true"', '"""False"""', '"a, b"', '"q""r"', "  "];

  it("give the same records, warnings and errors on 2,000 random answers", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const next = rng(seed);
      const columns = 1 + Math.floor(next() * 4);
      const header = Array.from({ length: columns }, (_, c) => (next() < 0.5 ? ` col${c}` : `col${c}`)).join(",");
      const lines = [header];
      const rowCount = Math.floor(next() * 4);
      for (let r = 0; r < rowCount; r++) {
        const count = next() < 0.7 ? columns : Math.floor(next() * (columns + 2));
        lines.push(Array.from({ length: count }, () => VALUES[Math.floor(next() * VALUES.length)]).join(","));
      }
      const text = lines.join(next() < 0.5 ? "\r\n" : "\n") + (next() < 0.5 ? "\r\n" : "");
      for (const graceful of [true, false]) {
        for (const single of [false, true]) {
          const parse = single ? dictFromSingleResponse : parseMultilineResponse;
          const got = observe((logger) => parse(text, { graceful, logger }));
          const want = observe((logger) => referenceRecords(text, single, graceful, logger));
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            throw new Error(`seed ${seed} graceful=${graceful} single=${single}: ${JSON.stringify(text)} gave ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
          }
        }
      }
    }
  });
});
