import { loadSchemas } from "../client/schemas.js";
import { slugPath } from "../internal/ids.js";
import { signalOf, takeSignal, validate } from "../internal/validate.js";
import {
  type Activity,
  type ActivityCreateInput,
  activityCreateToWire,
  type ActivityUpdateInput,
  activityUpdateToWire,
  type DeletedActivity,
} from "../models/activity.js";
import type { GetOneOptions, ListOptions } from "../models/common.js";
import type { CallOptions } from "../options.js";
import { RestCollection } from "./collection.js";

const activities = new RestCollection("/activities", ":slug", (s) => s.ActivitySchema);

/**
 * What `getActivities(options)` lists: {@link Activity}s, plus {@link DeletedActivity}s (whose `slug`
 * may be `null`) unless `includeDeleted` is known to be off.
 */
export type ListedActivities<O extends ListOptions> = "includeDeleted" extends keyof O
  ? O extends { includeDeleted?: false | undefined }
    ? Activity[]
    : (Activity | DeletedActivity)[]
  : Activity[];

/**
 * The activity methods of TimeSync: create, update, list, read and delete activities (kinds of work,
 * such as `docs`). Call them on a {@link TimeSync} client; this class holds no state of its own.
 *
 * @example
 * ```ts
 * await ts.createActivity({ name: "Documentation", slug: "docs" });
 * const all = await ts.getActivities();
 * ```
 */
export abstract class TimeSyncActivitiesApi {
  /**
   * Creates an activity (site managers and admins).
   *
   * @param input - name and slug
   * @param options - `signal` to cancel
   * @returns the new activity
   * @example
   * ```ts
   * const docs = await ts.createActivity({ name: "Documentation", slug: "docs" });
   * ```
   */
  async createActivity(input: ActivityCreateInput, options: CallOptions = {}): Promise<Activity> {
    const signal = signalOf(options);
    const { ActivityCreateInputSchema } = await loadSchemas();
    const valid = validate(ActivityCreateInputSchema, input, "activity") as ActivityCreateInput;
    return activities.create(this, "createActivity", activityCreateToWire(valid), { signal });
  }

  /**
   * Updates an activity's name and/or slug. The client reads the activity first: for a slug that does
   * not exist, the reference server answers 404 but leaves a database transaction open, and every later
   * request to it hangs until it restarts.
   *
   * @param slug - the activity's slug
   * @param patch - `name` and/or `slug` (at least one)
   * @param options - `signal` to cancel
   * @returns the updated activity
   * @throws {@link TimeSyncNotFoundError} when there is no such activity (no update is sent)
   * @example
   * ```ts
   * await ts.updateActivity("docs", { name: "Docs" });
   * ```
   */
  async updateActivity(slug: string, patch: ActivityUpdateInput, options: CallOptions = {}): Promise<Activity> {
    const signal = signalOf(options);
    const id = slugPath(slug);
    const { ActivityUpdateInputSchema } = await loadSchemas();
    const valid = validate(ActivityUpdateInputSchema, patch, "activity") as ActivityUpdateInput;
    const object = activityUpdateToWire(valid);
    await this.getActivity(slug, { signal });
    return activities.update(this, "updateActivity", id, object, { signal });
  }

  /**
   * Lists activities. With `includeDeleted: true` the list may hold {@link DeletedActivity}s, whose
   * `slug` the reference server sends as `null`.
   *
   * @param options - `includeRevisions`, `includeDeleted`, `signal`
   * @returns the activities
   * @example
   * ```ts
   * const current = await ts.getActivities();
   * const all = await ts.getActivities({ includeDeleted: true });
   * const deletedNames = all.filter((a) => a.deletedAt !== null).map((a) => a.name);
   * ```
   */
  async getActivities<O extends ListOptions = {}>(options?: O): Promise<ListedActivities<O>> {
    const { signal, rest } = takeSignal(options);
    const { ListOptionsSchema } = await loadSchemas();
    const valid = validate(ListOptionsSchema, rest, "options");
    const listed: Promise<(Activity | DeletedActivity)[]> = activities.list(this, "getActivities", {
      query: { include_revisions: valid.includeRevisions, include_deleted: valid.includeDeleted },
      signal,
      schema: valid.includeDeleted === true ? (s) => s.ListedActivitySchema : (s) => s.ActivitySchema,
    });
    return listed as Promise<ListedActivities<O>>;
  }

  /**
   * Reads one activity (`includeDeleted` is not accepted with a slug, as in pymesync).
   *
   * @param slug - the activity's slug
   * @param options - `includeRevisions`, `signal`
   * @returns the activity
   * @example
   * ```ts
   * const docs = await ts.getActivity("docs", { includeRevisions: true });
   * ```
   */
  async getActivity(slug: string, options: GetOneOptions = {}): Promise<Activity> {
    const id = slugPath(slug);
    const { signal, rest } = takeSignal(options);
    const { GetOneOptionsSchema } = await loadSchemas();
    const valid = validate(GetOneOptionsSchema, rest, "options");
    return activities.get(this, "getActivity", id, { query: { include_revisions: valid.includeRevisions }, signal });
  }

  /**
   * Soft-deletes an activity (site managers and admins).
   *
   * @param slug - the activity's slug
   * @param options - `signal` to cancel
   * @example
   * ```ts
   * await ts.deleteActivity("docs");
   * ```
   */
  async deleteActivity(slug: string, options: CallOptions = {}): Promise<void> {
    const signal = signalOf(options);
    const id = slugPath(slug);
    await activities.delete(this, "deleteActivity", id, { signal });
  }
}
