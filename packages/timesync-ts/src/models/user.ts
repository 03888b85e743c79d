import type { CallOptions } from "../options.js";
import { snakify } from "../wire/names.js";
import { type Patch, requireSomething } from "./common.js";

/** A user (the server never returns passwords). */
export interface User {
  /** Login name. */
  username: string;
  /** Display name. */
  displayName: string | null;
  /** E-mail address. */
  email: string | null;
  /** Site administrator. */
  siteAdmin: boolean;
  /** Site manager (creates projects and activities). */
  siteManager: boolean;
  /** Site spectator (sees every time). */
  siteSpectator: boolean;
  /** Active flag. */
  active: boolean;
  /** Free-form metadata. */
  meta: string | null;
  /** Creation day, `YYYY-MM-DD` (normalised from the epoch milliseconds `POST /users` answers). */
  createdAt: string;
  /** Day of the last update. */
  updatedAt: string | null;
  /** Day of the soft delete. */
  deletedAt: string | null;
}

/** Input of `createUser`. The password is bcrypt-hashed client-side before it is sent. */
export interface UserCreateInput {
  /** Login name: `a-z 0-9 _ ~ -` only, as the server requires. */
  username: string;
  /** Plain password (hashed with bcrypt, cost 10, `$2a$`; never logged). */
  password: string;
  /** Display name. */
  displayName?: string | undefined;
  /** E-mail address; its domain must hold a dot, as the server requires. */
  email?: string | undefined;
  /** Site administrator. */
  siteAdmin?: boolean | undefined;
  /** Site manager. */
  siteManager?: boolean | undefined;
  /** Site spectator. */
  siteSpectator?: boolean | undefined;
  /** Active flag. */
  active?: boolean | undefined;
  /** Free-form metadata. */
  meta?: string | undefined;
}

/** Patch of `updateUser`: anything but `username` (which cannot change). */
export type UserUpdateInput = Patch<Omit<UserCreateInput, "username">>;

/** Flags of `getUsers` and `getUser`. */
export interface UserReadOptions extends CallOptions {
  /** Include soft-deleted users (for `getUser`: find a deleted user). */
  includeDeleted?: boolean | undefined;
}

function userFieldsToWire(input: UserUpdateInput, passwordHash: string | undefined): Record<string, unknown> {
  const { password: _plain, ...fields } = input;
  return { ...(passwordHash === undefined ? {} : { password: passwordHash }), ...snakify(fields) };
}

/** `POST /users` object, with the already-hashed password. */
export function userCreateToWire(input: UserCreateInput, passwordHash: string): Record<string, unknown> {
  const { username, ...rest } = input;
  return { username, ...userFieldsToWire(rest, passwordHash) };
}

/** `POST /users/:username` object, with the hashed password when one is being set. */
export function userUpdateToWire(patch: UserUpdateInput, passwordHash: string | undefined): Record<string, unknown> {
  requireSomething(patch, "user");
  return userFieldsToWire(patch, passwordHash);
}
