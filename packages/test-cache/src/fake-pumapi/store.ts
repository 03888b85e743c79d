import type {
  PumapiCoreSeed,
  PumapiGroup,
  PumapiGroupSeed,
  PumapiIncident,
  PumapiProject,
  PumapiProjectSeed,
  PumapiRight,
  PumapiSeed,
  PumapiSession,
  PumapiSystem,
  PumapiUser,
  PumapiUserExp,
  PumapiUserSeed,
} from "./types.js";
import type {
  PumapiAccount,
  PumapiBcode,
  PumapiInvoice,
  PumapiManifest,
  PumapiOrder,
  PumapiOrderLine,
  PumapiOrderLineSeed,
  PumapiPrice,
  PumapiService,
  PumapiValidBcode,
} from "./types-billing.js";

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * Parses a local wall-clock time `YYYY-MM-DDTHH:MM` (PPMS works in the facility's local time, and so
 * does pyppms-ts).
 *
 * @param text - the time
 * @returns the local `Date`
 * @throws TypeError when the text does not fit
 * @example
 * ```ts
 * parseLocalTime("2030-03-14T08:00"); // 14 March 2030, 08:00 local time
 * ```
 */
export function parseLocalTime(text: string): Date {
  const m = LOCAL_TIME.exec(text);
  if (!m) throw new TypeError(`fake PUMAPI: '${text}' is not a YYYY-MM-DDTHH:MM time`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats a local day as `YYYY-MM-DD`.
 *
 * @param date - the moment
 * @returns its local day
 * @example
 * ```ts
 * localDay(new Date(2030, 2, 14, 8)); // "2030-03-14"
 * ```
 */
export function localDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Formats a local time of day as `HH:MM`.
 *
 * @param date - the moment
 * @returns its local hour and minute
 * @example
 * ```ts
 * localHourMinute(new Date(2030, 2, 14, 8, 5)); // "08:05"
 * ```
 */
export function localHourMinute(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function user(seed: PumapiUserSeed, index: number): PumapiUser {
  return {
    lname: "", fname: "", email: "", phone: "", bcode: "", affiliation: "", unitlogin: "",
    mustchpwd: false, mustchbcode: false, active: true, userid: index + 1, pwd: "", legacyCsv: false,
    ...seed,
  };
}

function group(seed: PumapiGroupSeed): PumapiGroup {
  return {
    unitname: seed.unitlogin, headname: "", heademail: "", unitbcode: "", department: "", institution: "",
    address: "", affiliation: "", ext: "", active: true, admname: "", admemail: "", creationdate: "", legacyCsv: false,
    ...seed,
  };
}

function project(seed: PumapiProjectSeed): PumapiProject {
  return {
    phase: 1, active: true, bcode: "", affiliation: "", type: "", group: "", descr: "", expirationDate: "",
    ...seed,
    users: [...(seed.users ?? [])],
    groups: [...(seed.groups ?? [])],
    entries: (seed.entries ?? []).map((e) => ({ ...e })),
  };
}

/**
 * The fake's in-memory data. Tests read it (and may change it) directly; every write action of the
 * fake goes through it. Built from a {@link PumapiSeed}, which it copies (the seed is not mutated).
 *
 * @example
 * ```ts
 * const server = await startFakePumapi();
 * server.state.rightsOf(31); // [{ systemId: 31, login: "jdoe", type: "A" }, ...]
 * ```
 */
export class FakePumapiState {
  /** Core facilities. */
  readonly cores: PumapiCoreSeed[];
  /** Users by login, in creation order. */
  readonly users = new Map<string, PumapiUser>();
  /** Groups by `unitlogin`, in creation order. */
  readonly groups = new Map<string, PumapiGroup>();
  /** Systems by id. */
  readonly systems = new Map<number, PumapiSystem>();
  /** Rights in the order `getsysrights` lists them. */
  readonly rights: PumapiRight[];
  /** Booked sessions. */
  readonly sessions: PumapiSession[];
  /** Projects by id. */
  readonly projects = new Map<number, PumapiProject>();
  /** Billing codes (`getbcodes`). */
  readonly bcodes: PumapiBcode[];
  /** Valid billing codes by code. */
  readonly validBcodes = new Map<string, PumapiValidBcode>();
  /** Services by id. */
  readonly services = new Map<number, PumapiService>();
  /** The price list. */
  readonly prices: PumapiPrice[];
  /** Orders by ref. */
  readonly orders = new Map<number, PumapiOrder>();
  /** Invoices by id. */
  readonly invoices = new Map<number, PumapiInvoice>();
  /** Sample manifests by id. */
  readonly manifests = new Map<number, PumapiManifest>();
  /** Incidents. */
  readonly incidents: PumapiIncident[];
  /** User experience rows. */
  readonly userExperience: PumapiUserExp[];
  /** Logins `getadmins` lists. */
  readonly admins: string[];
  /** API2 accounts. */
  readonly accounts: PumapiAccount[];

  /** @param seed - the initial data (copied) */
  constructor(seed: PumapiSeed) {
    this.cores = (seed.cores ?? []).map((c) => ({ ...c }));
    (seed.users ?? []).forEach((u, i) => this.users.set(u.login, user(u, i)));
    for (const g of seed.groups ?? []) this.groups.set(g.unitlogin, group(g));
    for (const s of seed.systems ?? []) {
      this.systems.set(s.id, {
        localisation: "", active: true, schedules: true, stats: true, bookable: true,
        autonomyRequired: false, autonomyRequiredAfterHours: false, legacyCsv: false, ...s,
      });
    }
    this.rights = (seed.rights ?? []).map((r) => ({ ...r }));
    this.sessions = (seed.sessions ?? []).map((s) => {
      parseLocalTime(s.start); // fail early on a malformed seed
      parseLocalTime(s.end);
      return { training: false, assisted: false, note: "", ...s };
    });
    for (const p of seed.projects ?? []) this.projects.set(p.id, project(p));
    this.bcodes = (seed.bcodes ?? []).map((b) => ({ user: "", group: "", project: "", subsidy: "", charges: "", ...b }));
    for (const v of seed.validBcodes ?? []) this.validBcodes.set(v.bcode, { expirationdate: "", ...v });
    for (const s of seed.services ?? []) this.services.set(s.id, { group: "", unit: "", active: true, ...s });
    this.prices = (seed.prices ?? []).map((p) => ({ affiliationId: 0, projectId: 0, minDate: "", maxDate: "", ...p }));
    for (const o of seed.orders ?? []) {
      const projectId = o.projectId ?? 0;
      this.orders.set(o.ref, {
        bcode: "", projectId, accepted: false, completed: false, completedDate: "", comments: "", invoiced: false,
        ...o,
        lines: o.lines.map((l) => this.orderLine(l, projectId, o.date)),
      });
    }
    for (const inv of seed.invoices ?? []) {
      this.invoices.set(inv.id, {
        sent: false, sentDate: "", paid: false, paidDate: "", ...inv,
        lines: inv.lines.map((l) => ({ assistant: "", sessionType: "autonomous session", ...l })),
      });
    }
    for (const m of seed.manifests ?? []) {
      this.manifests.set(m.id, {
        orderRef: 0,
        ...m,
        samples: m.samples.map((s) => ({ type: "", plate: "", x: "", y: "", ...s, results: (s.results ?? []).map((r) => ({ ...r })) })),
      });
    }
    this.incidents = (seed.incidents ?? []).map((i) => ({ active: true, ...i }));
    this.userExperience = (seed.userExperience ?? []).map((e) => ({ lastRes: "", lastTrain: "", ...e }));
    this.admins = [...(seed.admins ?? [])];
    this.accounts = (seed.accounts ?? []).map((a) => ({ groupLogin: "", active: true, expirationDate: "", affiliation: "", ...a }));
  }

  /**
   * A user's full name as PPMS shows it in running sheets: `"<lname> <fname>"`, or the login when
   * both are empty (or the user is unknown).
   *
   * @example
   * ```ts
   * const server = await startFakePumapi();
   * server.state.fullName("jdoe"); // "Doe Jane", as the running sheet shows it
   * ```
   */
  fullName(login: string): string {
    const u = this.users.get(login);
    const name = u ? `${u.lname} ${u.fname}`.trim() : "";
    return name === "" ? login : name;
  }

  /**
   * Rights held on one system, in listing order.
   *
   * @example
   * ```ts
   * const server = await startFakePumapi();
   * await ppms.giveUserAccessToSystem("cnguyen", 31);
   * server.state.rightsOf(31).some((r) => r.login === "cnguyen" && r.type === "A"); // true
   * ```
   */
  rightsOf(systemId: number): PumapiRight[] {
    return this.rights.filter((r) => r.systemId === systemId);
  }

  /**
   * Gives `login` exactly one right on a system: its earlier letters there are replaced in place
   * (where the first one was), as PPMS lists them after `setright`.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  setRight(systemId: number, login: string, type: string): void {
    const at = this.rights.findIndex((r) => r.systemId === systemId && r.login === login);
    const kept = this.rights.filter((r) => !(r.systemId === systemId && r.login === login));
    kept.splice(at === -1 ? kept.length : at, 0, { systemId, login, type });
    this.rights.splice(0, this.rights.length, ...kept);
  }

  /**
   * Creates a user or updates the fields given; an unknown group is created on the way.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  upsertUser(fields: PumapiUserSeed, today: string): PumapiUser {
    const existing = this.users.get(fields.login);
    const userid = Math.max(0, ...[...this.users.values()].map((u) => u.userid)) + 1;
    const next = existing ? { ...existing, ...fields } : user({ userid, ...fields }, this.users.size);
    this.users.set(next.login, next);
    if (next.unitlogin !== "" && !this.groups.has(next.unitlogin)) this.upsertGroup({ unitlogin: next.unitlogin }, today);
    return next;
  }

  /**
   * Creates a group or updates the fields given.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  upsertGroup(fields: PumapiGroupSeed, today: string): PumapiGroup {
    const existing = this.groups.get(fields.unitlogin);
    const next = existing ? { ...existing, ...fields } : group({ creationdate: today, ...fields });
    this.groups.set(next.unitlogin, next);
    return next;
  }

  /**
   * Adds a project with the next free id.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  addProject(fields: Omit<PumapiProjectSeed, "id">): PumapiProject {
    const id = Math.max(0, ...this.projects.keys()) + 1;
    const p = project({ ...fields, id });
    this.projects.set(id, p);
    return p;
  }

  /**
   * Adds an order with the next free ref; the unit prices come from the price list.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  addOrder(fields: Omit<PumapiOrder, "ref" | "lines">, lines: PumapiOrderLineSeed[]): PumapiOrder {
    const ref = Math.max(1000, ...this.orders.keys()) + 1;
    const order: PumapiOrder = { ...fields, ref, lines: lines.map((l) => this.orderLine(l, fields.projectId, fields.date)) };
    this.orders.set(ref, order);
    return order;
  }

  /**
   * The price of a service on a day for a project: the lowest-priority-number entry whose project is
   * 0 or the given one and whose validity covers the day; 0 when none fits.
   *
   * @internal Used by the fake's routes; tests read the maps instead.
   */
  priceOf(serviceId: number, projectId: number, day: string): number {
    const fits = this.prices
      .filter((p) => p.serviceId === serviceId && (p.projectId === 0 || p.projectId === projectId))
      .filter((p) => (p.minDate === "" || p.minDate <= day) && (p.maxDate === "" || day <= p.maxDate))
      .sort((a, b) => a.priority - b.priority);
    return fits[0]?.price ?? 0;
  }

  private orderLine(line: PumapiOrderLineSeed, projectId: number, day: string): PumapiOrderLine {
    return { unitPrice: this.priceOf(line.serviceId, projectId, day), ...line };
  }
}
