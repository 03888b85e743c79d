import type { ResponseRecord } from "../wire/response-value.js";
import { manifestRecord, sampleRecord } from "./billing-records.js";
import { normaliseKeys } from "./normalise-keys.js";
import { checkRecord } from "./validators.js";

/** A sample manifest (one line of `getmanifestlist`): a batch of samples sent to a core facility. */
export interface PpmsManifestSummary {
  /** The manifest id (`manifestid` of `getmanifest`). */
  manifestId: number;
  /** The core facility it was sent to. */
  coreFacilityRef: number;
  /** Its title. */
  title: string;
  /** The login that sent it. */
  login: string;
  /** The day it was sent (`YYYY-MM-DD`). */
  date: string;
  /** How many samples it holds. */
  sampleCount: number;
}

/** One result of a sample: a title and its value (`addsampleresult`'s `title` and `value`). */
export interface PpmsSampleResult {
  /** What was measured, e.g. `viability`. */
  title: string;
  /** The value, as text, e.g. `92%`. */
  value: string;
}

/** A sample of a manifest (one line of `getmanifest`). */
export interface PpmsSample {
  /** The sample id (`sampleID` of `addsampleresult`), e.g. `S-0001`. */
  sampleId: string;
  /** The manifest it belongs to. */
  manifestId: number;
  /** The sample's name. */
  name: string;
  /** The sample's type, e.g. `cells`. */
  type: string;
  /** Its results, in order (parsed from {@link PpmsSample.resultsText}). */
  results: PpmsSampleResult[];
  /** The `Results` column as sent: `title: value` pairs joined by `; ` (`""` when none). */
  resultsText: string;
}

/**
 * Splits a `Results` column (`title: value` pairs joined by `; `) into results. A pair without
 * `:` is a title with an empty value; empty pairs are skipped.
 *
 * @param text - the column, e.g. `viability: 92%; purity: 88%`
 * @returns the results, in order
 * @example
 * ```ts
 * parseSampleResults("viability: 92%; purity: 88%");
 * // → [{ title: "viability", value: "92%" }, { title: "purity", value: "88%" }]
 * ```
 */
export function parseSampleResults(text: string): PpmsSampleResult[] {
  const results: PpmsSampleResult[] = [];
  for (const pair of text.split(";")) {
    const trimmed = pair.trim();
    if (trimmed === "") continue;
    const colon = trimmed.indexOf(":");
    results.push(colon < 0 ? { title: trimmed, value: "" } : { title: trimmed.slice(0, colon).trim(), value: trimmed.slice(colon + 1).trim() });
  }
  return results;
}

/**
 * Builds a {@link PpmsManifestSummary} from one parsed `getmanifestlist` record.
 *
 * @param record - header name → value
 * @returns the manifest summary
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse('Manifest id,Core facility ref.,Title,Login,Date,Samples\r\n71,2,"Plate screen, March","jdoe","2030-03-10",2\r\n');
 * manifestFromRecord(row!).sampleCount; // 2
 * ```
 */
export function manifestFromRecord(record: ResponseRecord): PpmsManifestSummary {
  const r = checkRecord(manifestRecord, normaliseKeys(record));
  return { manifestId: r.manifestid, coreFacilityRef: r.corefacilityref, title: r.title, login: r.login, date: r.date, sampleCount: r.samples };
}

/**
 * Builds a {@link PpmsSample} from one parsed `getmanifest` record, its `Results` split into
 * results.
 *
 * @param record - header name → value
 * @returns the sample
 * @throws {@link ResponseFormatError} naming the field when one does not fit
 * @example
 * ```ts
 * const [row] = parseMultilineResponse('Sample ID,Manifest id,Name,Type,Results\r\n"S-0001",71,"Well A1","cells","viability: 92%"\r\n');
 * sampleFromRecord(row!).results; // [{ title: "viability", value: "92%" }]
 * ```
 */
export function sampleFromRecord(record: ResponseRecord): PpmsSample {
  const r = checkRecord(sampleRecord, normaliseKeys(record));
  return { sampleId: r.sampleid, manifestId: r.manifestid, name: r.name, type: r.type, results: parseSampleResults(r.results), resultsText: r.results };
}
