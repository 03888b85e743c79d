import { z } from "zod";
import { withParents } from "../models/common.js";
import type { Project, ProjectRevision } from "../models/project.js";
import { camelize } from "../wire/names.js";
import { optionalText, revisionedFields, slugInput, uriInput, usernameInput } from "./common.js";

const rolesSchema = z.object({
  member: z.boolean().optional().default(false),
  spectator: z.boolean().optional().default(false),
  manager: z.boolean().optional().default(false),
});
const usersSchema = z.record(z.string(), rolesSchema);
const projectFields = { ...revisionedFields, name: z.string(), uri: optionalText, default_activity: optionalText };

/** Parses an earlier revision of a project; `slugs` and `users` are kept only when sent. */
export const ProjectRevisionSchema: z.ZodType<ProjectRevision, unknown> = z
  .object({ ...projectFields, slugs: z.array(z.string()).optional(), users: usersSchema.nullable().optional() })
  .transform(({ slugs, users, ...w }) => ({
    ...camelize(w),
    ...(slugs === undefined ? {} : { slugs }),
    ...(users === undefined || users === null ? {} : { users }),
  }));

/** Parses a project as the server sends it into a `Project` (`users` defaults to `{}`). */
export const ProjectSchema: z.ZodType<Project, unknown> = z
  .object({
    ...projectFields,
    slugs: z.array(z.string()),
    users: usersSchema
      .nullable()
      .optional()
      .transform((u) => u ?? {}),
    parents: z.array(ProjectRevisionSchema).optional(),
  })
  .transform(({ parents, ...w }) => withParents(camelize(w), parents));

const rolesInput = z.strictObject({ member: z.boolean().optional(), spectator: z.boolean().optional(), manager: z.boolean().optional() });
const usersInput = z.record(usernameInput, rolesInput);
const nameInput = z.string().min(1, "must not be empty");
const slugsInput = z.array(slugInput).min(1, "needs at least one slug");

/** Validates `ProjectCreateInput`. */
export const ProjectCreateInputSchema = z.strictObject({
  name: nameInput,
  slugs: slugsInput,
  uri: uriInput.optional(),
  defaultActivity: slugInput.optional(),
  users: usersInput.optional(),
});

/** Validates `ProjectUpdateInput`. */
export const ProjectUpdateInputSchema = z.strictObject({
  name: nameInput.optional(),
  slugs: slugsInput.optional(),
  uri: uriInput.optional(),
  defaultActivity: slugInput.nullable().optional(),
  users: usersInput.optional(),
});

/** Validates `ProjectFilter`. */
export const ProjectFilterSchema = z.strictObject({
  user: z.array(usernameInput).optional(),
  includeRevisions: z.boolean().optional(),
  includeDeleted: z.boolean().optional(),
});
