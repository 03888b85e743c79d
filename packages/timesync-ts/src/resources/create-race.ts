import { stateOf } from "../client/state.js";
import { type TimeSyncApiError, TimeSyncNotFoundError, TimeSyncServerError, TimeSyncSlugExistsError, TimeSyncUsernameExistsError } from "../errors.js";

// Parallel creates of one project slug or username on the reference server: one succeeds, the others
// fail on the database's unique constraint and are answered 500 `Server error`. A 500 to a create is
// therefore checked: when the slug or username exists now, the caller gets the typed conflict error a
// sequential duplicate gets (409), with the server's 500 as its cause. Other 500s are rethrown as they are.

/** Resolves true when `read` finds the object, false on 404; other errors propagate. */
async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof TimeSyncNotFoundError) return false;
    throw error;
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
 * (`read` reads one slug).
 */
export async function rethrowProjectCreateRace(client: unknown, error: unknown, slugs: readonly string[], read: (slug: string) => Promise<unknown>): Promise<never> {
  if (!(error instanceof TimeSyncServerError) || error.status !== 500) throw error;
  const taken: string[] = [];
  for (const slug of slugs) if (await exists(() => read(slug))) taken.push(slug);
  if (taken.length === 0) throw error;
  throw conflictFrom(TimeSyncSlugExistsError, client, error, `a parallel create took ${taken.join(", ")} first (the server answered 500)`, taken);
}

/** Rethrows `error`, as a {@link TimeSyncUsernameExistsError} when it is a 500 and `username` now exists. */
export async function rethrowUserCreateRace(client: unknown, error: unknown, username: string, read: () => Promise<unknown>): Promise<never> {
  if (!(error instanceof TimeSyncServerError) || error.status !== 500) throw error;
  if (!(await exists(read))) throw error;
  throw conflictFrom(TimeSyncUsernameExistsError, client, error, `a parallel create took ${username} first (the server answered 500)`, [username]);
}
