import type { z } from "zod";
import { loadSchemas, type TimeSyncSchemas } from "../client/schemas.js";
import { stateOf } from "../client/state.js";
import type { CachePolicy } from "@facility-sdk/http-core";
import type { Query } from "../client/transport.js";
import type { AnswerContext } from "../wire/parse.js";
import { parseList, parseOne } from "../wire/parse.js";

/** What every request of a resource method carries besides its identifier and body. */
export interface CollectionCall {
  /** Cancels the call. */
  signal: AbortSignal | undefined;
  /** Query parameters (the token is added for GET and DELETE). */
  query?: Query;
  /** The cache policy of a read (see `Call.cache`); `refresh` for the SDK's internal reads. */
  cache?: CachePolicy | undefined;
}

/** Picks a schema from the loaded ones, e.g. `(s) => s.TimeSchema`: schemas are loaded on first use. */
export type SchemaPicker<T> = (schemas: TimeSyncSchemas) => z.ZodType<T, unknown>;

/**
 * One collection of TimeSync (`/activities`, `/projects`, `/users`, `/times`): the requests its
 * resource methods send, named after the SDK method, with answers read by the collection's schema
 * (picked from the schemas `loadSchemas()` loads on first use, so building a collection loads nothing).
 * Identifiers come already checked and encoded (`slugPath`, `usernamePath`, `uuidPath`); the
 * client is the resource method's `this`.
 */
export class RestCollection<T> {
  private readonly itemRoute: string;

  /**
   * @param path - the collection's path, e.g. `/activities`
   * @param param - the route parameter of one item, e.g. `:slug`
   * @param pick - picks the schema of one item of an answer, e.g. `(s) => s.TimeSchema`
   */
  constructor(
    private readonly path: string,
    param: string,
    private readonly pick: SchemaPicker<T>,
  ) {
    this.itemRoute = `${path}/${param}`;
  }

  /** `POST /things` with `object`: the created item. */
  async create(client: unknown, method: string, object: Record<string, unknown>, call: CollectionCall): Promise<T> {
    const read = await this.readOne();
    return stateOf(client).transport.post({ method, route: this.path, path: this.path, ...call, read }, object);
  }

  /** `POST /things/<id>` with `object`: the updated item. */
  async update(client: unknown, method: string, id: string, object: Record<string, unknown>, call: CollectionCall): Promise<T> {
    const read = await this.readOne();
    return stateOf(client).transport.post({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call, read }, object);
  }

  /** `GET /things`: the items, each read by the schema `schema` picks (default: the collection's). */
  async list<I = T>(client: unknown, method: string, call: CollectionCall & { schema?: SchemaPicker<I> }): Promise<I[]> {
    const { schema: pick = this.pick as unknown as SchemaPicker<I>, ...rest } = call;
    const schema = pick(await loadSchemas());
    return stateOf(client).transport.get({ method, route: this.path, path: this.path, ...rest, read: (body, answer) => parseList(schema, body, answer) });
  }

  /** `GET /things/<id>`: one item. */
  async get(client: unknown, method: string, id: string, call: CollectionCall): Promise<T> {
    const read = await this.readOne();
    return stateOf(client).transport.get({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call, read });
  }

  /** `DELETE /things/<id>`: an empty 200 is success. */
  delete(client: unknown, method: string, id: string, call: CollectionCall): Promise<void> {
    return stateOf(client).transport.delete({ method, route: this.itemRoute, path: `${this.path}/${id}`, ...call });
  }

  /** Reads one item with the collection's schema (loading the schemas on first use). */
  private async readOne(): Promise<(body: unknown, answer: AnswerContext) => T> {
    const schema = this.pick(await loadSchemas());
    return (body, answer) => parseOne(schema, body, answer);
  }
}
