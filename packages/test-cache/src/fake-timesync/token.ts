import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FakeClock } from "../clock.js";

/** Claims the fake puts in its tokens (times in epoch milliseconds, like the reference server). */
export interface FakeTokenClaims {
  /** Issuer. */
  iss: string;
  /** Username. */
  sub: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
  /** Issue time, epoch milliseconds. */
  iat: number;
}

// The reference server's tokens are JWT-shaped but use standard base64 *with* padding.
const HEADER = Buffer.from(JSON.stringify({ typ: "JWT", alg: "HMAC-SHA512" })).toString("base64");

/** Issues and verifies the fake server's tokens; `reset()` forgets every token (a server restart). */
export class FakeTokenIssuer {
  private secret = randomBytes(32);
  private readonly live = new Set<string>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: FakeClock,
  ) {}

  /** Issues a token for `username`. */
  issue(username: string): string {
    const iat = this.now();
    const claims: FakeTokenClaims = { iss: "fake-timesync", sub: username, exp: iat + this.lifetimeMs, iat };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64");
    const token = `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
    this.live.add(token);
    return token;
  }

  /** Returns the username of a live, unexpired token, or undefined. */
  verify(token: string): string | undefined {
    if (!this.live.has(token)) return undefined;
    const [header, payload, signature] = token.split(".");
    if (header === undefined || payload === undefined || signature === undefined) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as FakeTokenClaims;
    if (claims.exp <= this.now()) return undefined;
    return claims.sub;
  }

  /** Forgets all tokens and changes the signing key, as a restart of the reference server does. */
  reset(): void {
    this.live.clear();
    this.secret = randomBytes(32);
  }

  private sign(input: string): string {
    return createHmac("sha512", this.secret).update(input).digest("base64");
  }
}
