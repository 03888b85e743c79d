/**
 * What an SDK's `accept` returns when an answer is good to hand to the caller but must not be
 * recorded (an empty list the server may fill later, an answer read only to check a login, a
 * value computed from a fault the SDK tolerates). {@link HttpClient.request} unwraps it: the caller
 * gets `value`, and the cache writes nothing for this call. This is the one way to say
 * "return this, do not record it".
 *
 * @example
 * ```ts
 * const ids = await client.request({ method: "POST", url: "", form: { action: "list" } }, (res) =>
 *   res.body === "" ? notRecorded([] as string[]) : res.body.split("\n"),
 * );
 * ```
 */
export class NotRecorded<T> {
  /** The value handed to the caller. */
  readonly value: T;
  /** Wraps `value`; prefer {@link notRecorded}. */
  constructor(value: T) {
    this.value = value;
  }
}

/**
 * Marks the value an `accept` callback returns as one to hand back without recording the answer.
 *
 * @example
 * ```ts
 * const accept = (res: HttpResponse) => (res.status === 204 ? notRecorded(null) : JSON.parse(res.body));
 * ```
 */
export function notRecorded<T>(value: T): NotRecorded<T> {
  return new NotRecorded(value);
}
