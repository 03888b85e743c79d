import type {
  PumapiAccountSeed,
  PumapiBcodeSeed,
  PumapiInvoiceSeed,
  PumapiManifestSeed,
  PumapiOrderSeed,
  PumapiPriceSeed,
  PumapiServiceSeed,
  PumapiValidBcodeSeed,
} from "./types-billing.js";

// Seed and record types of the fake PUMAPI server. A seed type lists what a test may give; the
// matching record type (all fields present) is what the store holds and tests read back.

/** A core facility ("plateform" in PUMAPI parameters). */
export interface PumapiCoreSeed {
  /** Core facility ref (`plateformid`, `coreid`, `coreId`). */
  id: number;
  /** Display name. */
  name: string;
}

/** A PPMS user. Text fields default to `""`, booleans to `false` except `active` (`true`). */
export interface PumapiUserSeed {
  /** Login (the user id of every action). */
  login: string;
  /** Last name. */
  lname?: string;
  /** First name. */
  fname?: string;
  /** E-mail address (unique among users for `newuser`). */
  email?: string;
  /** Phone number, as text. */
  phone?: string;
  /** The user's billing code. */
  bcode?: string;
  /** Affiliation, free text. */
  affiliation?: string;
  /** The user's group id. */
  unitlogin?: string;
  /** Must change password at next login. */
  mustchpwd?: boolean;
  /** Must change billing code. */
  mustchbcode?: boolean;
  /** Active account (default `true`). */
  active?: boolean;
  /** Numeric id shown by `getuser withuserid=true` (default: position + 1). */
  userid?: number;
  /** Password checked by `auth login=... pwd=...` (`""`: the user cannot log in). */
  pwd?: string;
  /** Answer `getuser` the older way: header `login, lname, ...` with spaces, booleans `True`/`False`. */
  legacyCsv?: boolean;
}

/** A PPMS group (`unitlogin`). Text fields default to `""`. */
export interface PumapiGroupSeed {
  /** Group id. */
  unitlogin: string;
  /** Display name (default: the `unitlogin`). */
  unitname?: string;
  /** Group head's full name. */
  headname?: string;
  /** Group head's e-mail. */
  heademail?: string;
  /** The group's billing code. */
  unitbcode?: string;
  /** Department. */
  department?: string;
  /** Institution. */
  institution?: string;
  /** Postal address (may hold commas). */
  address?: string;
  /** Affiliation, free text. */
  affiliation?: string;
  /** "External" flag, sent as text (usually `""`). */
  ext?: string;
  /** Active group (default `true`). */
  active?: boolean;
  /** Group administrator's name. */
  admname?: string;
  /** Group administrator's e-mail. */
  admemail?: string;
  /** `YYYY-MM-DD` (default: the fake's today when created by a write, `""` in a seed). */
  creationdate?: string;
  /** Answer `getgroup` with `True`/`False` instead of `true`/`false`. */
  legacyCsv?: boolean;
}

/** A bookable system (instrument). Flags default to `true` except the autonomy ones (`false`). */
export interface PumapiSystemSeed {
  /** System id. */
  id: number;
  /** Core facility ref. */
  coreId: number;
  /** System type, e.g. `Confocal`. */
  type: string;
  /** Display name (may hold a comma); running sheets name systems by it. */
  name: string;
  /** Room; the running sheet's `Location`. */
  localisation?: string;
  /** Active system. */
  active?: boolean;
  /** Has a schedule. */
  schedules?: boolean;
  /** Counted in statistics. */
  stats?: boolean;
  /** Can be booked. */
  bookable?: boolean;
  /** Booking needs autonomy. */
  autonomyRequired?: boolean;
  /** Booking after hours needs autonomy. */
  autonomyRequiredAfterHours?: boolean;
  /** Answer this system's `getsystems` row with `true`/`false` instead of `True`/`False`. */
  legacyCsv?: boolean;
}

/** One right of one login on one system; a login may hold several (order is kept). */
export interface PumapiRight {
  /** The system. */
  systemId: number;
  /** The user. */
  login: string;
  /** `A` autonomous, `N` novice, `S` superuser, `D` deactivated. */
  type: string;
}

/** A booked session (shown by `getrunningsheet`, `getbooking`, `nextbooking`). */
export interface PumapiSessionSeed {
  /** Session id (`resid`). */
  id: number;
  /** The booked system. */
  systemId: number;
  /** Who booked. */
  login: string;
  /** Local wall-clock start, `YYYY-MM-DDTHH:MM`. */
  start: string;
  /** Local wall-clock end, `YYYY-MM-DDTHH:MM` (`...T00:00` of the next day for midnight). */
  end: string;
  /** A training session (running sheet `Training` = `true`). */
  training?: boolean;
  /** An assisted session (running sheet `Assisted` = `true`). */
  assisted?: boolean;
  /** Session note (`getsessionnote`), `""` for none. */
  note?: string;
}

