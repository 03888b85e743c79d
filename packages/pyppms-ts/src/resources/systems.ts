import type { PumapiAnswer } from "../client/answer.js";
import { formatParam, recordsOf } from "../client/answer-format.js";
import { requireData, validationError } from "../client/answer-checks.js";
import { callAction } from "../client/call.js";
import { declareAction } from "../client/declaration.js";
import { format, id, optional } from "../client/param-rules.js";
import { stateOf, type ConnectionState } from "../client/state.js";
import { PpmsInvalidArgumentError } from "../errors/argument.js";
import { ResponseFormatError } from "../errors/format.js";
import { requireId } from "../internal/inputs.js";
import { PpmsSystem } from "../models/system.js";
import type { CallOptions } from "../types.js";

/** Options of {@link PpmsSystemsApi.getSystems}. */
export interface GetSystemsOptions extends CallOptions {
  /** Fetch all systems again even when the in-memory cache is filled. */
  forceRefresh?: boolean | undefined;
  /**
   * Only this system (PUMAPI `getsystems` with `id`): always asked, and the in-memory cache is
   * neither read nor changed.
   */
  id?: number | string | undefined;
}

/**
 * Parses a `getsystems` answer (CSV, or JSON when asked): a line that does not fit is logged and
 * skipped (pyppms' behaviour), or throws in strict mode; a duplicate id is logged.
 */
function parseSystems(answer: PumapiAnswer, s: ConnectionState): Map<number, PpmsSystem> {
  const found = new Map<number, PpmsSystem>();
  recordsOf(answer, s).forEach((row, index) => {
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
}

/** The system actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const SYSTEM_ACTIONS = {
  getsystems: declareAction({
    action: "getsystems",
    kind: "read",
    params: { id: optional(id), format },
    // With `id`, an empty answer is "no such system" (an empty map); without, PUMAPI always sends the header.
    empty: "parse",
    recorded: "always",
    parse: (answer, { state, params }) => {
      if (params.id !== undefined && answer.text.trim() === "") return new Map<number, PpmsSystem>();
      requireData(answer);
      return parseSystems(answer, state);
    },
  }),
};

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
   * All systems (pyppms' `get_systems`): the in-memory cache when filled, else fetched. With
   * `id`, only that system, always asked (`getsystems` with `id`): a map holding it, or an empty
   * map when PPMS does not know it; the in-memory cache of all systems is left as it is. Honours
   * the connection's `format` (CSV or JSON).
   *
   * @param options - `forceRefresh` to fetch again; `id` for one system; `signal`
   * @returns system id → system
   * @example
   * ```ts
   * const systems = await ppms.getSystems();
   * systems.get(31)?.name; // "Zeiss LSM 900"
   * const one = await ppms.getSystems({ id: 50 }); // Map { 50 => PpmsSystem }
   * ```
   */
  async getSystems(options: GetSystemsOptions = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    const s = stateOf(this);
    if (options.id !== undefined) {
      return callAction(s, SYSTEM_ACTIONS.getsystems, { id: requireId("id", options.id), ...formatParam(s) }, options);
    }
    if (s.systems.size > 0 && options.forceRefresh !== true) return s.systems;
    return this.cacheUpdateSystems(options);
  }

  /**
   * Fetches all systems again into the in-memory cache (pyppms 4.0's `cache_update_systems`, 3.x's
   * `update_systems`). A line that does not fit (e.g. a system id that is not a number) is logged
   * and skipped, as pyppms does; in strict mode it throws a {@link PumapiValidationError}. An
   * empty answer throws a {@link NoDataError} naming the action (PUMAPI always sends the header line).
   *
   * @param options - `signal`
   * @returns system id → system
   * @example
   * ```ts
   * await ppms.cacheUpdateSystems();
   * ```
   */
  async cacheUpdateSystems(options: CallOptions = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    const s = stateOf(this);
    const systems = await callAction(s, SYSTEM_ACTIONS.getsystems, formatParam(s), options);
    s.systems = systems;
    return systems;
  }

  /**
   * Fetches all systems again into the in-memory cache (pyppms 3.x's `update_systems`).
   *
   * @deprecated Use {@link PpmsSystemsApi.cacheUpdateSystems} (pyppms 4.0's `cache_update_systems`); this alias calls it.
   * @param options - `signal`
   * @returns system id → system
   * @example
   * ```ts
   * await ppms.updateSystems(); // same as ppms.cacheUpdateSystems()
   * ```
   */
  async updateSystems(options: CallOptions = {}): Promise<ReadonlyMap<number, PpmsSystem>> {
    return this.cacheUpdateSystems(options);
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
