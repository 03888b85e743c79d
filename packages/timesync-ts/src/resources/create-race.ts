import { stateOf } from "../client/state.js";
import { type TimeSyncApiError, TimeSyncNotFoundError, TimeSyncServerError, TimeSyncSlugExistsError, TimeSyncUsernameExistsError } from "../errors.js";

// Parallel creates of one project slug or username on the reference server: one succeeds, the others
// fail on the database's unique constraint and are answered 500 `Server error`. A 500 to a create is
// therefore checked: when the slug or username exists now, the caller gets the typed conflict error a
// sequential duplicate gets (409), with the server's 500 as its cause. Other 500s are rethrown as they are,
// and so is the 500 when the check itself fails (a timeout, an abort, a 401): the caller gets the
// server's answer to the create, not the check's error. The reads ask the server, not the cache.

/** Resolves true when `read` finds the object, false on 404, undefined when the read failed otherwise. */
async function exists(read: () => Promise<unknown>): Promise<boolean | undefined> {
  try {
    await read();
    return true;
  } catch (error) {
    return error instanceof TimeSyncNotFoundError ? false : undefined;
  }
}

function conflictFrom(
  Class: typeof TimeSyncSlugExistsError | typeof TimeSyncUsernameExistsError,
  client: unknown,
  server: TimeSyncServerError,
  text: string,
  values: string[],
): TimeSyncApiError {
  return new Class({
    status: server.status,
    error: server.error,
    text,
    values,
    request: server.request,
    attempts: server.attempts,
    operation: server.operation,
    redactor: stateOf(client).redactor,
    cause: server,
  });
}

/**
 * Rethrows `error`, as a {@link TimeSyncSlugExistsError} when it is a 500 and one of `slugs` now exists
 * (`read` reads one slug; the slugs are read in parallel). When no slug is found to exist, and in
 * particular when a read fails otherwise than with a 404, `error` itself is rethrown.
 */
export async function rethrowProjectCreateRace(client: unknown, error: unknown, slugs: readonly string[], read: (slug: string) => Promise<unknown>): Promise<never> {
  if (!(error instanceof TimeSyncServerError) || error.status !== 500) throw error;
  const found = await Promise.all(slugs.map((slug) => exists(() => read(slug))));
  const taken = slugs.filter((_, i) => found[i] === true);
  if (taken.length === 0) throw error;
  throw conflictFrom(TimeSyncSlugExistsError, client, error, `a parallel create took ${taken.join(", ")} first (the server answered 500)`, taken);
}

/**
 * Rethrows `error`, as a {@link TimeSyncUsernameExistsError} when it is a 500 and `username` now exists;
 * `error` itself when the read finds nothing or fails.
 */
export async function rethrowUserCreateRace(client: unknown, error: unknown, username: string, read: () => Promise<unknown>): Promise<never> {
  if (!(error instanceof TimeSyncServerError) || error.status !== 500) throw error;
  if ((await exists(read)) !== true) throw error;
  throw conflictFrom(TimeSyncUsernameExistsError, client, error, `a parallel create took ${username} first (the server answered 500)`, [username]);
}
