// The ppms CLI's rows: models flattened to printable cells.
import { renderCsv } from "@facility-sdk/cli-kit";
import { describe, expect, it } from "vitest";
import { flatten } from "../src/cli/rows.js";

describe("ppms rows", () => {
  it("flatten keeps own fields that fit a cell and leaves nested objects to --json", () => {
    class Model {
      id = 1;
      when = new Date(2030, 2, 14, 8, 0);
      nested = { a: 1 };
      get derived() {
        return 2;
      }
    }
    const row = flatten(new Model());
    expect(row).toEqual({ id: 1, when: "2030-03-14 08:00" }); // as pyppms' fmt_time writes it
    expect(renderCsv([row])).toBe("id,when\n1,2030-03-14 08:00\n");
  });
});
