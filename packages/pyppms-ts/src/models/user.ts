import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { ResponseRecord } from "../wire/response-value.js";
import { dictFromSingleResponse } from "../wire/single-response.js";
import { userRecord } from "./records.js";
import { checkFields } from "./validators.js";

/**
 * The fields of a {@link PpmsUser} besides its login, as its constructor takes them: any of them
 * (documented on the class; left out, a text is `""`, `active` false and `userId` undefined).
 */
export type PpmsUserFields = Partial<Omit<PpmsUser, "username" | "desc" | "details" | "toString">>;

/**
 * Builds a user's full name the way PPMS shows it in running sheets: `"<lname> <fname>"`, or the
 * login when both names are empty. Full names are not unique.
 *
 * @param login - the login
 * @param lname - last name
 * @param fname - first name
 * @returns the full name
 * @example
 * ```ts
 * fullnameOf("jdoe", "Doe", "Jane"); // "Doe Jane"
 * fullnameOf("ops.robot", "", ""); // "ops.robot"
 * ```
 */
export function fullnameOf(login: string, lname: string, fname: string): string {
  if (lname === "" && fname === "") return login;
  return `${lname} ${fname}`;
}

/**
 * A PPMS user (pyppms' `PpmsUser`).
 *
 * @example
 * ```ts
 * const user = PpmsUser.fromResponse(
 *   'login,lname,fname,email,phone,bcode,affiliation,unitlogin,mustchpwd,mustchbcode,active\r\n' +
 *     '"jdoe","Doe","Jane","jane.doe@lab.example","","","","imaging_group",false,false,true\r\n',
 * );
 * user.fullname; // "Doe Jane"
 * String(user); // "jdoe"
 * ```
 */
export class PpmsUser {
  /** The login. */
  readonly username: string;
  /** E-mail address (may be empty). */
  email: string;
  /** `"<lname> <fname>"`, or the login when both are empty. */
  fullname: string;
  /** The PPMS group (`unitlogin`). */
  ppmsGroup: string;
  /** Whether the account is active. */
  active: boolean;
  /** Phone number (may be empty; pyppms 4.0's `phone`). */
  phone: string;
  /** Billing code (PUMAPI's `bcode`, pyppms 4.0's `billing_code`; may be empty). */
  billingCode: string;
  /** Affiliation (may be empty; pyppms 4.0's `affiliation`). */
  affiliation: string;
  /**
   * PPMS' numeric user id: set when fetched with `getUser(login, { withUserId: true })`
   * (`withuserid=true`), else undefined.
   */
  userId: number | undefined;

  /**
   * @param username - the login
   * @param fields - the other fields (defaults: empty strings, inactive, no user id)
   */
  constructor(username: string, fields: PpmsUserFields = {}) {
    this.username = username;
    this.email = fields.email ?? "";
    this.fullname = fields.fullname ?? "";
    this.ppmsGroup = fields.ppmsGroup ?? "";
    this.active = fields.active ?? false;
    this.phone = fields.phone ?? "";
    this.billingCode = fields.billingCode ?? "";
    this.affiliation = fields.affiliation ?? "";
    this.userId = fields.userId;
  }

  /**
   * Builds a user from a `getuser` answer (header line + data line).
   *
   * @param text - the answer body
   * @param options - graceful (default) or strict parsing, and a logger
   * @returns the user
   * @throws {@link NoDataError} on an empty answer; {@link ResponseFormatError} when a field does not fit
   * @example
   * ```ts
   * PpmsUser.fromResponse('login,lname,fname,email,unitlogin,active\r\n"jdoe","Doe","Jane","","g",true\r\n').username; // "jdoe"
   * ```
   */
  static fromResponse(text: string, options: ParseResponseOptions = {}): PpmsUser {
    return PpmsUser.fromRecord(dictFromSingleResponse(text, options));
  }

  /**
   * Builds a user from an already parsed `getuser` record (e.g. from {@link dictFromSingleResponse}
   * or, for `format=json`, {@link parseJsonRecord}); a `userid` column becomes {@link PpmsUser.userId}.
   *
   * @param record - header name → value
   * @returns the user
   * @throws {@link ResponseFormatError} when a field does not fit
   * @example
   * ```ts
   * PpmsUser.fromRecord({ login: "jdoe", lname: "Doe", fname: "Jane", email: "", unitlogin: "g", active: true }).fullname; // "Doe Jane"
   * ```
   */
  static fromRecord(record: ResponseRecord): PpmsUser {
    const r = checkFields(userRecord, record);
    return new PpmsUser(r.login, {
      email: r.email,
      fullname: fullnameOf(r.login, r.lname, r.fname),
      ppmsGroup: r.unitlogin,
      active: r.active,
      phone: r.phone,
      billingCode: r.bcode,
      affiliation: r.affiliation,
      userId: r.userid,
    });
  }

  /** All fields on one line, for logs. */
  get desc(): string {
    return `username: ${this.username}, email: ${this.email}, fullname: ${this.fullname}, ppmsGroup: ${this.ppmsGroup}, active: ${this.active}`;
  }

  /**
   * Same as {@link PpmsUser.desc}. pyppms' `details()` is a method; here it is a getter: write
   * `user.details`, not `user.details()` (a `TypeError`).
   */
  get details(): string {
    return this.desc;
  }

  /**
   * The login, as pyppms' `str(user)`.
   *
   * @returns the login
   * @example
   * ```ts
   * String(new PpmsUser("jdoe")); // "jdoe"
   * ```
   */
  toString(): string {
    return this.username;
  }
}
