import { fail } from "./wire-errors.js";

// Parallel creates of one project slug or username on the reference server: every request passes the
// "already exists?" check before any of them writes, the first write wins and the others fail on the
// database's unique constraint, answered as 500 `Server error`. The fake is synchronous, so it opens a
// window (`createRaceWindowMs`) in which a create is in flight, and fails creates that overlap it.
// Activities have no unique constraint there: overlapping creates of one activity slug all succeed.

/** The slugs or username a create claims (empty for other requests, or a malformed object). */
export function claimedKeys(resource: string, object: unknown): string[] {
  if (object === null || typeof object !== "object") return [];
  const o = object as Record<string, unknown>;
  if (resource === "projects" && Array.isArray(o["slugs"])) return o["slugs"].filter((s): s is string => typeof s === "string").map((s) => `project:${s}`);
  if (resource === "users" && typeof o["username"] === "string") return [`user:${o["username"]}`];
  if (resource === "activities" && typeof o["slug"] === "string") return [`activity:${o["slug"]}`];
  return [];
}

/** Creates in flight, by claimed key. */
export class CreateRace {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly windowMs: number) {}

  /**
   * Runs `create` after the window. A create overlapping another one with a shared key fails with 500
   * once that one is written (on the reference server the loser fails on the winner's row). When that
   * one fails instead (400, 401: nothing written), the overlapping create goes on as if it came first:
   * the reference server would accept it.
   */
  async run<T>(keys: string[], create: (overlapping: boolean) => T): Promise<T> {
    if (this.windowMs <= 0 || keys.length === 0) return create(false);
    for (;;) {
      const winner = keys.map((k) => this.inFlight.get(k)).find((p) => p !== undefined);
      if (winner === undefined) break;
      if (keys.every((k) => k.startsWith("activity:"))) {
        // No unique constraint: this create checked before the other one wrote, so it writes a duplicate.
        await new Promise((resolve) => setTimeout(resolve, this.windowMs));
        return create(true);
      }
      const written = await winner.then(
        () => true,
        () => false,
      );
      // The reference server puts its database error here; the fake says what happened instead.
      if (written) throw fail.serverError("fake-timesync: a parallel create with the same slug or username was written first");
      // Nothing was written: look again (another overlapping create may have taken the keys meanwhile).
    }
    // The keys are released when the create settles, before anyone waiting on it sees the outcome.
    const written = new Promise((resolve) => setTimeout(resolve, this.windowMs))
      .then(() => create(false))
      .finally(() => {
        for (const k of keys) if (this.inFlight.get(k) === written) this.inFlight.delete(k);
      });
    for (const k of keys) this.inFlight.set(k, written);
    return written;
  }
}
