import type { PumapiSeed } from "./types.js";

// An invented facility for demos and tests. It reuses the people of the recorded stage_0 fixtures
// (all invented) so answers read alike, and packs in the quirks: an inactive user, a user without
// a name, a system name with a comma, `&` in values (JSON entities), a login with two letters on
// one system, a `D` right, an overnight session and one ending at midnight.

/**
 * A small invented facility: 2 core facilities (2 "Imaging", 4 "Analysis"), 6 users (`cnguyen`
 * inactive), 3 groups, 4 systems (33 is `Confocal, upright`), rights on 31 and 33, sessions on
 * 2030-03-14/15, 2 projects, billing codes, 3 services and a price list, 2 orders, 2 invoices, a
 * manifest, an incident, user experience, 2 admins and 3 API2 accounts. Returns a fresh copy.
 *
 * @returns the seed
 * @example
 * ```ts
 * const seed = defaultPumapiSeed();
 * seed.users?.push({ login: "extra", lname: "Extra", fname: "Ed", unitlogin: "cell_lab" });
 * const server = await startFakePumapi({ seed });
 * ```
 */
export function defaultPumapiSeed(): PumapiSeed {
  return {
    cores: [
      { id: 2, name: "Imaging Core" },
      { id: 4, name: "Analysis Core" },
    ],
    users: [
      { login: "jdoe", lname: "Doe", fname: "Jane", email: "jane.doe@lab.example", phone: "+41 00 000 00 01", unitlogin: "imaging_group", pwd: "jdoe-demo-pass" },
      { login: "amueller", lname: "Müller", fname: "Anna", email: "anna.mueller@lab.example", affiliation: "Lab of Cells, Dept. B", unitlogin: "imaging_group" },
      { login: "bkovac", lname: "Kovač", fname: "Boris", email: "boris.kovac@lab.example", bcode: "BC-1001", unitlogin: "cell_lab", legacyCsv: true },
      { login: "cnguyen", lname: "Nguyen", fname: "Chi", email: "chi.nguyen@lab.example", unitlogin: "cell_lab", active: false },
      { login: "facility.admin", lname: "Admin", fname: "Facility", email: "facility.admin@lab.example", unitlogin: "facility_staff" },
      { login: "ops.robot", email: "robot@lab.example", unitlogin: "facility_staff" },
    ],
    groups: [
      {
        unitlogin: "imaging_group", unitname: "Imaging Group", headname: "Doe Jane", heademail: "jane.doe@lab.example",
        department: "Biology", institution: "Example University", address: "Lab Street 1, 4000 Town", creationdate: "2021-01-15",
      },
      {
        unitlogin: "cell_lab", unitname: "Cell Lab", headname: "Kovač Boris", heademail: "boris.kovac@lab.example", unitbcode: "BC-1001",
        department: "Biology", institution: "Example University", address: "Lab Street 2", affiliation: "Lab of Cells, Dept. B",
        creationdate: "2022-06-01", legacyCsv: true,
      },
      {
        unitlogin: "facility_staff", unitname: "Facility Staff", headname: "Admin Facility", heademail: "facility.admin@lab.example",
        department: "Core Facility", institution: "Example University", creationdate: "2020-02-02",
      },
    ],
    systems: [
      { id: 31, coreId: 2, type: "Confocal", name: "Zeiss LSM 900", localisation: "Room B.12", autonomyRequired: true },
      { id: 33, coreId: 2, type: "Confocal", name: "Confocal, upright", localisation: "Room B.12" },
      { id: 41, coreId: 2, type: "Widefield", name: "Nikon Ti2", localisation: "Room C.02", legacyCsv: true },
      { id: 50, coreId: 4, type: "Analysis", name: "Analysis Workstation 1", localisation: "Annex D.03 & D.04", schedules: false },
    ],
    rights: [
      { systemId: 31, login: "jdoe", type: "A" },
      { systemId: 31, login: "amueller", type: "N" },
      { systemId: 31, login: "amueller", type: "A" },
      { systemId: 31, login: "facility.admin", type: "S" },
      { systemId: 31, login: "cnguyen", type: "D" },
      { systemId: 33, login: "bkovac", type: "A" },
      { systemId: 33, login: "ops.robot", type: "A" },
      { systemId: 41, login: "jdoe", type: "N" },
      { systemId: 50, login: "bkovac", type: "A" },
    ],
    sessions: [
      { id: 12345, systemId: 31, login: "jdoe", start: "2030-03-14T08:00", end: "2030-03-14T12:30", note: "Laser 2 unstable, re-aligned before start." },
      { id: 12344, systemId: 33, login: "bkovac", start: "2030-03-14T13:00", end: "2030-03-15T00:00" },
      { id: 12347, systemId: 41, login: "ops.robot", start: "2030-03-14T14:00", end: "2030-03-14T15:30", training: true },
      { id: 12346, systemId: 31, login: "amueller", start: "2030-03-15T08:00", end: "2030-03-15T10:00" },
      { id: 12348, systemId: 50, login: "bkovac", start: "2030-03-14T22:00", end: "2030-03-15T02:00", assisted: true },
    ],
    projects: [
      {
        id: 7, coreId: 2, name: "Cell migration", phase: 1, bcode: "BC-1001", affiliation: "Lab of Cells, Dept. B", type: "Research",
        group: "cell_lab", descr: "Live imaging of\nmigrating cells, two channels", expirationDate: "2031-06-30",
        users: ["bkovac", "cnguyen"], groups: ["cell_lab"],
      },
      {
        id: 8, coreId: 2, name: "Imaging methods", phase: 2, bcode: "BC-1002", type: "Internal", group: "imaging_group",
        descr: 'Method "development" & testing', users: ["jdoe", "amueller"], groups: ["imaging_group"],
      },
    ],
    bcodes: [
      { bcode: "BC-1001", group: "cell_lab", project: "Cell migration" },
      { bcode: "BC-1002", user: "jdoe", group: "imaging_group", project: "Imaging methods", subsidy: "50%" },
      { bcode: "BC-2001", group: "facility_staff" },
    ],
    validBcodes: [
      { bcode: "BC-1001", expirationdate: "2031-12-31" },
      { bcode: "BC-1002", expirationdate: "2030-12-31" },
    ],
    services: [
      { id: 601, coreId: 2, name: "Sample preparation", group: "Preparation", unit: "sample" },
      { id: 602, coreId: 2, name: "Image analysis, per hour", group: "Analysis", unit: "hour" },
      { id: 603, coreId: 4, name: "Data storage", group: "Storage", unit: "TB", active: false },
    ],
    prices: [
      { priority: 1, serviceId: 601, projectId: 8, price: 15, minDate: "2030-01-01", maxDate: "2030-12-31" },
      { priority: 2, serviceId: 601, price: 25 },
      { priority: 1, serviceId: 602, price: 60.5 },
      { priority: 1, serviceId: 603, affiliationId: 3, price: 100 },
    ],
    orders: [
      { ref: 1001, coreId: 2, login: "jdoe", bcode: "BC-1002", projectId: 8, date: "2030-03-01", accepted: true, comments: "Plates A & B", lines: [{ serviceId: 601, quantity: 3 }] },
      {
        ref: 1002, coreId: 2, login: "bkovac", bcode: "BC-1001", projectId: 7, date: "2030-03-02", accepted: true, completed: true,
        completedDate: "2030-03-05", lines: [{ serviceId: 602, quantity: 1.5 }, { serviceId: 601, quantity: 2 }],
      },
    ],
    invoices: [
      {
        id: 301, ref: "PPMS2-Imaging-20300228-0001", coreId: 2, bcode: "BC-1001", group: "cell_lab", date: "2030-02-28", sent: true, sentDate: "2030-03-02",
        lines: [
          { date: "2030-02-10", item: "Zeiss LSM 900", login: "bkovac", quantity: 2, unitPrice: 40, assistant: "Admin Facility" },
          { date: "2030-02-12", item: "Nikon Ti2", login: "bkovac", quantity: 3, unitPrice: 25, sessionType: "training" },
        ],
      },
      {
        id: 302, ref: "PPMS2-Imaging-20300228-0002", coreId: 2, bcode: "BC-1002", group: "imaging_group", date: "2030-02-28",
        lines: [{ date: "2030-02-20", item: "Confocal, upright", login: "jdoe", quantity: 1.5, unitPrice: 40 }],
      },
    ],
    manifests: [
      {
        id: 71, coreId: 2, title: "Plate screen, March", login: "jdoe", date: "2030-03-10", orderRef: 1001,
        samples: [
          { id: "S-0001", name: "Well A1", plate: "P1", x: "1", y: "A", type: "cells", results: [{ title: "viability", value: "92%" }] },
          { id: "S-0002", name: "Well A2", plate: "P1", x: "2", y: "A", type: "cells" },
        ],
      },
    ],
    incidents: [{ id: 501, systemId: 31, severity: 2, descr: "Stage drift, about 2 µm per hour", date: "2030-03-01" }],
    userExperience: [
      { login: "jdoe", systemId: 31, bookedHours: 120.5, usedHours: 118, lastRes: "2030-03-10", lastTrain: "2029-11-02" },
      { login: "jdoe", systemId: 33, bookedHours: 4, usedHours: 4, lastRes: "2030-01-20" },
      { login: "amueller", systemId: 31, bookedHours: 12, usedHours: 10.25, lastRes: "2030-02-28" },
    ],
    admins: ["facility.admin", "jdoe"],
    accounts: [
      { id: 1, coreId: 2, bcode: "BC-1001", description: "Cell Lab & friends, general", affiliation: "Lab of Cells, Dept. B", groupLogin: "cell_lab", expirationDate: "2031-12-31" },
      { id: 2, coreId: 2, bcode: "BC-1002", description: "Imaging methods", groupLogin: "imaging_group", expirationDate: "2030-12-31" },
      { id: 3, coreId: 4, bcode: "BC-2001", description: "Facility internal", groupLogin: "facility_staff", active: false },
    ],
  };
}
