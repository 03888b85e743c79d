import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as built from "../dist/index.js";

// The published build, not the source: the bundler must keep the class names the errors report.

describe("built package", () => {
  it("keeps every timesync-ts error's name", () => {
    const classes = Object.entries(built).filter(([name, value]) => /^TimeSync\w*Error$/.test(name) && typeof value === "function");
    expect(classes.length).toBeGreaterThan(10);
    for (const [name, value] of classes) expect((value as { name: string }).name).toBe(name);
    expect(new built.TimeSyncValidationError("f", "p").name).toBe("TimeSyncValidationError");
    expect(new built.TimeSyncNotFoundError({ status: 404, error: "Object not found", text: "" })).toBeInstanceOf(built.TimeSyncError);
  });

  it("does not export the zod schemas", () => {
    expect(Object.keys(built).filter((name) => name.endsWith("Schema"))).toEqual([]);
  });

  it("loads zod and bcryptjs on first use, not on import", () => {
    // A fresh process: the ESM entry (which loads the CJS build), then a call with bad input, which
    // must load the schemas and still be refused before any request (port 9 would never answer).
    const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const script = `
      import { createRequire } from "node:module";
      const require = createRequire(${JSON.stringify(entry)});
      const loaded = () => [...new Set(Object.keys(require.cache).map((k) => /node_modules[\\\\/](zod|bcryptjs)[\\\\/]/.exec(k)?.[1]).filter(Boolean))].sort();
      const { TimeSync } = await import(${JSON.stringify(entry)});
      const onImport = loaded();
      const ts = new TimeSync({ baseUrl: "http://127.0.0.1:9", token: "a.b.c" });
      const error = await ts.getTimes({ project: "web" }).catch((e) => e);
      console.log(JSON.stringify({ onImport, afterCall: loaded(), error: error.name, field: error.field }));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ onImport: [], afterCall: ["zod"], error: "TimeSyncValidationError", field: "filter.project" });
  });
});
