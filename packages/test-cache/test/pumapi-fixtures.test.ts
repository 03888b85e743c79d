import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Integrity checks of the PUMAPI fixtures (owned by pyppms-ts): pyppms layout, CRLF bodies,
// invented people only, and later stages holding only what changed.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "pumapi");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(root).map((f) => relative(root, f));

describe("PUMAPI fixtures", () => {
  it("has stage_0, stage_1, stage_2 and mocked cases", () => {
    expect(readdirSync(root).sort()).toEqual(["mocked", "stage_0", "stage_1", "stage_2"]);
    expect(readdirSync(join(root, "mocked")).length).toBeGreaterThanOrEqual(8);
  });

  it("names every file <action>/<k--v__...|response>[_status-code].txt", () => {
    for (const file of files) {
      const parts = file.split("/");
      const name = parts.at(-1) ?? "";
      expect(parts.at(-2), file).toMatch(/^[A-Za-z0-9]+$/); // actions such as getuser, API2 GetPPMSAccounts
      const stem = name.replace(/(_status-code)?\.txt$/, "");
      expect(name.endsWith(".txt"), file).toBe(true);
      if (stem === "response") continue;
      const pairs = stem.split("__").map((p) => p.split("--")[0]);
      expect(pairs.every((k) => /^[A-Za-z0-9]+$/.test(k ?? "")), file).toBe(true); // params such as login, sampleID
      expect([...pairs].sort(), `${file}: keys sorted`).toEqual(pairs);
      expect(pairs, file).not.toContain("apikey");
      expect(pairs, file).not.toContain("action");
    }
  });

  it("uses CRLF line ends, invented e-mail domains, and no secrets", () => {
    for (const file of files) {
      const body = readFileSync(join(root, file), "utf8");
      expect(body.replace(/\r\n/g, ""), file).not.toMatch(/\n/);
      for (const email of body.match(/[\w.+-]+@[\w.-]+/g) ?? []) expect(email, file).toMatch(/@lab\.example$/);
      expect(body.toLowerCase(), file).not.toMatch(/apikey|password|pwd=/);
    }
  });

  it("keeps in later stages only files that changed", () => {
    for (const stage of ["stage_1", "stage_2"]) {
      for (const file of walk(join(root, stage))) {
        const rel = relative(join(root, stage), file);
        const earlier = ["stage_1", "stage_0"].filter((s) => s < stage).map((s) => join(root, s, rel)).find(existsSync);
        if (earlier !== undefined) expect(readFileSync(file, "utf8"), `${stage}/${rel}`).not.toBe(readFileSync(earlier, "utf8"));
      }
    }
  });
});
