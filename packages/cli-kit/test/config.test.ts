// The CLIs' config file: private to its owner, and never quoted back when it is broken.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfigFile } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "cli-kit-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, text: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

describe("readConfigFile", () => {
  it("reads a private JSON object of texts; a missing file is no settings unless asked for", () => {
    expect(readConfigFile(configFile("good.json", '{"url":"https://ppms.example/pumapi/","apiKey":"k"}'))).toEqual({ url: "https://ppms.example/pumapi/", apiKey: "k" });
    expect(readConfigFile(join(dir, "none.json"))).toEqual({});
    expect(() => readConfigFile(join(dir, "none.json"), true)).toThrow(/does not exist/);
  });

  it("names a broken file without quoting any of its text (it holds a secret)", () => {
    const secret = "SECRETKEY1-never-printed";
    const path = configFile("broken.json", `{"url": "https://ppms.example/pumapi/", "apiKey": ${secret}}`);
    let message = "";
    try {
      readConfigFile(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("is not valid JSON");
    expect(message).not.toContain("SECRETKEY1");
  });

  it.skipIf(process.platform === "win32")("refuses a file others can read", () => {
    expect(() => readConfigFile(configFile("open.json", '{"apiKey":"k"}', 0o644))).toThrow(/readable by other users .*chmod 600/);
  });
});
