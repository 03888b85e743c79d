// Where the CLI's settings come from: flags, then the environment, then a config file in the user's
// config directory. The file holds a secret (an API key, a password), so it must be private to its owner (mode 0600): one
// that its group or others can read is refused rather than used.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { FacilitySdkError } from "@facility-sdk/http-core";

/** The default config file: `$XDG_CONFIG_HOME/facility-sdk/<name>.json` (else `~/.config/...`). */
export function defaultConfigPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || (process.platform === "win32" && env.APPDATA) || join(homedir(), ".config");
  return join(base, "facility-sdk", `${name}.json`);
}

/**
 * Reads a config file of text settings. A missing file is no settings, unless it was asked for
 * by name (`required`); a file others can read, or one that is not a JSON object of texts, is an error.
 */
export function readConfigFile(path: string, required = false): Record<string, string> {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    if (required) throw new FacilitySdkError(`config file ${path} does not exist`);
    return {};
  }
  // Windows has no POSIX modes to check.
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new FacilitySdkError(
      `config file ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); it holds a secret, so it is not used. Run: chmod 600 ${path}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FacilitySdkError(`config file ${path} cannot be read (${(error as { code?: string }).code ?? "error"})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault, which may be the secret itself.
    throw new FacilitySdkError(`config file ${path} is not valid JSON (its text is not shown: it holds a secret)`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new FacilitySdkError(`config file ${path} must hold a JSON object`);
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") throw new FacilitySdkError(`config file ${path}: "${key}" must be a text`);
    settings[key] = value;
  }
  return settings;
}

/** Warns on stderr that a secret given as a flag is kept in the shell's history. */
export function warnSecretFlag(flag: string, envName: string): void {
  process.stderr.write(`warning: ${flag} is saved in your shell history; prefer ${envName} or the config file\n`);
}
