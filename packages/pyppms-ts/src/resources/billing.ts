import { requireData } from "../client/answer-checks.js";
import { stateOf } from "../client/state.js";
import { bcodeFromRecord, type PpmsBcode } from "../models/projects.js";
import type { CallOptions } from "../types.js";
import { buildRecords } from "./shared.js";

/**
 * The billing methods of {@link PpmsConnection} (PUMAPI `getbcodes`). Holds no fields. Orders,
 * invoices, services and prices belong here too (not wrapped yet).
 *
 * @example
 * ```ts
 * const bcodes = await ppms.getBcodes();
 * ```
 */
export abstract class PpmsBillingApi {
  /**
   * All billing codes (`getbcodes`).
   *
   * @param options - `signal`
   * @returns the billing codes
   * @example
   * ```ts
   * const bcodes = await ppms.getBcodes();
   * ```
   */
  async getBcodes(options: CallOptions = {}): Promise<PpmsBcode[]> {
    const s = stateOf(this);
    return s.client.read(
      "getbcodes",
      {},
      (answer) => {
        requireData(answer);
        return buildRecords(answer.text, s.parseOptions, bcodeFromRecord);
      },
      options,
    );
  }
}
