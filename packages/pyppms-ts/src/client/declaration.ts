import type { NotRecorded } from "@facility-sdk/http-core";
import { parseLineList } from "../wire/line-list.js";
import type { PumapiAnswer } from "./answer.js";
import { confirmWrite } from "./answer-checks.js";
import type { ParamRule } from "./param-rules.js";
import type { ActionKind } from "./send-marks.js";
import type { ConnectionState } from "./state.js";

/**
 * What an empty answer (a blank body) means for this action, decided before the parser runs:
 * - `"parse"`: the parser gets it (e.g. `getuser`: the empty body is "unknown login");
 * - `"no-data"`: a {@link NoDataError} naming the action (the action always sends a header);
 * - `"error"`: a {@link PumapiActionError} (a write that must confirm something);
 * - `{ value }`: this value (an empty list, a write's success), built from the answer.
 */
export type EmptyAnswer<T> = "parse" | "no-data" | "error" | { readonly value: (answer: PumapiAnswer) => T };

/**
 * Whether an accepted answer is written to the cache: `"always"` or `"never"` (logins, password
 * checks, answers read only to decide something). A parser may still return http-core's
 * `notRecorded(value)` for one answer (a refused `setright`, a right check's error text).
 */
export type Recorded = "always" | "never";

/** What a parser gets besides the answer: the connection's state and the form sent (secrets included: never log it). */
export interface ActionCall {
  /** The connection's state (parse options, format, logger). */
  readonly state: ConnectionState;
  /** The checked parameters as sent (without `action` and the authentication fields). */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * One PUMAPI (or API2) action, declared once in its family's module: the client derives from it
 * the retry and cache marks, the parameter checks (before anything is sent), the meaning of an
 * empty answer, whether the answer is recorded, and the parse (run inside http-core's `accept`,
 * so a parse error records nothing).
 */
export interface ActionDeclaration<T> {
  /** The action's name on the wire (`getuser`, API2's `GetPPMSAccounts`). */
  readonly action: string;
  /** Read, write or login. */
  readonly kind: ActionKind;
  /**
   * Every parameter the action may send, with its check; any other parameter is refused before
   * sending, unless a `"*"` rule checks the others (an API2 report's instance-specific parameters).
   */
  readonly params: Readonly<Record<string, ParamRule>>;
  /** What an empty answer means. */
  readonly empty: EmptyAnswer<T>;
  /** Whether the answer is recorded. */
  readonly recorded: Recorded;
  /**
   * What a read does with an `error: ...` text: `"throw"` (default: a {@link PumapiActionError})
   * or `"parse"` (the parser decides, e.g. a right check's "no").
   */
  readonly errorText?: "throw" | "parse" | undefined;
  /** Builds the result from a checked answer; may return `notRecorded(value)` for one answer. */
  readonly parse: (answer: PumapiAnswer, call: ActionCall) => T | NotRecorded<T>;
}

/** Declares an action (an identity function that keeps the result type). */
export function declareAction<T>(declaration: ActionDeclaration<T>): ActionDeclaration<T> {
  return Object.freeze(declaration);
}

/** An empty answer is an empty list. */
export function emptyList<T>(): EmptyAnswer<T[]> {
  return { value: () => [] };
}

/** A read answering one item per line (an empty answer is an empty list), recorded. */
export function lineListRead(action: string, params: Readonly<Record<string, ParamRule>>): ActionDeclaration<string[]> {
  return declareAction({ action, kind: "read", params, empty: emptyList<string>(), recorded: "always", parse: (answer) => parseLineList(answer.text) });
}

/** A write confirmed by any answer but an error text; an empty answer confirms nothing (an error). */
export function confirmedWrite(action: string, params: Readonly<Record<string, ParamRule>>): ActionDeclaration<void> {
  return declareAction({ action, kind: "write", params, empty: "error", recorded: "always", parse: confirmWrite });
}
