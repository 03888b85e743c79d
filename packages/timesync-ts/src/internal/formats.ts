// Identifier and value formats the client checks before sending anything. They are the reference
// server's own rules, so nothing it would refuse leaves the machine and nothing it accepts is refused.

/**
 * Lowercase alphanumerics separated by single dashes, holding at least one letter: `web`,
 * `ganeti-webmgr`, `web2`; not `12345` (the server refuses digits-only slugs).
 */
export const SLUG_RE = /^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An RFC 4122-shaped uuid (any version), case-insensitive. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The reference server lowercases a username before its own check, then stores and looks it up as sent:
// `MixedCase1` is a valid username there, and so it is here.
const USERNAME_CHARS = /^[a-z0-9_~-]+$/;
/** Usernames as the server accepts them: `a-z 0-9 _ ~ -` after lowercasing (`MixedCase1`, `t~x` yes; `d.x`, `a@b` no). */
export function isUsername(value: string): boolean {
  return USERNAME_CHARS.test(value.toLowerCase());
}

// The reference server's e-mail rule, rewritten without its nested quantifiers (which backtrack badly).
// A "character" is an ASCII letter, a digit, or `|` (the server's character class holds a literal `|`).
// Local part: at least two characters (`p@example.org` no); a single `.` or `_` may follow any
// character but the last; one optional `+`, followed only by characters (`pat+x.y` no). Domain: at
// least three characters before the last dot, with at most two dots among them, each directly before
// one of the last two characters (`example.org`, `a.b.c.org`, `ab.c.org` yes; `mail.example.org`,
// `ab.org`, `a.b.org` no), then that dot and a lowercase top-level domain of two or three letters
// (`.info`, `.ORG` no). No hyphens anywhere; `|` is accepted wherever a character is.
const EMAIL_LOCAL_PLAIN = /^[A-Za-z0-9|](?:[._]?[A-Za-z0-9|])+$/;
const EMAIL_LOCAL_PLUS = /^[A-Za-z0-9|](?:[._]?[A-Za-z0-9|])*[._]?\+[A-Za-z0-9|]+$/;
const EMAIL_DOMAIN = /^[A-Za-z0-9|]+(?:\.?[A-Za-z0-9|]){2}\.[a-z]{2,3}$/;
/** An e-mail address the reference server accepts (see the rule above); `pat@example.org` passes. */
export function isEmail(value: string): boolean {
  const at = value.indexOf("@");
  if (at < 0 || value.indexOf("@", at + 1) >= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (EMAIL_LOCAL_PLAIN.test(local) || EMAIL_LOCAL_PLUS.test(local)) && EMAIL_DOMAIN.test(domain);
}

/** How each format is described in error messages. */
export const EXPECTED = {
  slug: 'a lowercase slug with at least one letter, such as "my-project"',
  username: "a username of letters, digits, _, ~ and - (checked lowercased; stored and matched as written)",
  uuid: "a uuid such as 3f0c4e1a-1b2c-4d3e-8f90-0123456789ab",
  email:
    "an e-mail address the server accepts, such as pat@example.org: ASCII letters, digits and | (no hyphens); before the @ at least two of them, a single . or _ between two, one optional + followed by letters and digits only; after it at least three, with a dot only directly before one of the last two (a.b.c.org yes, mail.example.org no), then a dot and a lowercase 2- or 3-letter top-level domain",
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
