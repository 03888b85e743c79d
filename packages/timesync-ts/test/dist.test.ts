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
});