/** A journal entry added to a project by `addprojectentry`. */
export interface PumapiProjectEntry {
  /** Entry title. */
  title: string;
  /** Entry text. */
  content: string;
  /** `YYYY-MM-DD`, the fake's today when added. */
  date: string;
}

/** A project, with its members. */
export interface PumapiProjectSeed {
  /** Project id (`projectid`, the `ProjectRef` column). */
  id: number;
  /** Core facility ref. */
  coreId: number;
  /** Project name. */
  name: string;
  /** Project phase (default 1). */
  phase?: number;
  /** Active project (default `true`). */
  active?: boolean;
  /** Billing code. */
  bcode?: string;
  /** Affiliation, free text. */
  affiliation?: string;
  /** Project type (`ptype`). */
  type?: string;
  /** Project group (a `unitlogin`). */
  group?: string;
  /** Description; may hold commas, quotes and line breaks. */
  descr?: string;
  /** `YYYY-MM-DD` or `""`. */
  expirationDate?: string;
  /** Logins (`getprojectusers`). */
  users?: string[];
  /** Group ids (`getprojectgroups`). */
  groups?: string[];
  /** Journal entries. */
  entries?: PumapiProjectEntry[];
}

/** An incident reported on a system. */
export interface PumapiIncidentSeed {
  /** Incident id. */
  id: number;
  /** The system. */
  systemId: number;
  /** 1 (low) to 3 (high). */
  severity: number;
  /** Description. */
  descr: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Still open (default `true`). */
  active?: boolean;
}

/** A user's experience on a system (`getuserexp`). */
export interface PumapiUserExpSeed {
  /** The user. */
  login: string;
  /** The system. */
  systemId: number;
  /** Hours booked. */
  bookedHours: number;
  /** Hours used. */
  usedHours: number;
  /** `YYYY-MM-DD`, `""` for never (sent as `n/a`). */
  lastRes?: string;
  /** `YYYY-MM-DD`, `""` for never (sent as `n/a`). */
  lastTrain?: string;
}

/** Everything the fake starts with. Omitted parts are empty. */
export interface PumapiSeed {
  /** Core facilities. */
  cores?: PumapiCoreSeed[];
  /** Users, in `getusers` order. */
  users?: PumapiUserSeed[];
  /** Groups, in `getgroups` order. */
  groups?: PumapiGroupSeed[];
  /** Systems. */
  systems?: PumapiSystemSeed[];
  /** Rights, in `getsysrights` order. */
  rights?: PumapiRight[];
  /** Booked sessions. */
  sessions?: PumapiSessionSeed[];
  /** Projects. */
  projects?: PumapiProjectSeed[];
  /** Billing codes (`getbcodes`). */
  bcodes?: PumapiBcodeSeed[];
  /** Valid billing codes (`getvalidbcodes`). */
  validBcodes?: PumapiValidBcodeSeed[];
  /** Orderable services. */
  services?: PumapiServiceSeed[];
  /** The price list. */
  prices?: PumapiPriceSeed[];
  /** Orders. */
  orders?: PumapiOrderSeed[];
  /** Invoices, with their tracking state. */
  invoices?: PumapiInvoiceSeed[];
  /** Sample manifests. */
  manifests?: PumapiManifestSeed[];
  /** Incidents. */
  incidents?: PumapiIncidentSeed[];
  /** User experience rows. */
  userExperience?: PumapiUserExpSeed[];
  /** Logins listed by `getadmins`. */
  admins?: string[];
  /** API2 accounts. */
  accounts?: PumapiAccountSeed[];
}

/** Stored user (every field present). */
export type PumapiUser = Required<PumapiUserSeed>;
/** Stored group. */
export type PumapiGroup = Required<PumapiGroupSeed>;
/** Stored system. */
export type PumapiSystem = Required<PumapiSystemSeed>;
/** Stored session. */
export type PumapiSession = Required<PumapiSessionSeed>;
/** Stored project. */
export type PumapiProject = Required<PumapiProjectSeed>;
/** Stored incident. */
export type PumapiIncident = Required<PumapiIncidentSeed>;
/** Stored user experience. */
export type PumapiUserExp = Required<PumapiUserExpSeed>;
