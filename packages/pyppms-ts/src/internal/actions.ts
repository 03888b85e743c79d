/**
 * PUMAPI actions that only read. They are sent with `idempotent: true`, so http-core retries them
 * on transient faults; every other action (writes such as `newuser`, `setright`) is never retried.
 */
const READ_ACTIONS = new Set([
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

/** Whether an action only reads (and so may be retried). */
export function isReadAction(action: string): boolean {
  return READ_ACTIONS.has(action);
}
