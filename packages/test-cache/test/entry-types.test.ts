import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// msw is an optional peer: nothing reachable from the main entry may import it, or a user without
// msw and with `skipLibCheck: false` would get TS2307 from the published .d.ts.
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from\s+"(\.[^"]+)\.js"/gm)) {
    const target = join(dirname(file), `${m[1]}.ts`);
    reachable(target, seen);
  }
  return seen;
}

describe("entry points", () => {
  it("keeps msw out of everything the main entry reaches, and in the ./msw entry", () => {
    const src = new URL("../src/", import.meta.url).pathname;
    const files = [...reachable(join(src, "index.ts"))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/from\s+"msw"/);
    expect(readFileSync(join(src, "msw.ts"), "utf8")).toMatch(/from\s+"msw"/);
  });
});
