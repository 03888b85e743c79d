// Days on the wire are `YYYY-MM-DD` (UTC), except `POST /users`, which answers `created_at` as epoch
// milliseconds.

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The UTC day of a `Date`, or the string itself (already checked), as `YYYY-MM-DD`. */
export function toIsoDay(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

/** Normalises a wire date: epoch milliseconds become `YYYY-MM-DD`. */
export function normaliseWireDate(value: string | number): string {
  return typeof value === "number" ? new Date(value).toISOString().slice(0, 10) : value;
}
