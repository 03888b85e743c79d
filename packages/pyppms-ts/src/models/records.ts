import { decimal, flag, integer, looseFlag, nonEmptyText, optionalFlag, optionalInteger, optionalText, recordSpec, text, type RecordOf } from "./validators.js";

/*
 * The record checks at the PUMAPI boundary, one per answer shape (see validators.ts for the field
 * checks). Loose records keep the columns they do not name; strict ones keep only theirs.
 */

/** One `getuser` answer (a CSV header line and one data line); `userid` comes with `withuserid=true`. */
export const userRecord = recordSpec({
  login: nonEmptyText,
  lname: text,
  fname: text,
  email: text,
  phone: optionalText,
  bcode: optionalText,
  affiliation: optionalText,
  unitlogin: text,
  active: flag,
  userid: optionalInteger,
});

/** The checked form of a `getuser` answer. */
export type UserRecord = RecordOf<typeof userRecord.shape>;

/** One data line of `getsystems`. */
export const systemRecord = recordSpec({
  "Core facility ref": integer,
  "System id": integer,
  Type: text,
  Name: text,
  Localisation: text,
  Active: flag,
  Schedules: flag,
  Stats: flag,
  Bookable: flag,
  "Autonomy Required": flag,
  "Autonomy Required After Hours": flag,
});

/** One data line of `getrunningsheet`. */
export const runningSheetEntry = recordSpec({
  Location: optionalText,
  "Start time": nonEmptyText,
  "End time": nonEmptyText,
  Object: nonEmptyText,
  User: nonEmptyText,
  Training: optionalText,
  Assisted: optionalText,
});

/** One data line of `getuserexp`; `last_res`/`last_train` are `n/a` when never. */
export const userExperienceRecord = recordSpec(
  {
    login: nonEmptyText,
    id: integer,
    booked_hours: decimal,
    used_hours: decimal,
    last_res: optionalText,
    last_train: optionalText,
  },
  false,
);

/** A `getgroup` answer: the group id is required, the other columns are kept as sent. */
export const groupRecord = recordSpec({
  unitlogin: nonEmptyText,
  unitname: optionalText,
  active: optionalFlag,
});

/** A `getgroup` answer as a {@link PpmsGroup} reads it: id and `active` required, the rest text (`""` when absent). */
export const groupModelRecord = recordSpec(
  {
    unitlogin: nonEmptyText,
    unitname: optionalText,
    headname: optionalText,
    heademail: optionalText,
    unitbcode: optionalText,
    department: optionalText,
    institution: optionalText,
    address: optionalText,
    affiliation: optionalText,
    ext: looseFlag,
    active: flag,
    admname: optionalText,
    admemail: optionalText,
    creationdate: optionalText,
  },
  false,
);

/** The three positional lines of `getbooking` / `nextbooking`. */
export const bookingLines = recordSpec({ username: nonEmptyText, minutes: integer, session: optionalText }, false);

/** One `getprojects` line, after its header names were normalised (lower case, letters only). */
export const projectRecord = recordSpec({
  corefacilityref: optionalText,
  projectname: text,
  phase: optionalText,
  active: flag,
  bcode: optionalText,
  projectref: integer,
  affiliation: optionalText,
  projecttype: optionalText,
  projectgroup: optionalText,
  descr: optionalText,
  expirationdate: optionalText,
});

/** One `getbcodes` line, after its header names were normalised (lower case, letters only). */
export const bcodeRecord = recordSpec({
  bcode: nonEmptyText,
  user: optionalText,
  group: optionalText,
  project: optionalText,
  subsidy: optionalText,
  charges: optionalText,
});
