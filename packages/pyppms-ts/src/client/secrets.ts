import { Redactor } from "@facility-sdk/http-core";

/**
 * The PUMAPI form fields whose values are secrets: the API key, a user's password, the master
 * password and a system's code. They are never put in a cache file name or a recorded body, and
 * are masked in every log line and error.
 */
export const PUMAPI_SECRET_FIELDS: readonly string[] = Object.freeze(["apikey", "pwd", "psapwd", "code"]);

/** A redactor with PUMAPI's secret rules, and the API key as a literal secret (masked wherever it appears). */
export function createPumapiRedactor(apiKey: string): Redactor {
  return new Redactor({ formFields: PUMAPI_SECRET_FIELDS }).addSecretValue(apiKey === "" ? undefined : apiKey);
}
