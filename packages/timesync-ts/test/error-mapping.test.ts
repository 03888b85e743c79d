import { FacilitySdkError, HttpClientError, HttpNotFoundError, HttpServerError, HttpStatusError, Redactor } from "@facility-sdk/http-core";
import { describe, expect, it } from "vitest";
import {
  TimeSyncError,
  TimeSyncApiError,
  TimeSyncAuthenticationError,
  TimeSyncAuthorizationError,
  TimeSyncBadObjectError,
  TimeSyncBadQueryError,
  TimeSyncConflictError,
  TimeSyncInvalidIdentifierError,
  TimeSyncMethodNotAllowedError,
  TimeSyncNotFoundError,
  TimeSyncServerError,
  TimeSyncSlugExistsError,
  TimeSyncUsernameExistsError,
} from "../src/errors.js";
import { mapTimeSyncError } from "../src/client/error-mapping.js";
import { readErrorBody } from "../src/wire/json.js";

const where = { request: { method: "GET", url: "http://ts.test/v0/times?token=***" }, operation: "TimeSync getTimes (GET /times)" };

describe("mapTimeSyncError", () => {
  it.each([
    [404, "Object not found", TimeSyncNotFoundError],
    [500, "Server error", TimeSyncServerError],
    [409, "Invalid foreign key", TimeSyncConflictError],
    [400, "Bad object", TimeSyncBadObjectError],
    [400, "The provided identifier was invalid", TimeSyncInvalidIdentifierError],
    [401, "Authentication failure", TimeSyncAuthenticationError],
    [409, "The slug provided already exists", TimeSyncSlugExistsError],
    [401, "Authorization failure", TimeSyncAuthorizationError],
    [405, "Method not allowed", TimeSyncMethodNotAllowedError],
    [400, "Bad query value", TimeSyncBadQueryError],
    [401, "Bad query value", TimeSyncBadQueryError],
    [409, "Username already exists", TimeSyncUsernameExistsError],
  ] as const)("maps %i %s to %s, keeping status, name, text and values", (status, name, Class) => {
    const error = mapTimeSyncError(status, { status, error: name, text: "some text", values: ["v"] }, where);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(TimeSyncApiError);
    expect(error.status).toBe(status);
    expect(error.error).toBe(name);
    expect(error.text).toBe("some text");
    expect(error.values).toEqual(["v"]);
    expect(error.method).toBe("GET");
    expect(error.url).toBe(where.request.url);
    expect(error.operation).toBe(where.operation);
    expect(error).toBeInstanceOf(TimeSyncError);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toBeInstanceOf(FacilitySdkError);
    expect(error instanceof HttpServerError).toBe(status >= 500);
    expect(error instanceof HttpClientError).toBe(status >= 400 && status < 500);
    expect(error instanceof HttpNotFoundError).toBe(status === 404);
    expect(error.message).toContain(name);
    expect(error.name).toBe(Class.name);
  });

  it("groups the duplicate errors under the conflict class", () => {
    expect(mapTimeSyncError(409, { error: "The slug provided already exists", text: "" }, where)).toBeInstanceOf(TimeSyncConflictError);
    expect(mapTimeSyncError(409, { error: "Username already exists", text: "" }, where)).toBeInstanceOf(TimeSyncConflictError);
  });

  it.each([
    [404, TimeSyncNotFoundError],
    [401, TimeSyncAuthenticationError],
    [405, TimeSyncMethodNotAllowedError],
    [409, TimeSyncConflictError],
    [502, TimeSyncServerError],
    [418, TimeSyncApiError],
  ] as const)("maps an unknown error name by status %i", (status, Class) => {
    const error = mapTimeSyncError(status, { error: "Something new", text: "t" }, where);
    expect(error.constructor).toBe(Class);
    expect(error.values).toEqual([]);
  });

  it("redacts the server's text and values when built", () => {
    const token = "aGVhZGVy.cGF5bG9hZA==.c2lnbmF0dXJl";
    const redactor = new Redactor({ jsonKeys: ["token"] }).addSecretValue(token);
    const error = mapTimeSyncError(400, { error: "Bad object", text: `bad token ${token}`, values: [token] }, { ...where, redactor });
    expect(error.text).toBe("bad token ***");
    expect(error.values).toEqual(["***"]);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(token);
  });

  it("flags Bad API token as a token problem", () => {
    const bad = mapTimeSyncError(401, { error: "Authentication failure", text: "Bad API token" }, where) as TimeSyncAuthenticationError;
    const wrong = mapTimeSyncError(401, { error: "Authentication failure", text: "Incorrect username or password" }, where) as TimeSyncAuthenticationError;
    expect(bad.isBadToken).toBe(true);
    expect(wrong.isBadToken).toBe(false);
  });
});

describe("readErrorBody", () => {
  it("reads TimeSync error objects and ignores anything else", () => {
    expect(readErrorBody({ status: 404, error: "Object not found", text: "Nonexistent time" })).toEqual({ status: 404, error: "Object not found", text: "Nonexistent time" });
    expect(readErrorBody({ error: "X" })).toEqual({ error: "X", text: "" });
    expect(readErrorBody([{ error: "X" }])).toBeUndefined();
    expect(readErrorBody({ token: "abc" })).toBeUndefined();
    expect(readErrorBody("Not Found")).toBeUndefined();
    expect(readErrorBody(null)).toBeUndefined();
  });
});
