import type { z } from "zod";
import { TimeSyncValidationError } from "../errors.js";

const HINTS: Record<string, string> = {
  date_worked: "dateWorked",
  issue_uri: "issueUri",
  default_activity: "defaultActivity",
  display_name: "displayName",
  site_admin: "siteAdmin",
  site_manager: "siteManager",
  site_spectator: "siteSpectator",
  include_revisions: "includeRevisions",
  include_deleted: "includeDeleted",
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Validates `input` with `schema`; the first problem becomes a {@link TimeSyncValidationError} naming
 * the field (prefixed with `what`, e.g. `time.dateWorked`). Messages never echo input values.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new TimeSyncValidationError(what, "expected an object");
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "?";
    const path = [...issue.path, key].map(String).join(".");
    const hint = HINTS[key] !== undefined ? ` (did you mean ${HINTS[key]}?)` : "";
    throw new TimeSyncValidationError(`${what}.${path}`, `unknown field${hint}`);
  }
  const field = [what, ...issue.path.map(String)].join(".");
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    throw new TimeSyncValidationError(field, "is required");
  }
  if (issue.code === "invalid_union") {
    // Prefer the message of a branch whose type matched but whose format check failed.
    const specific = issue.errors.flat().find((i) => i.code !== "invalid_type");
    throw new TimeSyncValidationError(field, specific?.message ?? issue.message);
  }
  throw new TimeSyncValidationError(field, issue.message);
}
