import { TimeSyncValidationError } from "../errors.js";

/** The claims of a TimeSync token; `exp` and `iat` are epoch **milliseconds** (not seconds). */
export interface TimeSyncTokenClaims {
  /** Issuer. */
  iss?: string;
  /** The username the token belongs to. */
  sub: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
  /** Issue time, epoch milliseconds. */
  iat?: number;
}

function decodePart(part: string): unknown {
  // The server uses standard base64 with padding; accept base64url too, to be lenient.
  const normalised = part.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalised)) throw new Error("not base64");
  return JSON.parse(Buffer.from(normalised, "base64").toString("utf8"));
}

/**
 * Decodes the payload of a TimeSync token by hand (standard JWT libraries reject it: its parts are
 * padded standard base64 and its times are milliseconds). The signature is not checked.
 *
 * @param token - the token from `authenticate()`
 * @throws {@link TimeSyncValidationError} (field `token`) when it is not a TimeSync token; the
 *   message never contains the token
 *
 * @example
 * ```ts
 * const { sub, exp } = decodeTimeSyncToken(ts.token ?? "");
 * console.log(sub, new Date(exp));
 * ```
 */
export function decodeTimeSyncToken(token: string): TimeSyncTokenClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new TimeSyncValidationError("token", "expected three dot-separated parts");
  let claims: unknown;
  try {
    claims = decodePart(parts[1] ?? "");
  } catch {
    throw new TimeSyncValidationError("token", "the payload is not base64-encoded JSON");
  }
  if (claims === null || typeof claims !== "object") throw new TimeSyncValidationError("token", "the payload is not a JSON object");
  const { sub, exp, iat, iss } = claims as Record<string, unknown>;
  if (typeof sub !== "string") throw new TimeSyncValidationError("token", "the payload has no `sub`");
  if (typeof exp !== "number" || !Number.isFinite(exp)) throw new TimeSyncValidationError("token", "the payload has no numeric `exp`");
  return {
    sub,
    exp,
    ...(typeof iat === "number" ? { iat } : {}),
    ...(typeof iss === "string" ? { iss } : {}),
  };
}
