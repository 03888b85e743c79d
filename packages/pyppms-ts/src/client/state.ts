import type { Logger, RecordReplayCache } from "@facility-sdk/http-core";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import type { PpmsProject } from "../models/project.js";
import type { PpmsSystem } from "../models/system.js";
import type { PpmsUser } from "../models/user.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import type { PumapiClient } from "./pumapi-client.js";

/** What a connection keeps: its transport, settings and pyppms' in-memory caches. */
export interface ConnectionState {
  /** The PUMAPI client. */
  readonly client: PumapiClient;
  /** The level-filtered logger (secrets masked by the caller's messages never holding them). */
  readonly logger: Logger;
  /** The on-disk cache, when configured. */
  readonly cache: RecordReplayCache | undefined;
  /** Requests in flight in bulk calls. */
  readonly concurrency: number;
  /** Strict parsing. */
  readonly strict: boolean;
  /** Graceful/strict and logger for the parsing helpers. */
  readonly parseOptions: ParseResponseOptions;
  /** The clock of "minutes from now". */
  readonly now: () => Date;
  /** How reads that support it ask for their answers (`format=json` or the default CSV). */
  readonly format: "csv" | "json";
  /** Users fetched so far, by login (pyppms' `users`). */
  readonly users: Map<string, PpmsUser>;
  /** Full name → login (pyppms' `fullname_mapping`). */
  readonly fullnames: Map<string, string>;
  /** Full names shared by several logins. */
  readonly ambiguousFullnames: Set<string>;
  /** Systems fetched so far, by id (replaced whole by each refresh). */
  systems: Map<number, PpmsSystem>;
  /** Projects fetched so far, by id (replaced whole by each refresh, emptied by project writes). */
  projects: Map<number, PpmsProject>;
}

// The registry the resource methods reach a connection's state through: filled by the
// connection's constructor, private to this module, and weak so a dropped connection is freed.
const states = new WeakMap<object, ConnectionState>();

/** Registers the state of a connection (called once, by its constructor). */
export function attachState(connection: object, state: ConnectionState): void {
  states.set(connection, state);
}

/** The state of a connection; a typed error when `this` is not one (a method called detached). */
export function stateOf(connection: object): ConnectionState {
  const state = states.get(connection);
  if (state === undefined) {
    throw new PpmsInvalidArgumentError("this", "is not a PpmsConnection", { hint: "call the method on a connection made by PpmsConnection.connect()" });
  }
  return state;
}

/** Puts a user in the in-memory caches; a full name shared with another login is logged. */
export function rememberUser(state: ConnectionState, user: PpmsUser): void {
  state.users.set(user.username, user);
  const previous = state.fullnames.get(user.fullname);
  if (previous !== undefined && previous !== user.username) {
    state.ambiguousFullnames.add(user.fullname);
    state.logger.warn(`Full name '${user.fullname}' is shared by '${previous}' and '${user.username}'; mapping it to '${user.username}'`);
  }
  state.fullnames.set(user.fullname, user.username);
}
