import type { FakeClock, LegacyDateClock } from "../clock.js";
import type { PumapiSeed } from "./types.js";

// Options of the fake and the shapes of its requests, answers and request log.

/** Options of {@link FakePumapi} and {@link startFakePumapi}. */
export interface FakePumapiOptions {
  /** The PUMAPI key clients must send as `apikey` (default `"fake-pumapi-key"`, not a secret). */
  apiKey?: string;
  /** The key API2 wants (default: the same as `apiKey`). */
  api2Key?: string;
  /** System id → code for system authentication (`id` + `code`) of `getbooking`/`nextbooking`. */
  systemCodes?: Record<number, string>;
  /**
   * The fake's clock, epoch milliseconds as for fake TimeSync: "now" of `getbooking`/`nextbooking` and
   * "today" of writes (default: real time). A clock returning a `Date` is still accepted for one release
   * (deprecated: return `date.getTime()` instead).
   */
  now?: FakeClock | LegacyDateClock;
  /** Delay before each HTTP answer (default 0). */
  latencyMs?: number;
  /** Initial data (default {@link defaultPumapiSeed}); `{}` starts an empty facility. */
  seed?: PumapiSeed;
  /** `nextbooking` leaves out sessions starting later than this (default 7 days = 10080 minutes). */
  nextBookingHorizonMinutes?: number;
  /**
   * Reproduce the back-to-back quirk: at the very minute a session starts right where another one on
   * the same system ends, `getbooking` answers empty (default `false`).
   */
  backToBackQuirk?: boolean;
}

/** A request as the transport-free core sees it. */
export interface PumapiFakeRequest {
  /** URL path (a query string is ignored), e.g. `/pumapi/` or `/API2/`. */
  path: string;
  /** The form fields (body and query merged). */
  form: Record<string, string>;
}

/** An answer of the core. */
export interface PumapiFakeResponse {
  /** HTTP status: 200 for every PUMAPI and API2 answer, 404 for another path. */
  status: number;
  /** Response headers (`content-type`). */
  headers: Record<string, string>;
  /** The body text. */
  body: string;
}

/** One received request, secrets (`apikey`, `pwd`, `code`, `psapwd`) masked as `***`. */
export interface PumapiRequestLogEntry {
  /** `pumapi`, `api2`, or the raw path for anything else. */
  endpoint: string;
  /** The `action` field (`""` when missing). */
  action: string;
  /** The form, masked. */
  form: Record<string, string>;
}
