import { z } from "zod";
import { EXPECTED, isEmail } from "../internal/formats.js";
import type { User } from "../models/user.js";
import { camelize } from "../wire/names.js";
import { optionalText, usernameInput, wireDate, wireOptionalDate } from "./common.js";

/** Parses a user as the server sends it into a `User` (`created_at` numbers become days). */
export const UserSchema: z.ZodType<User, unknown> = z
  .object({
    username: z.string(),
    display_name: optionalText,
    email: optionalText,
    site_admin: z.boolean().optional().default(false),
    site_manager: z.boolean().optional().default(false),
    site_spectator: z.boolean().optional().default(false),
    active: z.boolean().optional().default(true),
    meta: optionalText,
    created_at: wireDate,
    updated_at: wireOptionalDate,
    deleted_at: wireOptionalDate,
  })
  .transform((w) => camelize(w));

/** Validates `UserCreateInput`. */
export const UserCreateInputSchema = z.strictObject({
  username: usernameInput,
  password: z.string().min(1, "must not be empty"),
  displayName: z.string().optional(),
  email: z.string().refine(isEmail, `expected ${EXPECTED.email}`).optional(),
  siteAdmin: z.boolean().optional(),
  siteManager: z.boolean().optional(),
  siteSpectator: z.boolean().optional(),
  active: z.boolean().optional(),
  meta: z.string().optional(),
});

/** Validates `UserUpdateInput`. */
export const UserUpdateInputSchema = UserCreateInputSchema.omit({ username: true }).partial();

/** Validates `UserReadOptions` (without `signal`). */
export const UserReadOptionsSchema = z.strictObject({ includeDeleted: z.boolean().optional() });
