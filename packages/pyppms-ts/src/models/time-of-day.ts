import { ResponseFormatError } from "../errors/format.js";

const ZERO = 48;
const COLON = 58;

/** The digit at `at` as a number, or -1 when it is no digit. */
const digitAt = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
};

/** Parses `HH:MM` (running-sheet times) into hours and minutes; `field` names the column on error. */
export function parseTimeOfDay(text: string, field: string): { hours: number; minutes: number } {
  // Fast path for the form PUMAPI sends, `HH:MM`, read by character code (two times per sheet line).
  if (text.length === 5 && text.charCodeAt(2) === COLON) {
    const h1 = digitAt(text, 0);
    const h2 = digitAt(text, 1);
    const m1 = digitAt(text, 3);
    const m2 = digitAt(text, 4);
    if (h1 >= 0 && h2 >= 0 && m1 >= 0 && m2 >= 0) {
      const hours = h1 * 10 + h2;
      const minutes = m1 * 10 + m2;
      if (hours <= 23 && minutes <= 59) return { hours, minutes };
    }
  }
  const match = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new ResponseFormatError(`'${field}' must be a time of day HH:MM, got '${text}'`, { field });
  }
  return { hours, minutes };
}
