/** A class whose prototype holds methods to install (the resource API classes are abstract). */
export type MethodSource = abstract new (...args: never[]) => object;

/**
 * Copies the methods of each source class's prototype onto `target`'s prototype, so that one
 * class (the connection) shows the methods of all resource families. Two families defining the
 * same name is a bug, caught here when the module loads.
 */
export function installMethods(target: { prototype: object }, sources: readonly MethodSource[]): void {
  for (const source of sources) {
    for (const name of Object.getOwnPropertyNames(source.prototype)) {
      if (name === "constructor") continue;
      if (Object.prototype.hasOwnProperty.call(target.prototype, name)) throw new TypeError(`installMethods: '${name}' is defined twice`);
      Object.defineProperty(target.prototype, name, Object.getOwnPropertyDescriptor(source.prototype, name) as PropertyDescriptor);
    }
  }
}
