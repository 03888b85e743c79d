import { callAction } from "../client/call.js";
import { confirmedWrite, declareAction } from "../client/declaration.js";
import { anyText, id, oneOf, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId, requireText } from "../internal/inputs.js";
import type { CallOptions, IncidentSeverity } from "../types.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";
import type { ResponseRecord } from "../wire/response-value.js";

/** The incident and session-note actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const INCIDENT_ACTIONS = {
  getinc: declareAction({ action: "getinc", kind: "read", params: { id }, empty: "parse", recorded: "always", parse: (answer, { state }): ResponseRecord[] => parseMultilineResponse(answer.text, state.parseOptions) }),
  createinc: confirmedWrite("createinc", { id, severity: oneOf("1", "2", "3"), descr: text }),
  getsessionnote: declareAction({ action: "getsessionnote", kind: "read", params: { resid: id }, empty: "parse", recorded: "always", parse: (answer) => answer.text.replace(/(\r\n|\n|\r)+$/, "") }),
  setsessionnote: confirmedWrite("setsessionnote", { resid: id, note: anyText }),
};

/**
 * The incident and session-note methods of {@link PpmsConnection} (PUMAPI `getinc`, `createinc`,
 * `getsessionnote`, `setsessionnote`). Holds no fields.
 *
 * @example
 * ```ts
 * await ppms.createIncident(31, 2, "Stage drift");
 * ```
 */
export abstract class PpmsIncidentsApi {
  /**
   * Incidents of a system (`getinc`), as parsed CSV records (none for an unknown system).
   *
   * @param systemId - the system id
   * @param options - `signal`
   * @returns one record per incident
   * @example
   * ```ts
   * const incidents = await ppms.getIncidents(31);
   * ```
   */
  async getIncidents(systemId: number | string, options: CallOptions = {}): Promise<ResponseRecord[]> {
    const s = stateOf(this);
    return callAction(s, INCIDENT_ACTIONS.getinc, { id: requireId("systemId", systemId) }, options);
  }

  /**
   * Reports an incident on a system (`createinc`). Never retried.
   *
   * @param systemId - the system id
   * @param severity - 1 (low) to 3 (high)
   * @param description - what happened
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.createIncident(31, 2, "Stage-drift");
   * ```
   */
  async createIncident(systemId: number | string, severity: IncidentSeverity, description: string, options: CallOptions = {}): Promise<void> {
    const id = requireId("systemId", systemId);
    if (severity !== 1 && severity !== 2 && severity !== 3) {
      throw new PpmsInvalidArgumentError("severity", `must be 1, 2 or 3; got ${JSON.stringify(severity)}`);
    }
    await callAction(stateOf(this), INCIDENT_ACTIONS.createinc, { id, severity: String(severity), descr: requireText("description", description) }, options);
  }

  /**
   * The note of a booking session (`getsessionnote`).
   *
   * @param sessionId - the session id (as in {@link PpmsBooking.session})
   * @param options - `signal`
   * @returns the note (empty when none)
   * @example
   * ```ts
   * await ppms.getSessionNote(12345);
   * ```
   */
  async getSessionNote(sessionId: number | string, options: CallOptions = {}): Promise<string> {
    const resid = requireId("sessionId", sessionId);
    return callAction(stateOf(this), INCIDENT_ACTIONS.getsessionnote, { resid }, options);
  }

  /**
   * Sets the note of a booking session (`setsessionnote`). Never retried.
   *
   * @param sessionId - the session id
   * @param note - the note
   * @param options - `signal`
   * @example
   * ```ts
   * await ppms.setSessionNote(12345, "Checked");
   * ```
   */
  async setSessionNote(sessionId: number | string, note: string, options: CallOptions = {}): Promise<void> {
    if (typeof note !== "string") throw new PpmsInvalidArgumentError("note", "must be a string");
    await callAction(stateOf(this), INCIDENT_ACTIONS.setsessionnote, { resid: requireId("sessionId", sessionId), note }, options);
  }
}
