import { formFieldKey, type CacheKeyFunction } from "@facility-sdk/http-core";
import { PUMAPI_SECRET_FIELDS } from "./secrets.js";

/** Options of {@link pumapiFormKey}. */
export interface PumapiFormKeyOptions {
  /** More form fields to keep out of file names, besides `apikey`, `pwd`, `psapwd` and `code`. */
  secretFields?: readonly string[];
}

/**
 * The cache key of pyppms' on-disk layout: `<dir>/<action>/<k1--v1__k2--v2>.txt`, keys sorted,
 * `action` and the secret fields (`apikey`, `pwd`, `psapwd`, `code`) left out, `response` when
 * nothing remains. The connection uses it for its `cache`; use it too for your own fixtures
 * (test-cache's `useStage`, `startReplayServer`, a `RecordReplayCache`).
 *
 * @param options - more secret fields to leave out
 * @returns the key function
 * @example
 * ```ts
 * const key = pumapiFormKey();
 * key({ method: "POST", url: "https://ppms.example/pumapi/", form: { action: "getuser", apikey: "k", login: "jdoe" } });
 * // → { folder: "getuser", name: "login--jdoe" }
 * const stage = useStage({ suite: "pumapi", stage: 1, key: pumapiFormKey() });
 * ```
 */
export function pumapiFormKey(options: PumapiFormKeyOptions = {}): CacheKeyFunction {
  return formFieldKey({ folderField: "action", secretFields: [...PUMAPI_SECRET_FIELDS, ...(options.secretFields ?? [])] });
}
