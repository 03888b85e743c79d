/** Signature written into recorded login answers in place of the real one. */
export const MASKED_SIGNATURE = Buffer.from("masked-signature").toString("base64");

/**
 * A copy of a TimeSync token that cannot authenticate: header and claims kept (so a replayed login
 * still yields a decodable token with its expiry), signature replaced. Non-token input becomes a
 * fixed placeholder.
 */
export function maskToken(token: string): string {
  const parts = token.split(".");
  if (parts.length !== 3) return "masked-token";
  return `${parts[0]}.${parts[1]}.${MASKED_SIGNATURE}`;
}
