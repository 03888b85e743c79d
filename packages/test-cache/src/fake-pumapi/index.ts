// Public surface of the fake PUMAPI server (re-exported by the package root).
export { FakePumapi, DEFAULT_FAKE_PUMAPI_KEY } from "./fake-pumapi.js";
export { startFakePumapi } from "./server.js";
export type { RunningFakePumapi } from "./server.js";
export { defaultPumapiSeed } from "./seed.js";
export { FakePumapiState } from "./store.js";
export type { FakePumapiOptions, PumapiFakeRequest, PumapiFakeResponse, PumapiRequestLogEntry } from "./options.js";
export type {
  PumapiCoreSeed,
  PumapiGroup,
  PumapiGroupSeed,
  PumapiIncident,
  PumapiIncidentSeed,
  PumapiProject,
  PumapiProjectEntry,
  PumapiProjectSeed,
  PumapiRight,
  PumapiSeed,
  PumapiSession,
  PumapiSessionSeed,
  PumapiSystem,
  PumapiSystemSeed,
  PumapiUser,
  PumapiUserExp,
  PumapiUserExpSeed,
  PumapiUserSeed,
} from "./types.js";
export type {
  PumapiAccount,
  PumapiAccountSeed,
  PumapiBcode,
  PumapiBcodeSeed,
  PumapiInvoice,
  PumapiInvoiceLine,
  PumapiInvoiceLineSeed,
  PumapiInvoiceSeed,
  PumapiManifest,
  PumapiManifestSeed,
  PumapiOrder,
  PumapiOrderLine,
  PumapiOrderLineSeed,
  PumapiOrderSeed,
  PumapiPrice,
  PumapiPriceSeed,
  PumapiSample,
  PumapiSampleResult,
  PumapiSampleSeed,
  PumapiService,
  PumapiServiceSeed,
  PumapiValidBcode,
  PumapiValidBcodeSeed,
} from "./types-billing.js";
