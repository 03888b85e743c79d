import { defaultPumapiSeed } from "@facility-sdk/test-cache";
import { describe, expect, it } from "vitest";
import { useFakePumapi } from "./helpers/harness.js";

// The public answer formats end to end over HTTP against test-cache's fake PUMAPI (sources in
// docs/wire-formats.md).
const { setup } = useFakePumapi(new Date(2030, 2, 14, 9, 0));

describe("formats from public evidence, against the fake PUMAPI", () => {
  it("getusers: a twice HTML-encoded login (crukci unescapes logins; public notes show &amp;#39;) comes back decoded", async () => {
    const seed = defaultPumapiSeed();
    seed.users = [...(seed.users ?? []), { login: "o'brien", lname: "O'Brien", fname: "Sean", email: "sean.obrien@lab.example", unitlogin: "cell_lab" }];
    const { ppms, server } = await setup({}, { seed });
    expect(await ppms.getUserIds()).toContain("o'brien");
    expect(server.requests.some((r) => r.action === "getusers")).toBe(true);
  });

  it("getprojects: a description's line break sent as `|` (CSV) and as `\\n` (JSON) gives equal projects", async () => {
    const csv = await setup();
    const json = await setup({ format: "json" });
    const fromCsv = (await csv.ppms.getProjects()).get(7);
    expect(fromCsv?.description).toBe("Live imaging of\nmigrating cells, two channels");
    expect((await json.ppms.getProjects()).get(7)).toEqual(fromCsv);
  });
});
