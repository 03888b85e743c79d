import type { ResponseRecord } from "../wire/response-value.js";
import type { ParseResponseOptions } from "../wire/parse-options.js";
import { parseTable } from "../wire/table.js";
import { manifestRecord, sampleRecord } from "./billing-records.js";
import { buildNumbered } from "./build-records.js";
import { extraFields, normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/**
 * A sample manifest (one line of `getmanifestlist`: manifest reference, manifest name, order
 * ref., core facility ref., as the 2014 PUMAPI documentation lists them).
 */
export interface PpmsManifestSummary {
  /** The manifest reference, as sent (`manifestid` of `getmanifest`). */
  manifestRef: string;
  /** The manifest's name. */
  name: string;
  /** The order it belongs to, as sent (`""` when none). */
  orderRef: string;
  /** The core facility, `null` when not sent. */
  coreFacilityRef: number | null;
}

/**
 * A sample of a manifest (one line of `getmanifest`: sampleID, plate, x, y, sample reference,
 * then the manifest template's own columns).
 */
export interface PpmsSample {
  /** The sample id (`sampleID` of `addsampleresult`). */
  sampleId: string;
  /** Its plate, as sent. */
  plate: string;
  /** Its position on the plate (column), as sent. */
  x: string;
  /** Its position on the plate (row), as sent. */
  y: string;
  /** The sample reference. */
  sampleRef: string;
  /** The template's own columns (results included), keyed by their header as sent. */
  fields: Record<string, string>;
}

const SAMPLE_COLUMNS = Object.keys(sampleRecord.shape);

/**
 * Builds a {@link PpmsManifestSummary} from one parsed `getmanifestlist` record.
 *
 * @param record - header name → value
 * @returns the manifest summary
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * manifestFromRecord({ "Manifest reference": "M-71", "Manifest name": "Plate screen", "Order ref.": "1001", "Core facility ref.": "2" }).coreFacilityRef; // 2
 * ```
 */
export function manifestFromRecord(record: ResponseRecord): PpmsManifestSummary {
  const normalised = normaliseKeys(record);
  // The 2014 documentation's spellings: "order ref. for manifest", "core facility reference".
  for (const [spelt, name] of [["orderrefformanifest", "orderref"], ["corefacilityreference", "corefacilityref"]] as const) {
    const value = normalised[spelt];
    if (!(name in normalised) && value !== undefined) normalised[name] = value;
  }
  const r = checkRecord(manifestRecord, normalised);
  return { manifestRef: r.manifestreference || r.manifestref, name: r.manifestname, orderRef: r.orderref, coreFacilityRef: r.corefacilityref };
}

/**
 * Builds a {@link PpmsSample} from one parsed `getmanifest` record; the columns after the
 * documented five go to {@link PpmsSample.fields}.
 *
 * @param record - header name → value
 * @returns the sample
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * sampleFromRecord({ sampleID: "S-0001", plate: "P1", x: "1", y: "A", "sample reference": "Well A1", viability: "92%" }).fields; // { viability: "92%" }
 * ```
 */
export function sampleFromRecord(record: ResponseRecord): PpmsSample {
  const r = checkRecord(sampleRecord, normaliseKeys(record));
  return { sampleId: r.sampleid, plate: r.plate, x: r.x, y: r.y, sampleRef: r.samplereference || r.sampleref, fields: extraFields(record, SAMPLE_COLUMNS) };
}

/**
 * Parses a `getmanifestlist` CSV answer. Empty text is no manifests.
 *
 * @param text - the answer body
 * @returns one summary per manifest
 * @example
 * ```ts
 * parseManifestList("Manifest reference,Manifest name,Order ref.,Core facility ref.\r\nM-71,Plate screen,1001,2\r\n")[0]?.name; // "Plate screen"
 * ```
 */
export function parseManifestList(text: string): PpmsManifestSummary[] {
  return buildNumbered(manifestListRows(text), manifestFromRecord);
}

/**
 * The records of a `getmanifestlist` CSV answer, its header found by the manifest columns' names
 * (the 2014 documentation's spellings included). The connection and {@link parseManifestList}
 * both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per manifest
 * @example
 * ```ts
 * const rows = manifestListRows("Manifest reference,Manifest name,Order ref.,Core facility ref.\r\nM-71,Plate A,1002,2\r\n");
 * rows.length; // 1
 * ```
 */
export function manifestListRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["Manifest reference", "Manifest name", "Order ref.", "Core facility ref.", "Order ref. for manifest", "Core facility reference"] });
}

/**
 * Parses a `getmanifest` CSV answer. Empty text is no samples.
 *
 * @param text - the answer body
 * @returns the samples
 * @example
 * ```ts
 * parseManifest("sampleID,plate,x,y,sample reference,viability\r\nS-0001,P1,1,A,Well A1,92%\r\n")[0]?.fields; // { viability: "92%" }
 * ```
 */
export function parseManifest(text: string): PpmsSample[] {
  return buildNumbered(manifestRows(text), sampleFromRecord);
}

/**
 * The records of a `getmanifest` CSV answer, its header found by the sample columns' names. The
 * connection and {@link parseManifest} both read through it.
 *
 * @param text - the answer body
 * @param options - strictness and the logger of the tolerance warnings
 * @returns one record per sample
 * @example
 * ```ts
 * const rows = manifestRows("sampleID,plate,x,y,sample reference\r\nS-0001,P1,1,1,cells A\r\n");
 * rows.length; // 1
 * ```
 */
export function manifestRows(text: string, options: ParseResponseOptions = {}): ResponseRecord[] {
  return parseTable(text, { ...options, expect: ["sampleID", "plate", "x", "y", "sample reference"] });
}
