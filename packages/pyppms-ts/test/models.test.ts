import { describe, expect, it } from "vitest";
import {
  NoDataError,
  PpmsBooking,
  PpmsInvalidArgumentError,
  PpmsSystem,
  PpmsUser,
  ResponseFormatError,
  bcodeFromRecord,
  fullnameOf,
  parseMultilineResponse,
  projectFromRecord,
} from "../src/index.js";

const USER_HEADER = "login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active";

describe("PpmsUser", () => {
  it("is built from a getuser answer with a real boolean and the full name", () => {
    const user = PpmsUser.fromResponse(
      `${USER_HEADER}\r\n"amueller","Müller","Anna","anna.mueller@lab.example","","","Lab of Cells, Dept. B","imaging_group",false,false,True\r\n`,
    );
    expect(user.username).toBe("amueller");
    expect(user.fullname).toBe("Müller Anna");
    expect(user.email).toBe("anna.mueller@lab.example");
    expect(user.ppmsGroup).toBe("imaging_group");
    expect(user.active).toBe(true);
    expect(String(user)).toBe("amueller");
    expect(user.desc).toBe(
      "username: amueller, email: anna.mueller@lab.example, fullname: Müller Anna, ppmsGroup: imaging_group, active: true",
    );
    expect(user.details).toBe(user.desc);
  });

  it("uses the login as full name when both names are empty", () => {
    expect(fullnameOf("ops.robot", "", "")).toBe("ops.robot");
    expect(fullnameOf("jdoe", "Doe", "Jane")).toBe("Doe Jane");
  });

  it("throws NoDataError on an empty answer and a field-naming error on a bad value", () => {
    expect(() => PpmsUser.fromResponse("")).toThrow(NoDataError);
    try {
      PpmsUser.fromResponse(`${USER_HEADER}\r\n"jdoe","Doe","Jane","","","","","g",false,false,maybe\r\n`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect((error as ResponseFormatError).field).toBe("active");
    }
    try {
      PpmsUser.fromRecord({ login: "jdoe", lname: "Doe" });
      expect.unreachable();
    } catch (error) {
      expect((error as ResponseFormatError).field).toBe("fname");
      expect((error as Error).message).toContain("is missing");
    }
  });

  it("has defaults when constructed directly", () => {
    const user = new PpmsUser("x");
    expect([user.email, user.fullname, user.ppmsGroup, user.active]).toEqual(["", "", "", false]);
  });
});

describe("PpmsSystem", () => {
  const header =
    "Core facility ref,System id,Type,Name,Localisation,Active,Schedules,Stats,Bookable,Autonomy Required,Autonomy Required After Hours";

  it("converts ids to numbers and True/False/true/false to booleans", () => {
    const rows = parseMultilineResponse(
      `${header}\r\n2,33,"Confocal","Confocal, upright","Room B.12",True,True,False,True,False,False\r\n` +
        `2,41,"Widefield","Nikon Ti2","Room C.02",true,true,true,true,false,true\r\n`,
    );
    const [a, b] = rows.map((r) => PpmsSystem.fromParsedResponse(r));
    expect(a).toMatchObject({
      systemId: 33,
      coreFacilityRef: 2,
      name: "Confocal, upright",
      localisation: "Room B.12",
      systemType: "Confocal",
      active: true,
      schedules: true,
      stats: false,
      bookable: true,
      autonomyRequired: false,
      autonomyRequiredAfterHours: false,
    });
    expect(b?.autonomyRequiredAfterHours).toBe(true);
    expect(String(a)).toBe("33: Confocal, upright (Room B.12)");
    expect(a?.desc).toContain("System [33] 'Confocal, upright' (Confocal) at 'Room B.12'");
  });

  it("names the field of a broken system id", () => {
    const [row] = parseMultilineResponse(`${header}\r\n2,3l,"Confocal","X","Room",True,True,True,True,True,False\r\n`);
    expect(() => PpmsSystem.fromParsedResponse(row ?? {})).toThrow(/System id/);
  });
});

describe("PpmsBooking", () => {
  const now = new Date(2030, 2, 14, 10, 17, 31);

  it("getbooking: starts now (to the minute) and ends after the given minutes", () => {
    const booking = PpmsBooking.fromBookingResponse("jdoe\r\n42\r\n12345\r\n", "get", 31, { now });
    expect(booking.username).toBe("jdoe");
    expect(booking.systemId).toBe(31);
    expect(booking.session).toBe("12345");
    expect(booking.starttime).toEqual(new Date(2030, 2, 14, 10, 17, 0));
    expect(booking.endtime).toEqual(new Date(2030, 2, 14, 10, 59, 0));
    // pyppms 3.3.0's `desc` and `str(booking)`, character for character.
    expect(booking.desc).toBe("jdoe@31 [2030-03-14 10:17 -- 2030-03-14 10:59]");
    expect(String(booking)).toBe("PpmsBooking(username=[jdoe], system_id=[31], starttime=[2030-03-14 10:17], endtime=[2030-03-14 10:59], session=[12345])");
    expect(String(new PpmsBooking("jdoe", 31, now, null))).toBe("PpmsBooking(username=[jdoe], system_id=[31], starttime=[2030-03-14 10:17], endtime=[===UNDEFINED===])");
  });

  it("nextbooking: starts after the given minutes and has no end", () => {
    const booking = PpmsBooking.fromBookingResponse("amueller\r\n1440\r\n12346", "next", 31, { now });
    expect(booking.starttime).toEqual(new Date(2030, 2, 15, 10, 17, 0));
    expect(booking.endtime).toBeNull();
    expect(booking.desc).toBe("amueller@31 [2030-03-15 10:17 -- ===UNDEFINED===]");
  });

  it("rejects an unknown booking type, an empty and a truncated answer", () => {
    expect(() => PpmsBooking.fromBookingResponse("jdoe\r\n1\r\n2", "later" as "get", 31)).toThrow(PpmsInvalidArgumentError);
    expect(() => PpmsBooking.fromBookingResponse("", "get", 31)).toThrow(NoDataError);
    try {
      PpmsBooking.fromBookingResponse("jdoe\r\n", "get", 31);
      expect.unreachable();
    } catch (error) {
      expect((error as ResponseFormatError).field).toBe("minutes");
    }
    expect(() => PpmsBooking.fromBookingResponse("jdoe\r\nsoon\r\n1", "get", 31)).toThrow(/minutes/);
  });

  it("running sheet: times on the given day; 00:00 ends at midnight after the day", () => {
    const day = new Date(2030, 2, 14, 15, 45);
    const entry = { Location: "Room B.12", "Start time": "13:00", "End time": "00:00", Object: "Confocal, upright", User: "Kovač Boris" };
    const booking = PpmsBooking.fromRunningsheet(entry, 33, "bkovac", day);
    expect(booking.starttime).toEqual(new Date(2030, 2, 14, 13, 0));
    expect(booking.endtime).toEqual(new Date(2030, 2, 15, 0, 0));
    expect(booking.session).toBe("");

    const plain = PpmsBooking.fromRunningsheet({ ...entry, "Start time": "08:00", "End time": "12:30" }, 33, "bkovac", day);
    expect(plain.endtime).toEqual(new Date(2030, 2, 14, 12, 30));
  });

  it("running sheet: the midnight rule holds on the last day of a month and year", () => {
    const entry = { "Start time": "22:00", "End time": "00:00", Object: "X", User: "Y" };
    const booking = PpmsBooking.fromRunningsheet(entry, 1, "y", new Date(2030, 11, 31));
    expect(booking.endtime).toEqual(new Date(2031, 0, 1, 0, 0));
  });

  it("running sheet: an end before the start is on the next day", () => {
    const entry = { "Start time": "22:00", "End time": "02:00", Object: "X", User: "Y" };
    expect(PpmsBooking.fromRunningsheet(entry, 1, "y", new Date(2030, 2, 14)).endtime).toEqual(new Date(2030, 2, 15, 2, 0));
  });

  it("running sheet: a malformed time names its field", () => {
    const entry = { "Start time": "8 o'clock", "End time": "09:00", Object: "X", User: "Y" };
    expect(() => PpmsBooking.fromRunningsheet(entry, 1, "y", new Date(2030, 2, 14))).toThrow(/Start time/);
    expect(() => PpmsBooking.fromRunningsheet({ ...entry, "Start time": "25:00" }, 1, "y", new Date())).toThrow(/Start time/);
  });
});

describe("projects and billing codes", () => {
  it("maps getprojects lines with multi-line descriptions", () => {
    const rows = parseMultilineResponse(
      "Core facility ref., Project name, Phase, Active, Bcode, ProjectRef, Affiliation, Project type, Project group, Descr\r\n" +
        '2,"Cell migration",1,True,"BC-1001",7,"Lab of Cells, Dept. B","Research","cell_lab","Live imaging of\r\nmigrating cells, two channels"\r\n',
    );
    expect(projectFromRecord(rows[0] ?? {})).toEqual({
      projectId: 7,
      name: "Cell migration",
      coreFacilityRef: "2",
      phase: "1",
      active: true,
      bcode: "BC-1001",
      affiliation: "Lab of Cells, Dept. B",
      type: "Research",
      group: "cell_lab",
      description: "Live imaging of\nmigrating cells, two channels",
    });
  });

  it("maps getbcodes lines with spaces after the commas", () => {
    const rows = parseMultilineResponse('Bcode, User, Group, Project, Subsidy, Charges\r\n"BC-1", "", "g", "P", "", ""\r\n');
    expect(bcodeFromRecord(rows[0] ?? {})).toEqual({ bcode: "BC-1", user: "", group: "g", project: "P", subsidy: "", charges: "" });
  });
});
