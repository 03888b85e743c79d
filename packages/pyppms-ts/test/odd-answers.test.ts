import { HttpStatusError, ResponseParseError } from "@facility-sdk/http-core";
import { describe, expect, it } from "vitest";
import { AuthenticationError, PumapiActionError, PumapiValidationError } from "../src/index.js";
import { useConnections } from "./helpers/harness.js";
import { captureLogger } from "./helpers/logger.js";

const { mocked } = useConnections();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("odd server answers (mocked fixture directories)", () => {
  it("'request not authorized' on any action throws AuthenticationError naming the action", async () => {
    const { ppms } = await mocked("not-authorized");
    const error = await rejection(ppms.getUserIds());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ action: "getusers" });
  });

  it("an 'error: ...' answer to a read throws PumapiActionError", async () => {
    const { ppms } = await mocked("error-texts");
    const error = await rejection(ppms.getUserIds());
    expect(error).toBeInstanceOf(PumapiActionError);
    expect((error as Error).message).toContain("internal database error");
  });

  it("newUser throws PumapiActionError when the answer is not 'OK newuser'", async () => {
    const { logger, lines } = captureLogger();
    const { ppms } = await mocked("error-texts", { logger, logLevel: "error" });
    const error = await rejection(
      ppms.newUser({ login: "baduser", lname: "User", fname: "Bad", email: "bad@lab.example", ppmsGroup: "imaging_group" }, { overwrite: true }),
    );
    expect(error).toBeInstanceOf(PumapiActionError);
    expect(error).toMatchObject({ action: "newuser" });
    expect(lines.some((l) => l.level === "error" && l.text.includes("newuser"))).toBe(true);
  });

  it("a wrong HTTP status (stored beside the answer) throws http-core's status error", async () => {
    const { ppms } = await mocked("wrong-status", { retry: { limit: 0 } });
    const userError = await rejection(ppms.getUser("jdoe"));
    expect(userError).toBeInstanceOf(HttpStatusError);
    expect(userError).toMatchObject({ status: 500 });
    expect(await rejection(ppms.getSystems())).toMatchObject({ status: 502 });
  });

  it("a truncated getuser answer throws a validation error naming action and field", async () => {
    const { ppms } = await mocked("truncated");
    const error = await rejection(ppms.getUser("jdoe"));
    expect(error).toBeInstanceOf(PumapiValidationError);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ action: "getuser", field: "email" });
    expect((error as Error).message).toMatch(/getuser.*email/);
  });

  it("a truncated getsystems answer keeps the complete lines (graceful) or throws (strict)", async () => {
    const { logger, lines } = captureLogger();
    const graceful = await mocked("truncated", { logger, logLevel: "warn" });
    expect([...(await graceful.ppms.getSystems()).keys()]).toEqual([31, 32]);
    expect(lines.some((l) => l.level === "error" && l.text.includes("getsystems"))).toBe(true);
    const strict = await mocked("truncated", { strict: true });
    expect(await rejection(strict.ppms.getSystems())).toBeInstanceOf(PumapiValidationError);
  });

  it("a truncated booking answer names the missing line", async () => {
    const { ppms } = await mocked("truncated");
    expect(await rejection(ppms.getCurrentBooking(31))).toMatchObject({ action: "getbooking", field: "minutes" });
  });

  it("a truncated running sheet names the missing column", async () => {
    const { ppms } = await mocked("truncated");
    expect(await rejection(ppms.getRunningSheet(2, "2030-03-14"))).toMatchObject({ action: "getrunningsheet", field: "End time" });
  });

  it("more data fields than header fields: tolerated and logged (graceful), rejected (strict)", async () => {
    const { logger, lines } = captureLogger();
    const graceful = await mocked("extra-fields", { logger, logLevel: "warn" });
    expect((await graceful.ppms.getUser("jdoe")).email).toBe("jane.doe@lab.example");
    expect(lines.some((l) => l.level === "warn" && l.text.includes("mismatch"))).toBe(true);
    const strict = await mocked("extra-fields", { strict: true });
    expect(await rejection(strict.ppms.getUser("jdoe"))).toMatchObject({ action: "getuser" });
  });

  it("a running sheet naming an unknown full name refreshes users, then skips that entry", async () => {
    const { logger, lines } = captureLogger();
    const { ppms, cache } = await mocked("runningsheet-unknown-user", { logger, logLevel: "debug" });
    const bookings = await ppms.getRunningSheet(2, "2030-03-14");
    expect(bookings.map((b) => b.username)).toEqual(["jdoe"]);
    expect(lines.some((l) => l.level === "error" && l.text.includes("Ghost Casper"))).toBe(true);
    expect(ppms.users.size).toBe(9);
    expect(ppms.lastServedFromCache).toBe(true);
    expect(cache.filesRead.length).toBeGreaterThan(0);
  });

  it("getsystems lines with a broken system id are skipped with an error (graceful) or throw (strict)", async () => {
    const { logger, lines } = captureLogger();
    const graceful = await mocked("broken-system-id", { logger, logLevel: "error" });
    expect([...(await graceful.ppms.getSystems()).keys()]).toEqual([31, 33]);
    expect(lines.filter((l) => l.text.includes("System id"))).toHaveLength(2);
    const strict = await mocked("broken-system-id", { strict: true });
    expect(await rejection(strict.ppms.getSystems())).toMatchObject({ action: "getsystems", field: "System id" });
  });

  it("two systems of the same name in one facility: the entry is skipped unless the localisation decides", async () => {
    const { ppms } = await mocked("duplicate-system-name");
    const bookings = await ppms.getRunningSheet(2, "2030-03-14");
    expect(bookings.some((b) => b.username === "jdoe")).toBe(false);
    const located = await ppms.getRunningSheet(2, "2030-03-14", { localisation: "B.12" });
    expect(located.map((b) => [b.username, b.systemId])).toEqual([["jdoe", 31]]);
  });

  it("values that do not fit their schema name the field", async () => {
    const { ppms } = await mocked("bad-values", { strict: true });
    expect(await rejection(ppms.getUser("jdoe"))).toMatchObject({ action: "getuser", field: "active" });
    expect(await rejection(ppms.getSystems())).toMatchObject({ action: "getsystems", field: "Active" });
    const rights = await rejection(ppms.getSystemRights(31));
    expect(rights).toMatchObject({ action: "getsysrights", field: "permission" });
    expect((rights as Error).message).toContain("line 2");
  });
});
