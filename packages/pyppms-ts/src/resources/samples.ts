import { callAction } from "../client/call.js";
import { confirmedWrite } from "../client/declaration.js";
import { id, optional, reference, text } from "../client/param-rules.js";
import { stateOf } from "../client/state.js";
import { requireReference } from "../internal/inputs.js";
import { manifestFromRecord, manifestListRows, manifestRows, sampleFromRecord, type PpmsManifestSummary, type PpmsSample } from "../models/samples.js";
import type { CallOptions } from "../types.js";
import type { CoreFilterOptions } from "./orders.js";
import { coreParams, readTable, requireTrimmed, tableRead } from "./tables.js";

/** The sample-manifest actions, declared once: the client derives retries, caching, checks and parsing from them. */
export const SAMPLE_ACTIONS = {
  getmanifestlist: tableRead("getmanifestlist", { coreid: optional(id) }, { build: manifestFromRecord, rows: manifestListRows }),
  getmanifest: tableRead("getmanifest", { manifestid: reference }, { build: sampleFromRecord, rows: manifestRows, unknown: (sent) => `Manifest [${sent.manifestid ?? ""}]` }),
  addsampleresult: confirmedWrite("addsampleresult", { sampleID: text, title: text, value: text }),
};

/**
 * The sample-manifest methods of {@link PpmsConnection} (PUMAPI `getmanifestlist`, `getmanifest`,
 * `addsampleresult`). Holds no fields.
 *
 * @example
 * ```ts
 * const [manifest] = await ppms.getManifestList({ coreId: 2 });
 * const samples = manifest === undefined ? [] : await ppms.getManifest(manifest.manifestRef);
 * ```
 */
export abstract class PpmsSamplesApi {
  /**
   * The sample manifests (`getmanifestlist`).
   *
   * @param options - `coreId` (one core facility), `signal`
   * @returns one summary per manifest
   * @example
   * ```ts
   * const manifests = await ppms.getManifestList();
   * manifests.map((m) => `${m.name} (order ${m.orderRef})`);
   * ```
   */
  async getManifestList(options: CoreFilterOptions = {}): Promise<PpmsManifestSummary[]> {
    return readTable(stateOf(this), SAMPLE_ACTIONS.getmanifestlist, coreParams(options.coreId), options);
  }

  /**
   * The samples of a manifest, with their results (`getmanifest`).
   *
   * @param manifestId - the manifest reference as {@link PpmsManifestSummary.manifestRef} gives
   *   it (e.g. `"M-71"`), or a number; sent trimmed
   * @param options - `signal`
   * @returns the samples
   * @throws {@link PpmsInvalidArgumentError} for an empty reference, before any request;
   *   {@link NoDataError} naming the action and the manifest when PPMS does not know it
   * @example
   * ```ts
   * const samples = await ppms.getManifest("M-71");
   * samples[0]?.fields; // the template's own columns, e.g. { Type: "cells", viability: "92%" }
   * ```
   */
  async getManifest(manifestId: number | string, options: CallOptions = {}): Promise<PpmsSample[]> {
    // Sent as given: getmanifestlist's references are text (`M-71`); the 2014 documentation does not say digits.
    return readTable(stateOf(this), SAMPLE_ACTIONS.getmanifest, { manifestid: requireReference("manifestId", manifestId) }, options);
  }

  /**
   * Adds a result to a sample (`addsampleresult`; a result with the same title is replaced).
   * Sample id, title and value are checked (non-empty) before sending. Never retried.
   *
   * @param sampleId - the sample id (as {@link PpmsSample.sampleId}), e.g. `S-0002`
   * @param title - what was measured, e.g. `viability`
   * @param value - the value, e.g. `88%`
   * @param options - `signal`
   * @throws {@link PpmsInvalidArgumentError} naming the empty argument, before any request;
   *   {@link PumapiActionError} when PUMAPI refuses (e.g. `error: invalid sample S-9999`)
   * @example
   * ```ts
   * await ppms.addSampleResult("S-0002", "viability", "88%");
   * ```
   */
  async addSampleResult(sampleId: string, title: string, value: string, options: CallOptions = {}): Promise<void> {
    const params = { sampleID: requireTrimmed("sampleId", sampleId), title: requireTrimmed("title", title), value: requireTrimmed("value", value) };
    await callAction(stateOf(this), SAMPLE_ACTIONS.addsampleresult, params, options);
  }
}
