import { PpmsInvalidArgumentError } from "../errors/argument.js";

/** A non-empty string, else a typed error naming the field. */
export function requireText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new PpmsInvalidArgumentError(field, "must be a non-empty string");
  }
  return value;
}

/** An id PUMAPI wants as digits (system, project, session ids): a whole number ≥ 0 or digits. */
export function requireId(field: string, value: unknown): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return value;
  throw new PpmsInvalidArgumentError(field, `must be a whole number, got ${JSON.stringify(value) ?? String(value)}`);
}

/**
 * A reference PUMAPI takes as sent (a manifest reference such as `M-71` or `71`): a non-empty
 * string, trimmed, or a whole number ≥ 0.
 */
export function requireReference(field: string, value: unknown): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw new PpmsInvalidArgumentError(field, `must be a non-empty string or a whole number, got ${JSON.stringify(value) ?? String(value)}`);
}

/** A day as `Date` or `YYYY-MM-DD` → a local `Date` at midnight. */
export function requireDay(field: string, value: unknown): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new PpmsInvalidArgumentError(field, "is an invalid Date");
    return new Date(value.getFullYear(), value.getMonth(), value.getDate());
  }
  if (typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // Years before 1900 are refused: `new Date(50, 0, 1)` is 1950, and no PPMS date is that old.
    if (match && Number(match[1]) >= 1900) {
      const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      if (date.getFullYear() === Number(match[1]) && date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3])) return date;
    }
  }
  throw new PpmsInvalidArgumentError(field, `must be a Date or a real 'YYYY-MM-DD' day from 1900 on, got ${JSON.stringify(value) ?? String(value)}`);
}

/** A positive whole number option (concurrency). */
export function requirePositiveInteger(field: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  throw new PpmsInvalidArgumentError(field, "must be a whole number ≥ 1");
}

/** A list of logins: an array of non-empty strings (a string alone would be split into letters). */
export function requireLogins(field: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new PpmsInvalidArgumentError(field, `must be an array of logins, got ${typeof value === "string" ? JSON.stringify(value) : typeof value}`, { hint: "wrap a single login in [ ]" });
  value.forEach((login, index) => requireText(`${field}[${index}]`, login));
  return value as string[];
}

/** An object of fields (not null, not an array). */
export function requireFields(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new PpmsInvalidArgumentError(field, `must be an object, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
  return value as Record<string, unknown>;
}

/** An object of fields with only known names (a misspelt name would silently not be sent). */
export function requireKnownFields(field: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  const fields = requireFields(field, value);
  const unknown = Object.keys(fields).filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new PpmsInvalidArgumentError(`${field}.${unknown[0] ?? ""}`, `is not a known field (known: ${known.join(", ")})`);
  return fields;
}

/** An update's fields: only known names, and at least one set (an empty update would send an empty write). */
export function requireUpdateFields(field: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  const fields = requireKnownFields(field, value, known);
  if (!Object.values(fields).some((v) => v !== undefined)) throw new PpmsInvalidArgumentError(field, "sets no field: nothing to change");
  return fields;
}
