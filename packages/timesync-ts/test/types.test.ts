import { describe, expectTypeOf, it } from "vitest";
import type { Activity, DeletedActivity, ListOptions, TimeSync } from "../src/index.js";

// Compile-time checks of the public types (vitest's expectTypeOf; the body never runs a request).

describe("public types", () => {
  it("types getActivities by includeDeleted", () => {
    const ts = {} as TimeSync;
    const flags = {} as ListOptions;
    expectTypeOf<Awaited<ReturnType<typeof ts.getActivities<{}>>>>().toEqualTypeOf<Activity[]>();
    expectTypeOf<Awaited<ReturnType<typeof ts.getActivities<{ includeRevisions: true }>>>>().toEqualTypeOf<Activity[]>();
    expectTypeOf<Awaited<ReturnType<typeof ts.getActivities<{ includeDeleted: true }>>>>().toEqualTypeOf<(Activity | DeletedActivity)[]>();
    expectTypeOf<Awaited<ReturnType<typeof ts.getActivities<typeof flags>>>>().toEqualTypeOf<(Activity | DeletedActivity)[]>();
    type Listed = Awaited<ReturnType<typeof ts.getActivities<{ includeDeleted: true }>>>;
    expectTypeOf<Listed[number]["slug"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Activity["slug"]>().toEqualTypeOf<string>();
  });
});
