// A printable row from whatever the SDK returns: its own fields holding text, numbers, flags, lists
// or dates, so a model that gains or renames a field prints it without a change here.
import type { Row } from "@facility-sdk/cli-kit";
import { fmtTime } from "../index.js";

/** The own fields of an object that fit in a cell, dates as PUMAPI writes them (nested objects are left to `--json`). */
export function flatten(item: object): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === "function") continue;
    if (value instanceof Date) row[key] = fmtTime(value);
    else if (value === null || typeof value !== "object" || Array.isArray(value)) row[key] = value;
  }
  return row;
}
