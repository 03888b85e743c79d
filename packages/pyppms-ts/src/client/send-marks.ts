/**
 * What an action does, and so how the client sends it: a `read` may be retried on transient
 * faults and answered from the cache (`safe` + `idempotent`); a `write` is neither; a `login`
 * (`auth`) may be retried but is never recorded or replayed.
 */
export type ActionKind = "read" | "write" | "login";

/** How a declared action is sent: retried (`idempotent`), answered from the cache (`safe`), a login. */
export interface SendMarks {
  /** Served from the cache in `record-missing`, and retried on faults. */
  readonly safe: boolean;
  /** Retried on transient faults. */
  readonly idempotent: boolean;
  /** Never recorded or replayed. */
  readonly authentication: boolean;
}

/** The marks of an action kind: the one place "read → retried and cached, write → neither" is decided. */
export function sendMarks(kind: ActionKind): SendMarks {
  if (kind === "read") return { safe: true, idempotent: true, authentication: false };
  if (kind === "login") return { safe: true, idempotent: true, authentication: true };
  return { safe: false, idempotent: false, authentication: false };
}
