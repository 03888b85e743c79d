import { Redactor } from "../redactor.js";

/** Masks what an error is built with when the caller gave no redactor: the common secret names. */
export const DEFAULT_REDACTOR = new Redactor();
