import { ResponseFormatError } from "../errors/format.js";

/** Parses `HH:MM` (running-sheet times) into hours and minutes; `field` names the column on error. */
export function parseTimeOfDay(text: string, field: string): { hours: number; minutes: number } {
  const match = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new ResponseFormatError(`'${field}' must be a time of day HH:MM, got '${text}'`, { field });
  }
  return { hours, minutes };
}
