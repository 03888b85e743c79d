import { PpmsAuthScopeError, PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId } from "../internal/inputs.js";
import type { PumapiParams, SystemCredentials } from "../types.js";

/**
 * The PUMAPI actions that accept system authentication (`id` + `code`) instead of an API key:
 * the system-related booking reads. A connection made with only `system` can call these alone.
 */
export const SYSTEM_AUTH_ACTIONS: readonly string[] = Object.freeze(["getbooking", "nextbooking"]);

/** System authentication, checked: the system id as digits and its code (a secret). */
export interface SystemAuth {
  /** The system id, as PUMAPI's `id` wants it (digits). */
  readonly id: string;
  /** The system's code: a secret, never in a cache file name, a log line or an error. */
  readonly code: string;
}

/** How a connection authenticates its requests. */
export type PumapiAuth =
  /** An API key (`apikey`); an empty key is the offline, cache-only mode. */
  | { readonly kind: "key"; readonly apiKey: string }
  /** System authentication (`id` + `code`): only {@link SYSTEM_AUTH_ACTIONS}, only for that system. */
  | { readonly kind: "system"; readonly system: SystemAuth };

/**
 * Checks system credentials given by the caller (`{ id, code }`) before any request. The error
 * names the field and never shows the code.
 */
export function requireSystemCredentials(field: string, value: unknown): SystemAuth {
  if (value === null || typeof value !== "object") throw new PpmsInvalidArgumentError(field, "must be an object { id, code }");
  const { id, code } = value as Partial<SystemCredentials>;
  const systemId = requireId(`${field}.id`, id);
  if (typeof code !== "string" || code.trim() === "") throw new PpmsInvalidArgumentError(`${field}.code`, "must be a non-empty string");
  return { id: systemId, code };
}

/**
 * The form of one call: `action`, the authentication fields, then the params (undefined values
 * left out). With system authentication the form carries `id` + `code` and no `apikey`; an action
 * that does not accept it, or another system's id, fails here, before anything is sent.
 */
export function authenticatedForm(action: string, params: PumapiParams, auth: PumapiAuth): Record<string, string> {
  const form: Record<string, string> = auth.kind === "key" ? { action, apikey: auth.apiKey } : { action };
  for (const [key, value] of Object.entries(params)) {
    if (key === "action" || key === "apikey") throw new PpmsInvalidArgumentError(`params.${key}`, "is set by the connection");
    if (value !== undefined) form[key] = String(value);
  }
  if (auth.kind === "system") {
    const { id, code } = auth.system;
    if (!SYSTEM_AUTH_ACTIONS.includes(action)) {
      throw new PpmsAuthScopeError(action, `PUMAPI accepts system authentication (id + code) only for ${SYSTEM_AUTH_ACTIONS.join(", ")}`, {
        hint: "connect with an apiKey to call other actions",
      });
    }
    if (form.id !== id) {
      throw new PpmsAuthScopeError(action, `the system credentials are those of system ${id}, not of system ${form.id ?? "(none)"}`, {
        hint: "pass { system: { id, code } } of the system you ask about",
      });
    }
    form.code = code;
  }
  return form;
}
