/** A class whose prototype holds methods to install (an SDK's abstract resource classes). */
export type MethodSource = abstract new (...args: never[]) => object;

/**
 * Copies the methods of each source class's prototype onto `target`'s prototype, so that one public
 * class (an SDK's client) shows the methods of all its resource families, each family in a module
 * of its own. Two families defining the same name is a bug, caught when the module loads. Both
 * SDKs build their client this way; pair it with `interface Client extends FamilyA, FamilyB {}`.
 *
 * @param target - the class that receives the methods
 * @param sources - the resource classes whose methods it receives
 * @example
 * ```ts
 * abstract class ItemsApi {
 *   async listItems(): Promise<string[]> {
 *     return ["a", "b"];
 *   }
 * }
 * interface Client extends ItemsApi {}
 * class Client {}
 * installMethods(Client, [ItemsApi]);
 * await new Client().listItems(); // ["a", "b"]
 * ```
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
