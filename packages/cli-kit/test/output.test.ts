// The CLIs' output helpers: CSV quoting, the aligned table, the progress bar.
import { describe, expect, it } from "vitest";
import { createProgress, renderCsv, renderTable } from "../src/index.js";

describe("output formats", () => {
  it("CSV quotes commas, quotes, line breaks and edge spaces, and nothing else", () => {
    const csv = renderCsv([{ name: "Confocal, upright", note: 'say "hi"', text: "a\nb", pad: " x", plain: 31 }]);
    expect(csv).toBe('name,note,text,pad,plain\n"Confocal, upright","say ""hi""","a\nb"," x",31\n');
  });

  it("a table aligns columns under a header, joins lists and prints (none) for no rows", () => {
    expect(renderTable([{ id: 7, members: ["bkovac", "cnguyen"] }, { id: 1003, members: [] }])).toBe(
      "id    members\n----  --------------\n7     bkovac cnguyen\n1003\n",
    );
    expect(renderTable([])).toBe("(none)\n");
  });

});

describe("the progress bar", () => {
  it("draws on a terminal and clears the line when finished; draws nothing elsewhere", () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const bar = createProgress("users", stream(true));
    bar.update(3, 6);
    bar.finish();
    bar.finish();
    expect(written).toEqual([`\rusers [${"#".repeat(12)}${".".repeat(12)}] 3/6`, "\r\x1b[K"]);
    written.length = 0;
    const quiet = createProgress("users", stream(false));
    quiet.update(1, 2);
    quiet.finish();
    expect(written).toEqual([]);
  });
});
