import type { FakeTimeSyncStore } from "./store.js";
import type { FakeUserRecord } from "./types.js";
import type { FakeResponse } from "./wire-errors.js";

/** What a route handler gets: the store, the authenticated caller, the query and the POSTed object. */
export interface RouteContext {
  store: FakeTimeSyncStore;
  caller: FakeUserRecord;
  query: URLSearchParams;
  /** The `object` member of a POST body (undefined for GET/DELETE). */
  object: unknown;
  /** Whether to reproduce the reference server's hang on revision-less times. */
  hangOnRevisionlessTime: boolean;
  /** Spec-following mode (`FakeTimeSyncOptions.strict`): the reference server's quirks are off. */
  strict: boolean;
  /** A create that overlapped another one of the same activity slug (see `createRaceWindowMs`). */
  overlappingCreate?: boolean;
}

/** A route's answer, or `"hang"` to never answer (a reference-server quirk). */
export type RouteResult = FakeResponse | "hang";

/**
 * A JSON answer. `labelHtml` reproduces the reference server labelling some JSON bodies `text/html`
 * (clients must parse by body, not content type).
 */
export function json(status: number, value: unknown, labelHtml = false): FakeResponse {
  return {
    status,
    headers: { "content-type": labelHtml ? "text/html; charset=utf-8" : "application/json; charset=utf-8" },
    body: JSON.stringify(value),
  };
}

/**
 * A successful create (and `POST /users/:username`) answer: the reference server sends these as a JSON
 * string, so Express labels them `text/html`; `application/json` in strict mode.
 */
export function posted(ctx: RouteContext, value: unknown): FakeResponse {
  return json(200, value, !ctx.strict);
}

/**
 * A successful update of an activity, project or time: the reference server sends the object itself,
 * which Express labels `application/json` (unlike creates).
 */
export function updated(value: unknown): FakeResponse {
  return json(200, value);
}

/** The successful DELETE answer: 200 with an empty body. */
export function emptyOk(): FakeResponse {
  return { status: 200, headers: {}, body: "" };
}

/** Site administrators and managers may manage projects and activities. */
export function isSiteManager(u: FakeUserRecord): boolean {
  return u.site_admin || u.site_manager;
}
