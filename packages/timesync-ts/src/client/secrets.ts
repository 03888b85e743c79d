import { Redactor } from "@facility-sdk/http-core";

/** Signature written in place of a token's own wherever a token is masked. */
export const MASKED_SIGNATURE = Buffer.from("masked-signature").toString("base64");

/** bcrypt hashes (`$2a$10$` + 53 characters), whatever the variant and cost; a cut-off hash too. */
export const BCRYPT_HASH = /\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]*/g;

/**
 * A copy of a TimeSync token that cannot authenticate: header and claims kept (so the user and the
 * expiry stay readable), signature replaced. Non-token input becomes a fixed placeholder.
 */
export function maskToken(token: string): string {
  const parts = token.split(".");
  if (parts.length !== 3) return "masked-token";
  return `${parts[0]}.${parts[1]}.${MASKED_SIGNATURE}`;
}

/**
 * The redactor of one client: the secret rules of TimeSync (the token in the query and in any JSON,
 * passwords in any JSON, bcrypt hashes anywhere). The client adds the literal values it learns (the
 * token, the password, each hash) as it goes. One redactor serves errors, logs and recordings.
 */
export function timeSyncRedactor(): Redactor {
  return new Redactor({
    queryParams: ["token"],
    jsonKeys: ["token", "password"],
    textPatterns: [BCRYPT_HASH],
    maskers: { token: maskToken },
  });
}
