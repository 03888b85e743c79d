// Option and result types of the connection's methods. No imports: every layer may use them.

/** What every method of the connection takes: an `AbortSignal`, passed to every request it makes. */
export interface CallOptions {
  /** Aborts the call (an http-core `HttpAbortError`); writes already sent are not undone. */
  signal?: AbortSignal | undefined;
}

/** Options of the reads that can skip the cache. */
export interface SkipCacheOptions extends CallOptions {
  /**
   * Fetch again: skips the in-memory cache, and asks the server even when the on-disk cache holds
   * an answer, recording the fresh one (http-core's `cache: "refresh"`). In `replay` the recording
   * is all there is.
   */
  skipCache?: boolean | undefined;
}

/** Progress of a bulk call, reported after each item. */
export interface BulkProgress {
  /** Items finished (successfully or not). */
  done: number;
  /** Items in total. */
  total: number;
  /** Items that failed so far. */
  failed: number;
}

/** Options of the bulk calls that fetch many users. */
export interface BulkOptions extends CallOptions {
  /** Requests in flight at once (default: the connection's `concurrency`, 8). */
  concurrency?: number | undefined;
  /** Called after every finished item. */
  onProgress?: ((progress: BulkProgress) => void) | undefined;
}

/** Parameters of a PUMAPI action (the form fields besides `action` and `apikey`). */
export type PumapiParams = Record<string, string | number | boolean | undefined>;

/** Options of {@link PpmsConnection.request} and {@link PpmsConnection.requestJson}. */
export interface PumapiRequestOptions extends SkipCacheOptions {
  /**
   * Whether the action may be retried on transient faults. Default: as the action's declaration
   * says (true for PUMAPI's reads such as `get*`, `nextbooking`, `rightcheck`, and for `auth`),
   * false for writes and for actions pyppms-ts does not declare.
   */
  idempotent?: boolean | undefined;
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
  /**
   * `SUCCESS` after a good `auth`; `OFFLINE` without an API key (cache-only); `REPLAY` when the
   * cache is in `replay` mode, where `auth` is not sent (http-core never replays logins); `SYSTEM`
   * for a connection with system credentials only (`auth` is not sent: PUMAPI checks `id` + `code`
   * on each `getbooking` / `nextbooking`).
   */
  authState: "SUCCESS" | "OFFLINE" | "REPLAY" | "SYSTEM";
  /** The `auth` answer text (empty when `auth` was not sent). */
  authResponse: string;
  /** The `auth` HTTP status (-1 when `auth` was not sent). */
  authHttpStatus: number;
}

/** Options of {@link PpmsConnection.getRunningSheet}. */
export interface RunningSheetOptions extends BulkOptions {
  /** Skip entries of users not in the in-memory cache instead of refreshing all users (default false). */
  ignoreUncachedUsers?: boolean | undefined;
  /** Only entries of systems whose localisation contains this text (case-insensitive; default: all). */
  localisation?: string | undefined;
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

/**
 * System authentication (PUMAPI's `id` + `code`), accepted instead of an API key by the
 * system-related actions `getbooking` and `nextbooking`. `code` is a secret: it is never put in a
 * cache file name, a log line or an error message.
 */
export interface SystemCredentials {
  /** The system id (the `id` of the actions). */
  id: number | string;
  /** The system's code (a secret). */
  code: string;
}

/** Options of {@link PpmsConnection.getBooking}, `getCurrentBooking` and `getNextBooking`. */
export interface BookingOptions extends CallOptions {
  /**
   * Authenticate this call with the system's own credentials instead of the connection's (its
   * `id` must be the system asked about). The connection's key is not sent with it.
   */
  system?: SystemCredentials | undefined;
}

/** The `active` filter of `getgroups` / `getgroupusers`: only active (`true`) or inactive (`false`) ones. */
export interface ActiveFilterOptions {
  /** Only active (`true`) or only inactive (`false`) entries; all when left out. */
  active?: boolean | undefined;
}

/** A day PUMAPI wants as `YYYY-MM-DD`: that text, or a `Date` (its local date). */
export type PumapiDay = string | Date;

/** Fields of {@link PpmsConnection.newProject} (`newproject`). */
export interface NewProjectFields {
  /** The core facility the project belongs to (`plateformid`, required). */
  coreFacilityRef: number | string;
  /** Project name (required). */
  name: string;
  /** Billing code. */
  bcode?: string | undefined;
  /** Project phase, a whole number (PUMAPI's default is 1). */
  phase?: number | string | undefined;
  /** Affiliation. */
  affiliation?: string | undefined;
  /** Project type (`ptype`). */
  type?: string | undefined;
  /** Whether the project is active. */
  active?: boolean | undefined;
  /** Free-text description (`descr`). */
  description?: string | undefined;
  /** Project group. */
  group?: string | undefined;
  /** Expiration date (`expirationdate`): `YYYY-MM-DD` or a `Date`. */
  expirationDate?: PumapiDay | undefined;
}

/**
 * Fields of {@link PpmsConnection.updateProject} (`updproject`): any of the {@link NewProjectFields},
 * none required; left-out fields stay as they are. `coreFacilityRef` moves the project to another
 * core facility, `name` must not be empty, `bcode: ""` clears the billing code and
 * `expirationDate: ""` the expiration date.
 */
export type UpdateProjectFields = { [K in keyof NewProjectFields]?: NewProjectFields[K] | undefined };

/** Options of {@link PpmsConnection.getUser} and {@link PpmsConnection.getUserDict}. */
export interface GetUserOptions extends SkipCacheOptions {
  /**
   * Ask for PPMS' numeric user id too (`withuserid=true`), as {@link PpmsUser.userId} (or the
   * record's `userid`). A user in the in-memory cache without it is fetched again.
   */
  withUserId?: boolean | undefined;
}

/** Options of {@link PpmsConnection.getUsers}. */
export interface GetUsersOptions extends BulkOptions {
  /** Fetch again even when the in-memory cache is filled. */
  forceRefresh?: boolean | undefined;
  /** Only active users (default true). */
  activeOnly?: boolean | undefined;
}

/** Options of {@link PpmsConnection.cacheUpdateUsers} (and its deprecated alias `updateUsers`). */
export interface UpdateUsersOptions extends BulkOptions {
  /** The logins to fetch (default: every login, see `activeOnly`). */
  userIds?: string[] | undefined;
  /** Only active users when `userIds` is left out (default true). */
  activeOnly?: boolean | undefined;
}

/** Options of {@link PpmsConnection.getUsersEmails}. */
export interface GetUsersEmailsOptions extends BulkOptions {
  /** The logins (default: all users, see `active`). */
  users?: string[] | undefined;
  /** Only active users when `users` is left out (default false). */
  active?: boolean | undefined;
}

/** Options of {@link PpmsConnection.newUser}. */
export interface NewUserOptions extends CallOptions {
  /**
   * Let `newuser` overwrite a user that already exists (PUMAPI updates an existing login instead
   * of refusing). Default false: `newUser` asks `getuser` first and refuses an existing login, as
   * pyppms checks `user_exists`.
   */
  overwrite?: boolean | undefined;
}
