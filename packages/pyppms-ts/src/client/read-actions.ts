/**
 * PUMAPI actions that only read. They are sent with `safe: true, idempotent: true`: http-core may
 * retry them on transient faults and answer them from the cache in `record-missing`. Every other
 * action (writes such as `newuser`, `setright`) is sent with neither: never retried, and never
 * answered from the cache outside `replay`. A new read action is added here.
 */
const READ_ACTIONS: ReadonlySet<string> = new Set([
  "GetPPMSAccounts", // API2
  "auth",
  "getadmins",
  "getbcodes",
  "getbooking",
  "getgroup",
  "getgroups",
  "getgroupusers",
  "getinc",
  "getinvoice",
  "getinvoicedetails",
  "getinvoicelist",
  "getinvtracklist",
  "getmanifest",
  "getmanifestlist",
  "getorderlines",
  "getorders",
  "getpriceslist",
  "getprojectgroups",
  "getprojects",
  "getprojectusers",
  "getrunningsheet",
  "getservices",
  "getsessionnote",
  "getsysrights",
  "getsystems",
  "getuser",
  "getuserexp",
  "getuserprojects",
  "getuserrights",
  "getusers",
  "getvalidbcodes",
  "nextbooking",
]);

/** Whether a PUMAPI action only reads (and so may be retried and answered from the cache). */
export function isReadAction(action: string): boolean {
  return READ_ACTIONS.has(action);
}
