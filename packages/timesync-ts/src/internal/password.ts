import { genSalt, hash } from "bcryptjs";

/** bcrypt cost the TimeSync server expects from clients (pymesync uses the same). */
export const BCRYPT_COST = 10;

/**
 * Hashes a password the way TimeSync expects: bcrypt, cost 10, `$2a$` prefix. bcryptjs emits `$2b$`;
 * the two variants compute the same hash, only the label differs, so the label is swapped.
 */
export async function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  const salt = (await genSalt(cost)).replace(/^\$2b\$/, "$2a$");
  return hash(password, salt);
}
