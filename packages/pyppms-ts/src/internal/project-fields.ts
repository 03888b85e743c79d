import { PpmsInvalidArgumentError } from "../errors/argument.js";
import type { NewProjectFields, PumapiDay, PumapiParams, UpdateProjectFields } from "../types.js";
import { requireId, requireText } from "./inputs.js";

/*
 * Local checks of the project writes (`newproject`, `updproject`, `addprojectentry`): every field
 * is checked before any request, and a bad one is a PpmsInvalidArgumentError naming it. PUMAPI
 * itself accepts much that it should not (or answers an error text that is never recorded).
 */

// Field name in the SDK → PUMAPI form field, in the order they are sent.
const WIRE_NAMES = {
  coreFacilityRef: "plateformid",
  name: "name",
  bcode: "bcode",
  phase: "phase",
  affiliation: "affiliation",
  type: "ptype",
  active: "active",
  description: "descr",
  group: "group",
  expirationDate: "expirationdate",
} as const satisfies Record<keyof UpdateProjectFields, string>;

type ProjectField = keyof typeof WIRE_NAMES;
const isProjectField = (key: string): key is ProjectField => Object.hasOwn(WIRE_NAMES, key);

/** `YYYY-MM-DD` of a real day (or a valid `Date`'s local day); `""` when `clearable` allows it. */
export function requirePumapiDay(field: string, value: PumapiDay, clearable: boolean): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new PpmsInvalidArgumentError(field, "is an invalid Date");
    const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === "string") {
    if (value === "" && clearable) return "";
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(year, month - 1, day);
      if (date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day) return value;
    }
  }
  throw new PpmsInvalidArgumentError(field, `must be a 'YYYY-MM-DD' day or a Date${clearable ? ", or '' to clear it" : ""}; got ${JSON.stringify(value) ?? String(value)}`);
}

function optionalText(field: string, value: unknown): string {
  if (typeof value !== "string") throw new PpmsInvalidArgumentError(field, "must be a string");
  return value;
}

/** Checks one project field and converts it to its PUMAPI form value. */
function wireValue(field: ProjectField, value: unknown, creating: boolean): string {
  switch (field) {
    case "coreFacilityRef":
    case "phase":
      return requireId(field, value);
    case "name":
      return requireText(field, value);
    case "active":
      if (typeof value !== "boolean") throw new PpmsInvalidArgumentError(field, `must be true or false, got ${JSON.stringify(value) ?? String(value)}`);
      return String(value);
    case "expirationDate":
      return requirePumapiDay(field, value as PumapiDay, !creating);
    default:
      return optionalText(field, value);
  }
}

/**
 * The PUMAPI params of a project's fields, all checked: unknown field names (a typo such as
 * `nmae`) are refused, undefined values left out. Creating needs `coreFacilityRef` and `name`;
 * an update needs at least one field.
 */
export function projectParams(fields: NewProjectFields | UpdateProjectFields, creating: boolean): PumapiParams {
  if (fields === null || typeof fields !== "object") throw new PpmsInvalidArgumentError("fields", "must be an object");
  for (const key of Object.keys(fields)) {
    if (!isProjectField(key)) throw new PpmsInvalidArgumentError(key, `is not a project field (known: ${Object.keys(WIRE_NAMES).join(", ")})`);
  }
  const record = fields as Partial<Record<ProjectField, unknown>>;
  if (creating) {
    requireId("coreFacilityRef", record.coreFacilityRef);
    requireText("name", record.name);
  }
  const params: PumapiParams = {};
  for (const field of Object.keys(WIRE_NAMES) as ProjectField[]) {
    const value = record[field];
    if (value !== undefined) params[WIRE_NAMES[field]] = wireValue(field, value, creating);
  }
  if (!creating && Object.keys(params).length === 0) throw new PpmsInvalidArgumentError("fields", "has nothing to update");
  return params;
}
