// Identifier and value formats the client checks before sending anything.

/** Lowercase alphanumerics separated by single dashes: `web`, `ganeti-webmgr`. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An RFC 4122-shaped uuid (any version), case-insensitive. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Usernames: letters, digits, `_ . @ -`, 1 to 64 characters. */
export const USERNAME_RE = /^[A-Za-z0-9_.@-]{1,64}$/;
/** A loose e-mail shape: something@something, no spaces. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for an absolute http(s) URI. */
export function isHttpUri(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The UTC day of a `Date`, or the string itself (already checked), as `YYYY-MM-DD`. */
export function toIsoDay(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

/** Normalises a wire date: epoch milliseconds (as `POST /users` answers) become `YYYY-MM-DD`. */
export function normaliseWireDate(value: string | number): string {
  return typeof value === "number" ? new Date(value).toISOString().slice(0, 10) : value;
}
