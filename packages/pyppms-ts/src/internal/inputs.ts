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

/** A day as `Date` or `YYYY-MM-DD` → a local `Date` at midnight. */
export function requireDay(field: string, value: unknown): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new PpmsInvalidArgumentError(field, "is an invalid Date");
    return new Date(value.getFullYear(), value.getMonth(), value.getDate());
  }
  if (typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) {
      const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      if (date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3])) return date;
    }
  }
  throw new PpmsInvalidArgumentError(field, "must be a Date or a 'YYYY-MM-DD' string");
}

/** A positive whole number option (concurrency). */
export function requirePositiveInteger(field: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) return value;
  throw new PpmsInvalidArgumentError(field, "must be a whole number ≥ 1");
}
