import type { CachePolicy } from "@facility-sdk/http-core";
import { loadSchemas } from "../client/schemas.js";
import { stateOf } from "../client/state.js";
import { TimeSyncValidationError } from "../errors.js";
import { usernamePath } from "../internal/ids.js";
import { signalOf, takeSignal, validate } from "../internal/validate.js";
import { type User, type UserCreateInput, userCreateToWire, type UserReadOptions, type UserUpdateInput, userUpdateToWire } from "../models/user.js";
import type { CallOptions } from "../options.js";
import { RestCollection } from "./collection.js";
import { rethrowUserCreateRace } from "./create-race.js";

const users = new RestCollection("/users", ":username", (s) => s.UserSchema);

/**
 * `getUser` with a cache policy: `refresh` for the SDK's own reads (the existence check after a
 * create's 500), which a record-missing cache must not answer from an old recording.
 */
async function readUser(client: unknown, username: string, options: UserReadOptions, cache: CachePolicy): Promise<User> {
  const id = usernamePath(username);
  const { signal, rest } = takeSignal(options);
  const { UserReadOptionsSchema } = await loadSchemas();
  const valid = validate(UserReadOptionsSchema, rest, "options");
  return users.get(client, "getUser", id, { query: { include_deleted: valid.includeDeleted }, signal, cache });
}

/**
 * The user methods of TimeSync: create, update, list, read and delete users. Passwords are
 * bcrypt-hashed on this machine, as the server requires. Call them on a {@link TimeSync} client; this
 * class holds no state of its own.
 *
 * @example
 * ```ts
 * await ts.createUser({ username: "pat", password: "a long passphrase", email: "pat@example.org" });
 * const pat = await ts.getUser("pat");
 * ```
 */
export abstract class TimeSyncUsersApi {
  /**
   * Creates a user (site admins that are also site managers, on the reference server). The password
   * is hashed with bcrypt (cost 10, `$2a$`) before it leaves the machine; the password and the hash
   * never reach logs, errors or recordings.
   *
   * @param input - username (`a-z 0-9 _ ~ -`), password, and optional fields
   * @param options - `signal` to cancel
   * @returns the new user
   * @example
   * ```ts
   * const user = await ts.createUser({ username: "pat", password: "a long passphrase", displayName: "Pat" });
   * ```
   */
  async createUser(input: UserCreateInput, options: CallOptions = {}): Promise<User> {
    const signal = signalOf(options);
    const { UserCreateInputSchema } = await loadSchemas();
    const valid = validate(UserCreateInputSchema, input, "user") as UserCreateInput;
    const state = stateOf(this);
    const passwordHash = await state.hashSecret(valid.password);
    try {
      return await users.create(this, "createUser", userCreateToWire(valid, passwordHash), { signal });
    } catch (error) {
      return rethrowUserCreateRace(this, error, valid.username, () => readUser(this, valid.username, { signal }, "refresh"));
    }
  }

  /**
   * Updates a user (anything but the username); a new password is hashed client-side.
   *
   * @param username - the user
   * @param patch - the fields to change (at least one)
   * @param options - `signal` to cancel
   * @returns the updated user
   * @example
   * ```ts
   * await ts.updateUser("pat", { displayName: "Pat P.", password: "a new passphrase" });
   * ```
   */
  async updateUser(username: string, patch: UserUpdateInput, options: CallOptions = {}): Promise<User> {
    const signal = signalOf(options);
    const id = usernamePath(username);
    if (patch !== null && typeof patch === "object" && "username" in patch) {
      throw new TimeSyncValidationError("user.username", "the username cannot be updated");
    }
    const { UserUpdateInputSchema } = await loadSchemas();
    const valid = validate(UserUpdateInputSchema, patch, "user") as UserUpdateInput;
    userUpdateToWire(valid, undefined); // checks the patch before hashing
    const state = stateOf(this);
    const passwordHash = valid.password === undefined ? undefined : await state.hashSecret(valid.password);
    return users.update(this, "updateUser", id, userUpdateToWire(valid, passwordHash), { signal });
  }

  /**
   * Lists users.
   *
   * @param options - `includeDeleted`, `signal`
   * @returns the users
   * @example
   * ```ts
   * const everyone = await ts.getUsers({ includeDeleted: true });
   * ```
   */
  async getUsers(options: UserReadOptions = {}): Promise<User[]> {
    const { signal, rest } = takeSignal(options);
    const { UserReadOptionsSchema } = await loadSchemas();
    const valid = validate(UserReadOptionsSchema, rest, "options");
    return users.list(this, "getUsers", { query: { include_deleted: valid.includeDeleted }, signal });
  }

  /**
   * Reads one user; with `includeDeleted`, a soft-deleted user too.
   *
   * @param username - the user
   * @param options - `includeDeleted`, `signal`
   * @returns the user
   * @throws {@link TimeSyncNotFoundError} when there is no such (current) user
   * @example
   * ```ts
   * const pat = await ts.getUser("pat", { includeDeleted: true });
   * console.log(pat.deletedAt);
   * ```
   */
  getUser(username: string, options: UserReadOptions = {}): Promise<User> {
    return readUser(this, username, options, "default");
  }

  /**
   * Soft-deletes a user (site admins).
   *
   * @param username - the user
   * @param options - `signal` to cancel
   * @example
   * ```ts
   * await ts.deleteUser("pat");
   * ```
   */
  async deleteUser(username: string, options: CallOptions = {}): Promise<void> {
    const signal = signalOf(options);
    const id = usernamePath(username);
    await users.delete(this, "deleteUser", id, { signal });
  }
}
