import type { ActionDeclaration } from "../client/declaration.js";
import { ACCOUNT_ACTIONS, PpmsAccountsApi } from "./accounts.js";
import { API2_ACTIONS, PpmsApi2Api, REPORT_ACTION } from "./api2.js";
import { AUTH_ACTIONS, PpmsAuthApi } from "./auth.js";
import { BILLING_ACTIONS, PpmsBillingApi } from "./billing.js";
import { BOOKING_ACTIONS, PpmsBookingsApi } from "./bookings.js";
import { EXPERIENCE_ACTIONS, PpmsExperienceApi } from "./experience.js";
import { GROUP_ACTIONS, PpmsGroupsApi } from "./groups.js";
import { INCIDENT_ACTIONS, PpmsIncidentsApi } from "./incidents.js";
import { INVOICE_ACTIONS, PpmsInvoicesApi } from "./invoices.js";
import { ORDER_ACTIONS, PpmsOrdersApi } from "./orders.js";
import { PpmsProjectsApi, PROJECT_ACTIONS } from "./projects.js";
import { PpmsRightsApi, RIGHT_ACTIONS } from "./rights.js";
import { PpmsSamplesApi, SAMPLE_ACTIONS } from "./samples.js";
import { PpmsSystemsApi, SYSTEM_ACTIONS } from "./systems.js";
import { PpmsUsersApi, USER_ACTIONS } from "./users.js";

/**
 * Every resource family, written once: its class of methods and its declared actions.
 * `PpmsConnection` gets its methods (and its interface) from this list, and the client's marks
 * for `request()` come from the declarations gathered here.
 */
export const FAMILIES = [
  { api: PpmsUsersApi, actions: USER_ACTIONS },
  { api: PpmsAuthApi, actions: AUTH_ACTIONS },
  { api: PpmsGroupsApi, actions: GROUP_ACTIONS },
  { api: PpmsSystemsApi, actions: SYSTEM_ACTIONS },
  { api: PpmsRightsApi, actions: RIGHT_ACTIONS },
  { api: PpmsBookingsApi, actions: BOOKING_ACTIONS },
  { api: PpmsExperienceApi, actions: EXPERIENCE_ACTIONS },
  { api: PpmsProjectsApi, actions: PROJECT_ACTIONS },
  { api: PpmsBillingApi, actions: BILLING_ACTIONS },
  { api: PpmsIncidentsApi, actions: INCIDENT_ACTIONS },
  { api: PpmsOrdersApi, actions: ORDER_ACTIONS },
  { api: PpmsInvoicesApi, actions: INVOICE_ACTIONS },
  { api: PpmsSamplesApi, actions: SAMPLE_ACTIONS },
  { api: PpmsAccountsApi, actions: ACCOUNT_ACTIONS },
  { api: PpmsApi2Api, actions: API2_ACTIONS },
] as const;

// A union of types → their intersection (the families' method sets → one connection's).
type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** The methods of every family in {@link FAMILIES}, as one type. */
export type FamilyMethods = Intersection<InstanceType<(typeof FAMILIES)[number]["api"]>>;

/** Every declared action by its name on the wire (one declaration per action). */
export const DECLARED_ACTIONS: ReadonlyMap<string, ActionDeclaration<unknown>> = new Map(
  FAMILIES.flatMap((family) => Object.values(family.actions as Readonly<Record<string, ActionDeclaration<unknown>>>).map((declaration) => [declaration.action, declaration] as const)),
);

/**
 * The declaration of an action on the wire: its own, or for API2's instance-specific
 * `Report<number>` the one declaration of all reports; undefined when the action is not declared.
 */
export function declarationOf(action: string): ActionDeclaration<unknown> | undefined {
  return DECLARED_ACTIONS.get(action) ?? (REPORT_ACTION.test(action) ? API2_ACTIONS.ReportNNNN : undefined);
}
