import type { CachePolicy, Redactor } from "@facility-sdk/http-core";
import { loadSchemas } from "../client/schemas.js";
import { stateOf } from "../client/state.js";
import { operationName } from "../client/transport.js";
import { TimeSyncAuthorizationError, TimeSyncNotFoundError } from "../errors.js";
import { uuidPath } from "../internal/ids.js";
import { acceptPymesyncTimeFilter } from "../internal/pymesync-filters.js";
import { signalOf, takeSignal, validate } from "../internal/validate.js";
import {
  type GetTimeOptions,
  type Time,
  type TimeCreateInput,
  timeCreateToWire,
  type TimeFilter,
  timeFilterToQuery,
  type TimeUpdateInput,
  timeUpdateToWire,
} from "../models/time.js";
import type { CallOptions } from "../options.js";
import { parseOne } from "../wire/parse.js";
import { RestCollection } from "./collection.js";
import { readProject } from "./projects.js";

const times = new RestCollection("/times", ":uuid", (s) => s.TimeSchema);

/** The spec's answer to an update of a deleted time, built locally (the reference server would revive it). */
function deletedTimeError(redactor: Redactor): TimeSyncNotFoundError {
  return new TimeSyncNotFoundError({
    status: 404,
    error: "Object not found",
    text: "Nonexistent time: it is deleted, and the reference server would restore it (refused before sending the update)",
    operation: operationName("updateTime", "POST", "/times/:uuid"),
    redactor,
  });
}

/**
 * `getTime` with a cache policy: `refresh` for the SDK's own reads (before and after an update),
 * which a record-missing cache must not answer from an old recording.
 */
async function readTime(client: unknown, uuid: string, options: GetTimeOptions, cache: CachePolicy): Promise<Time> {
  const id = uuidPath(uuid);
  const { signal, rest } = takeSignal(options);
  const { GetTimeOptionsSchema } = await loadSchemas();
  const valid = validate(GetTimeOptionsSchema, rest, "options");
  const read = (includeRevisions: boolean): Promise<Time> =>
    times.get(client, "getTime", id, { query: { include_revisions: includeRevisions || undefined, include_deleted: valid.includeDeleted }, signal, cache });
  if (valid.includeRevisions !== true) return read(false);
  const current = await read(false);
  return current.revision <= 1 ? { ...current, parents: [] } : read(true);
}

/**
 * The time methods of TimeSync: create, update, list, read and delete time entries. Call them on a
 * {@link TimeSync} client; this class holds no state of its own.
 *
 * @example
 * ```ts
 * const time = await ts.createTime({ duration: "1h30m", project: "web", dateWorked: "2024-05-02" });
 * await ts.updateTime(time.uuid, { notes: "reviewed" });
 * ```
 */
export abstract class TimeSyncTimesApi {
  /**
   * Creates a time. `duration` may be seconds or `"3h30m"`; `user` defaults to the authenticated user.
   * The result is the time as stored: the server's answer lacks `activities`, `notes` and `issueUri`
   * when they were not sent, so the client fills them in (the project's default activity, `null`).
   * `project` is the one slug sent (`GET` answers list all the project's slugs).
   *
   * @param input - the time
   * @param options - `signal` to cancel
   * @returns the stored time
   * @throws {@link TimeSyncValidationError} before any request for bad input
   * @example
   * ```ts
   * const t = await ts.createTime({ duration: "3h30m", project: "web", dateWorked: new Date(), activities: ["dev"] });
   * console.log(t.uuid, t.duration); // "…", 12600
   * ```
   */
  async createTime(input: TimeCreateInput, options: CallOptions = {}): Promise<Time> {
    const signal = signalOf(options);
    const { transport, session } = stateOf(this);
    const { TimeCreateInputSchema, TimeSchema } = await loadSchemas();
    const valid = validate(TimeCreateInputSchema, input, "time") as TimeCreateInput;
    const object = timeCreateToWire(valid, () => session.currentUser("time.user"));
    const { time, complete } = await transport.post(
      {
        method: "createTime",
        route: "/times",
        path: "/times",
        signal,
        read: (body, answer) => ({ time: parseOne(TimeSchema, body, answer), complete: Object.hasOwn(body as object, "activities") }),
      },
      object,
    );
    if (complete) return time;
    // The server stored the project's default activity but did not say so: look it up (on the server,
    // not in an old recording, which may hold an earlier default).
    const project = await readProject(this, valid.project, { signal }, "refresh");
    return { ...time, activities: project.defaultActivity === null ? [] : [project.defaultActivity] };
  }

