import { asObject, checkKeys, checkType, checkUserIdentity, isUsername, queryFlag } from "./checks.js";
import { emptyOk, json, posted, type RouteContext, type RouteResult } from "./context.js";
import { renderUser } from "./render.js";
import type { FakeUserRecord } from "./types.js";
import { fail } from "./wire-errors.js";

const USER_FIELDS = ["username", "password", "display_name", "email", "site_admin", "site_manager", "site_spectator", "active", "meta"] as const;
const FLAGS = ["site_admin", "site_manager", "site_spectator", "active"] as const;

function checkUserTypes(obj: Record<string, unknown>, strict: boolean): void {
  for (const key of ["username", "password", "display_name", "email", "meta"]) checkType(obj, "user", key, "string");
  for (const key of FLAGS) checkType(obj, "user", key, "boolean");
  checkUserIdentity(obj, strict);
}

function findUser(ctx: RouteContext, username: string, includeDeleted: boolean): FakeUserRecord {
  if (!isUsername(username, ctx.strict)) throw fail.invalidIdentifier("username", username);
  const u = ctx.store.users.get(username);
  if (u === undefined || (u.deleted_at !== null && !includeDeleted)) throw fail.notFound("user");
  return u;
}

/** `GET /users`. */
export function listUsers(ctx: RouteContext): RouteResult {
  const includeDeleted = queryFlag(ctx.query, "include_deleted");
  return json(200, [...ctx.store.users.values()].filter((u) => includeDeleted || u.deleted_at === null).map((u) => renderUser(u)));
}

/** `GET /users/:username`; `include_deleted=true` finds a deleted user (the reference server supports it). */
export function getUser(ctx: RouteContext, username: string): RouteResult {
  return json(200, renderUser(findUser(ctx, username, queryFlag(ctx.query, "include_deleted"))));
}

/** `POST /users`: needs site_admin and site_manager (reference behaviour); answers `created_at` as a number. */
export function createUser(ctx: RouteContext): RouteResult {
  const { caller, store } = ctx;
  if (!(caller.site_admin && caller.site_manager)) throw fail.authorization(`${caller.username} is not authorized to create users`);
  const obj = asObject(ctx.object, "user");
  checkKeys(obj, "user", USER_FIELDS, ["username", "password"]);
  checkUserTypes(obj, ctx.strict);
  const username = obj["username"] as string;
  if (store.users.has(username)) throw fail.usernameExists(username);
  const record: FakeUserRecord = {
    username,
    display_name: (obj["display_name"] as string | undefined) ?? null,
    email: (obj["email"] as string | undefined) ?? null,
    site_admin: obj["site_admin"] === true,
    site_manager: obj["site_manager"] === true,
    site_spectator: obj["site_spectator"] === true,
    active: obj["active"] !== false,
    meta: (obj["meta"] as string | undefined) ?? null,
    passwordHash: obj["password"] as string,
    created_at: store.now(),
    updated_at: null,
    deleted_at: null,
  };
  store.users.set(username, record);
  return posted(ctx, renderUser(record, true));
}

/**
 * `POST /users/:username`, with the reference server's checks in its order: `username` and dates cannot
 * change; the user, a site manager or a site admin may update; a site manager who is not an admin only
 * `site_spectator`; only an admin grants `site_manager` or `site_admin`.
 */
export function updateUser(ctx: RouteContext, username: string): RouteResult {
  const { caller, store } = ctx;
  const obj = asObject(ctx.object, "user");
  for (const key of ["created_at", "updated_at", "deleted_at", "username"]) {
    if (obj[key]) throw fail.badObject(`user does not have a ${key} field`);
  }
  checkUserTypes(obj, ctx.strict);
  const who = caller.username;
  if (!(caller.site_admin || caller.site_manager || who === username)) throw fail.authorization(`${who} is not authorized to modify user ${username}`);
  if (!caller.site_admin && caller.site_manager && ["display_name", "password", "site_manager", "site_admin", "active", "meta"].some((k) => obj[k])) {
    throw fail.authorization(`${who} is not authorized to modify fields of user ${username} other than site_spectator`);
  }
  if (!caller.site_admin && (obj["site_manager"] || obj["site_admin"])) throw fail.authorization(`${who} is not authorized to set permissions of user ${username}`);
  checkKeys(obj, "user", USER_FIELDS);
  const user = findUser(ctx, username, false);
  const { password, ...rest } = obj;
  const next: FakeUserRecord = { ...user, ...(rest as Partial<FakeUserRecord>), updated_at: store.today() };
  if (typeof password === "string") next.passwordHash = password;
  store.users.set(username, next);
  return posted(ctx, renderUser(next));
}

/**
 * `DELETE /users/:username`: site admins. A soft delete: on the reference server the user can still log
 * in and their tokens stay valid (strict mode refuses both).
 */
export function deleteUser(ctx: RouteContext, username: string): RouteResult {
  if (!isUsername(username, ctx.strict)) throw fail.invalidIdentifier("username", username);
  if (!ctx.caller.site_admin) throw fail.authorization(`${ctx.caller.username} is not authorized to delete users`);
  // The reference server deletes a deleted user again (200, its date unchanged); strict: not found.
  const user = findUser(ctx, username, !ctx.strict);
  if (user.deleted_at === null) ctx.store.users.set(username, { ...user, deleted_at: ctx.store.today() });
  return emptyOk();
}
