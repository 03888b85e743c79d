// snake_case (the wire) ↔ camelCase (the SDK). Only the top level of an object is renamed: nested
// keys can be data (the usernames of a project's `users`), never field names.

/** `date_worked` → `dateWorked`, as a type. */
export type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<SnakeToCamel<Tail>>}` : S;

/** `dateWorked` → `date_worked`, as a type. */
export type CamelToSnake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${CamelToSnake<Tail>}`
  : S;

/** An object with its top-level keys in camelCase. */
export type Camelized<T> = { [K in keyof T as K extends string ? SnakeToCamel<K> : K]: T[K] };

/** An object with its top-level keys in snake_case, `undefined` values dropped. */
export type Snakified<T> = { [K in keyof T as K extends string ? CamelToSnake<K> : K]: Exclude<T[K], undefined> };

// The wire has a few dozen field names: each is converted once (answers hold hundreds of objects).
const camelNames = new Map<string, string>();

/** `date_worked` → `dateWorked`. */
export function snakeToCamel(name: string): string {
  let camel = camelNames.get(name);
  if (camel === undefined) {
    camel = name.includes("_") ? name.replace(/_([a-z0-9])/g, (_all, c: string) => c.toUpperCase()) : name;
    if (camelNames.size < 1_000) camelNames.set(name, camel);
  }
  return camel;
}

/** `dateWorked` → `date_worked`. */
export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A copy of a wire object with its top-level keys in camelCase. */
export function camelize<T extends object>(wire: T): Camelized<T> {
  const out: Record<string, unknown> = {};
  for (const key in wire) if (Object.hasOwn(wire, key)) out[snakeToCamel(key)] = wire[key];
  return out as Camelized<T>;
}

/** A copy of an SDK object with its top-level keys in snake_case; `undefined` values are left out. */
export function snakify<T extends object>(value: T): Snakified<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[camelToSnake(key)] = v;
  return out as Snakified<T>;
}
