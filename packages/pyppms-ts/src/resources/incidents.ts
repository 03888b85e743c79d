import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { requireId, requireText } from "../internal/inputs.js";
import type { CallOptions, IncidentSeverity } from "../types.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";
import type { ResponseRecord } from "../wire/response-value.js";

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
    return s.client.read("getinc", { id: requireId("systemId", systemId) }, (answer) => parseMultilineResponse(answer.text, s.parseOptions), options);
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
    await stateOf(this).client.write("createinc", { id, severity, descr: requireText("description", description) }, undefined, options);
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
    return stateOf(this).client.read("getsessionnote", { resid }, (answer) => answer.text.replace(/(\r\n|\n|\r)+$/, ""), options);
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
    await stateOf(this).client.write("setsessionnote", { resid: requireId("sessionId", sessionId), note }, undefined, options);
  }
}