  /**
   * Updates a time with any subset of the create fields and returns the time as stored. The time is
   * read first: the reference server would revive a deleted time (a new revision with `deletedAt`
   * null), so a deleted one is refused locally with {@link TimeSyncNotFoundError}, as the spec answers,
   * and no update is sent. The result is read back, because the update answer is not what was stored (it lists no
   * activities unless they were sent, and a renamed activity once per revision). A time moved to
   * another `user` may no longer be readable by the caller; it is then built from the answer and
   * the first read.
   *
   * @param uuid - the time's uuid
   * @param patch - the fields to change (at least one; falsy values the server would ignore are refused)
   * @param options - `signal` to cancel
   * @returns the updated time
   * @throws {@link TimeSyncNotFoundError} when there is no such current time (deleted ones included)
   * @example
   * ```ts
   * const updated = await ts.updateTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab", { duration: "4h0m", notes: "layout and fonts" });
   * ```
   */
  async updateTime(uuid: string, patch: TimeUpdateInput, options: CallOptions = {}): Promise<Time> {
    const signal = signalOf(options);
    const id = uuidPath(uuid);
    const { TimeUpdateInputSchema } = await loadSchemas();
    const valid = validate(TimeUpdateInputSchema, patch, "time") as TimeUpdateInput;
    const object = timeUpdateToWire(valid);
    // Read with include_deleted: a deleted time is told apart from a missing one (which answers 404),
    // and the read's cache key differs from the read-back's, so a recording keeps both. Both reads ask
    // the server (`refresh`): an old recording would revive a time deleted since, or return stale data.
    const before = await readTime(this, uuid, { includeDeleted: true, signal }, "refresh");
    if (before.deletedAt !== null) throw deletedTimeError(stateOf(this).redactor);
    const answer = await times.update(this, "updateTime", id, object, { signal });
    const moved = valid.user !== undefined && valid.user !== before.user;
    try {
      return await readTime(this, uuid, { signal }, "refresh");
    } catch (error) {
      // The new owner's time is out of the caller's sight: the write succeeded, so say what was stored.
      if (!moved || !(error instanceof TimeSyncNotFoundError || error instanceof TimeSyncAuthorizationError)) throw error;
      // The reference server's answer names the owner before the update.
      return {
        ...answer,
        user: valid.user ?? answer.user,
        project: valid.project === undefined ? before.project : answer.project,
        activities: valid.activities === undefined ? before.activities : [...new Set(valid.activities)],
      };
    }
  }

  /**
   * Lists the times visible to the caller. Values within one filter are ORed, filters are ANDed.
   * pymesync's one-element lists for `start` and `end` (`start: ["2025-03-01"]`) are accepted too.
   *
   * @param filter - users, projects, activities, a day range, and the revision/deleted flags
   * @param options - `signal` to cancel
   * @returns the times
   * @example
   * ```ts
   * const may = await ts.getTimes({ project: ["web"], start: "2024-05-01", end: "2024-05-31" });
   * ```
   */
  async getTimes(filter: TimeFilter = {}, options: CallOptions = {}): Promise<Time[]> {
    const signal = signalOf(options);
    const { TimeFilterSchema } = await loadSchemas();
    const valid = validate(TimeFilterSchema, acceptPymesyncTimeFilter(filter), "filter") as TimeFilter;
    const query = timeFilterToQuery(valid);
    return times.list(this, "getTimes", { query, signal });
  }

  /**
   * Reads one time. With `includeRevisions`, a time still at revision 1 gets `parents: []` without
   * asking the server, which would never answer that query.
   *
   * @param uuid - the time's uuid
   * @param options - `includeRevisions`, `includeDeleted`, `signal`
   * @returns the time
   * @throws {@link TimeSyncNotFoundError} when there is no such (current) time
   * @example
   * ```ts
   * const time = await ts.getTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab", { includeRevisions: true });
   * console.log(time.parents?.length);
   * ```
   */
  getTime(uuid: string, options: GetTimeOptions = {}): Promise<Time> {
    return readTime(this, uuid, options, "default");
  }

  /**
   * Soft-deletes a time (its owner, a site manager or a site admin). Deleting an already deleted time
   * succeeds again on the reference server (200; the spec says 404): the SDK passes that through, as a
   * delete is idempotent, and sends no extra read. Use `getTime(uuid)` first to tell the cases apart.
   *
   * @param uuid - the time's uuid
   * @param options - `signal` to cancel
   * @example
   * ```ts
   * await ts.deleteTime("3f0c4e1a-1b2c-4d3e-8f90-0123456789ab");
   * ```
   */
  async deleteTime(uuid: string, options: CallOptions = {}): Promise<void> {
    const signal = signalOf(options);
    const id = uuidPath(uuid);
    await times.delete(this, "deleteTime", id, { signal });
  }
}
