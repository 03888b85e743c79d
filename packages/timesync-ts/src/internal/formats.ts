// Identifier and value formats the client checks before sending anything. They are the reference
// server's own rules, so nothing it would refuse leaves the machine and nothing it accepts is refused.

/**
 * Lowercase alphanumerics separated by single dashes, holding at least one letter: `web`,
 * `ganeti-webmgr`, `web2`; not `12345` (the server refuses digits-only slugs).
 */
export const SLUG_RE = /^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An RFC 4122-shaped uuid (any version), case-insensitive. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Usernames as the server accepts them: `a-z 0-9 _ ~ -` only (`t~x` yes; `d.x`, `Pat`, `a@b` no). */
export const USERNAME_RE = /^[a-z0-9_~-]+$/;
/** An e-mail address whose domain holds a dot (`x@y` is refused by the server, `x@y.org` accepted). */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How each format is described in error messages. */
export const EXPECTED = {
  slug: 'a lowercase slug with at least one letter, such as "my-project"',
  username: "a username of a-z, 0-9, _, ~ and -",
  uuid: "a uuid such as 3f0c4e1a-1b2c-4d3e-8f90-0123456789ab",
  email: "an e-mail address whose domain holds a dot, such as pat@example.org",
} as const;

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
