import type { z } from "zod";
import { stateOf } from "../client/state.js";
import type { Query } from "../client/transport.js";
import type { AnswerContext } from "../wire/parse.js";
import { parseList, parseOne } from "../wire/parse.js";

/** What every request of a resource method carries besides its identifier and body. */
export interface CollectionCall {
  /** Cancels the call. */
  signal: AbortSignal | undefined;
  /** Query parameters (the token is added for GET and DELETE). */
  query?: Query;
}

/**
 * One collection of TimeSync (`/activities`, `/projects`, `/users`, `/times`): the requests its
 * resource methods send, named after the SDK method, with answers read by the collection's schema.
 * Identifiers come already checked and encoded (`slugPath`, `usernamePath`, `uuidPath`); the
 * client is the resource method's `this`.
 */
export class RestCollection<T> {
  private readonly itemRoute: string;

  /**
   * @param path - the collection's path, e.g. `/activities`
   * @param param - the route parameter of one item, e.g. `:slug`
   * @param schema - one item of an answer
   */
  constructor(
    private readonly path: string,
    param: string,
    private readonly schema: z.ZodType<T, unknown>,
  ) {
    this.itemRoute = `${path}/${param}`;
  }

  /** `POST /things` with `object`: the created item. */
  create(client: unknown, method: string, object: Record<string, unknown>, call: CollectionCall): Promise<T> {
    return stateOf(client).transport.post({ method, route: this.path, path: this.path, ...call, read: this.readOne }, object);
  }

  /** `POST /things/<id>` with `object`: the updated item. */
  update(client: unknown, method: string, id: string, object: Record<string, unknown>, call: CollectionCall): Promise<T> {
    return stateOf(client).transport.post({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call, read: this.readOne }, object);
  }

  /** `GET /things`: the items, each read by `schema` (default: the collection's). */
  list<I = T>(client: unknown, method: string, call: CollectionCall & { schema?: z.ZodType<I, unknown> }): Promise<I[]> {
    const { schema = this.schema as unknown as z.ZodType<I, unknown>, ...rest } = call;
    return stateOf(client).transport.get({ method, route: this.path, path: this.path, ...rest, read: (body, answer) => parseList(schema, body, answer) });
  }

  /** `GET /things/<id>`: one item. */
  get(client: unknown, method: string, id: string, call: CollectionCall): Promise<T> {
    return stateOf(client).transport.get({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call, read: this.readOne });
  }

  /** `DELETE /things/<id>`: an empty 200 is success. */
  delete(client: unknown, method: string, id: string, call: CollectionCall): Promise<void> {
    return stateOf(client).transport.delete({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call });
  }

  private readonly readOne = (body: unknown, answer: AnswerContext): T => parseOne(this.schema, body, answer);
}
