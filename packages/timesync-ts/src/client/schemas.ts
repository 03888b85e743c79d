import type * as schemaModule from "../schemas/index.js";

/** The zod schemas of every family (answers and inputs), as `loadSchemas()` resolves them. */
export type TimeSyncSchemas = typeof schemaModule;

let loading: Promise<TimeSyncSchemas> | undefined;

/**
 * Loads the zod schemas (src/schemas/) on first use and caches them: importing timesync-ts does not
 * load zod, the first call that validates an input or reads an answer does. Every later call gets
 * the same, already settled promise. A failed load is not cached, so a later call tries again.
 *
 * The built package is CommonJS: esbuild turns this dynamic import into a lazily initialised module
 * (`__esm` / `init_…`), so `require("zod")` runs only when this promise is first created.
 *
 * @returns the schemas
 * @example
 * ```ts
 * const { TimeFilterSchema } = await loadSchemas();
 * const filter = validate(TimeFilterSchema, { project: ["web"] }, "filter");
 * ```
 */
export function loadSchemas(): Promise<TimeSyncSchemas> {
  loading ??= import("../schemas/index.js").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
