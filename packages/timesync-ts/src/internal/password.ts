/** bcrypt cost the TimeSync server expects from clients (pymesync uses the same). */
export const BCRYPT_COST = 10;

/**
 * Hashes a password the way TimeSync expects: bcrypt, cost 10, `$2a$` prefix. bcryptjs emits `$2b$`;
 * the two variants compute the same hash, only the label differs, so the label is swapped.
 */
export async function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  // Loaded on first use: only user creates and password changes hash, and importing costs time.
  const { genSalt, hash } = await import("bcryptjs");
  const salt = (await genSalt(cost)).replace(/^\$2b\$/, "$2a$");
  return hash(password, salt);
}
