import { requireData, validationError } from "../client/answer-checks.js";
import { stateOf } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { ResponseFormatError } from "../errors/format.js";
import { PpmsSystem } from "../models/system.js";
import type { CallOptions } from "../types.js";
import { parseMultilineResponse } from "../wire/multiline-response.js";

/**
 * The system methods of {@link PpmsConnection} (PUMAPI `getsystems`), with pyppms' in-memory
 * cache of systems. Holds no fields.
 *
 * @example
 * ```ts
 * const systems = await ppms.getSystems();
 * ```
 */
export abstract class PpmsSystemsApi {
  /**
   * All systems (pyppms' `get_systems`): the in-memory cache when filled, else fetched.
   *
   * @param options - `forceRefresh` to fetch again; `signal`
   * @returns system id → system
   * @example
   * ```ts
   * const systems = await ppms.getSystems();
   * systems.get(31)?.name; // "Zeiss LSM 900"
   * ```
   */
  async getSystems(options: CallOptions & { forceRefresh?: boolean | undefined } = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    const s = stateOf(this);
    if (s.systems.size > 0 && options.forceRefresh !== true) return s.systems;
    return this.updateSystems(options);
  }

  /**
   * Fetches all systems again (pyppms' `update_systems`). A line that does not fit (e.g. a
   * system id that is not a number) is logged and skipped, as pyppms does; in strict mode it
   * throws a {@link PumapiValidationError}. An empty answer throws a {@link NoDataError} naming
   * the action (PUMAPI always sends the header line).
   *
   * @param options - `signal`
   * @returns system id → system
   * @example
   * ```ts
   * await ppms.updateSystems();
   * ```
   */
  async updateSystems(options: CallOptions = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    const s = stateOf(this);
    const systems = await s.client.read(
      "getsystems",
      {},
      (answer) => {
        requireData(answer);
        const found = new Map<number, PpmsSystem>();
        parseMultilineResponse(answer.text, s.parseOptions).forEach((row, index) => {
          let system: PpmsSystem;
          try {
            system = PpmsSystem.fromParsedResponse(row);
          } catch (error) {
            if (!(error instanceof ResponseFormatError)) throw error;
            const wrapped = validationError(answer, error, `record ${index + 2}`);
            if (s.strict) throw wrapped;
            s.logger.error(`Skipping a 'getsystems' line: ${wrapped.message}`);
            return;
          }
          if (found.has(system.systemId)) s.logger.warn(`Duplicate system id ${system.systemId} in 'getsystems'`);
          found.set(system.systemId, system);
        });
        return found;
      },
      options,
    );
    s.systems = systems;
    return systems;
  }

  /**
   * Ids of the systems whose localisation contains `localisation` (case-insensitive; `""` for
   * any) and whose name contains any of `nameContains` (pyppms' `get_systems_matching`).
   *
   * @param localisation - part of the localisation, or `""`
   * @param nameContains - parts of names (case-sensitive)
   * @param options - `signal`
   * @returns the matching system ids
   * @example
   * ```ts
   * await ppms.getSystemsMatching("B.12", ["Zeiss", "Confocal"]); // [31, 33]
   * ```
   */
  async getSystemsMatching(localisation: string, nameContains: readonly string[], options: CallOptions = {}): Promise<number[]> {
    if (typeof localisation !== "string") throw new PpmsInvalidArgumentError("localisation", "must be a string");
    if (!Array.isArray(nameContains)) throw new PpmsInvalidArgumentError("nameContains", "must be an array of strings");
    const loc = localisation.toLowerCase();
    const ids: number[] = [];
    for (const [id, system] of await this.getSystems(options)) {
      if (!system.localisation.toLowerCase().includes(loc)) continue;
      if (nameContains.some((part) => system.name.includes(part))) ids.push(id);
    }
    return ids;
  }
}
