// PpmsConnection is imported for the TSDoc links only.
import type { PpmsConnection } from "./connection.js";
import type { BulkOptions } from "./options.js";

/** Parameters of a PUMAPI action (the form fields besides `action` and `apikey`). */
export type PumapiParams = Record<string, string | number | boolean | undefined>;

/** Options of {@link PpmsConnection.request}. */
export interface PumapiRequestOptions {
  /**
   * Whether the action may be retried on transient faults. Default: true for PUMAPI's read
   * actions (`get*`, `nextbooking`, `auth`), false for everything else.
   */
  idempotent?: boolean;
  /**
   * Ask the server even when the on-disk cache (mode `record-missing`) holds an answer; the fresh
   * answer is then not stored. Ignored offline and in `replay` mode, where the cache is all there is.
   */
  skipCache?: boolean;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** A raw PUMAPI answer. */
export interface PumapiResponse {
  /** The PUMAPI action. */
  action: string;
  /** HTTP status (PUMAPI answers 200 even for refused keys). */
  status: number;
  /** The body, exactly as received (CRLF line ends). */
  text: string;
  /** Whether it came from the on-disk cache. */
  fromCache: boolean;
}

/** How authentication went (pyppms' `status`). */
export interface PpmsConnectionStatus {
  /** `SUCCESS` after a good `auth`, `OFFLINE` in cache-only mode. */
  authState: "SUCCESS" | "OFFLINE";
  /** The `auth` answer text (empty offline). */
  authResponse: string;
  /** The `auth` HTTP status (-1 offline). */
  authHttpStatus: number;
}

/** Options of {@link PpmsConnection.getRunningSheet}. */
export interface RunningSheetOptions extends BulkOptions {
  /** Skip entries of users not in the in-memory cache instead of refreshing all users (default false). */
  ignoreUncachedUsers?: boolean;
  /** Only entries of systems whose localisation contains this text (case-insensitive; default: all). */
  localisation?: string;
}

/** Fields of {@link PpmsConnection.newUser}. */
export interface NewUserFields {
  /** The login. */
  login: string;
  /** Last name. */
  lname: string;
  /** First name. */
  fname: string;
  /** E-mail address. */
  email: string;
  /** The PPMS group (`unitlogin`); PUMAPI creates it when unknown. */
  ppmsGroup: string;
  /** Phone number. */
  phone?: string;
  /** Initial password (a secret: never cached, logged or shown in errors). */
  password?: string;
}

/** Fields of {@link PpmsConnection.updateUser} (`upduser`); left-out fields stay as they are. */
export interface UpdateUserFields {
  /** Last name. */
  lname?: string;
  /** First name. */
  fname?: string;
  /** E-mail address. */
  email?: string;
  /** Phone number. */
  phone?: string;
  /** Billing code. */
  bcode?: string;
  /** Affiliation. */
  affiliation?: string;
  /** The PPMS group (`unitlogin`). */
  ppmsGroup?: string;
  /** Whether the account is active. */
  active?: boolean;
  /** New password (a secret). */
  password?: string;
  /** Force a password change at next login. */
  mustChangePassword?: boolean;
  /** Force a billing-code change at next login. */
  mustChangeBcode?: boolean;
}

/** Fields of {@link PpmsConnection.newGroup} / {@link PpmsConnection.updateGroup}. */
export interface GroupFields {
  /** Group name. */
  unitname?: string;
  /** Head's name. */
  headname?: string;
  /** Head's e-mail. */
  heademail?: string;
  /** Group billing code. */
  unitbcode?: string;
  /** Department. */
  department?: string;
  /** Institution. */
  institution?: string;
  /** Postal address. */
  address?: string;
  /** External group. */
  ext?: boolean;
  /** Affiliation. */
  affiliation?: string;
  /** Whether the group is active (update only). */
  active?: boolean;
}

/** Incident severity for {@link PpmsConnection.createIncident}: 1 (low) to 3 (high). */
export type IncidentSeverity = 1 | 2 | 3;
