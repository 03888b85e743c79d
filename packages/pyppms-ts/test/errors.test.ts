import * as httpCore from "@facility-sdk/http-core";
import { describe, expect, it } from "vitest";
import * as pyppms from "../src/index.js";
import {
  AuthenticationError,
  FacilitySdkError,
  HttpCoreError,
  InvalidArgumentError,
  NoDataError,
  PpmsConnection,
  PpmsError,
  PpmsGroupNotFoundError,
  PpmsInvalidArgumentError,
  PpmsUserNotFoundError,
  PumapiActionError,
  PumapiUnexpectedAnswerError,
  PumapiValidationError,
  ResponseFormatError,
  ResponseParseError,
} from "../src/index.js";
import type { ScriptedAnswer } from "./helpers/fake-pumapi.js";
import { useScriptedPumapi } from "./helpers/harness.js";

const API_KEY = "errors-Key-51c0d9";
const HTML = "<html><body><h1>Maintenance</h1></body></html>";

const pumapi = useScriptedPumapi({ apiKey: API_KEY, retry: { limit: 0 } });
const serve = pumapi.start;
const connect = async (answer: (form: Record<string, string>) => ScriptedAnswer): Promise<PpmsConnection> => (await pumapi.setup(answer)).ppms;
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e,
  );

describe("one error tree", () => {
  it("every pyppms-ts error is a FacilitySdkError and, by brand, a PpmsError", () => {
    const errors = [
      new PpmsInvalidArgumentError("field", "is wrong", { hint: "fix it" }),
      new AuthenticationError("auth"),
      new PumapiActionError("newuser"),
      new PumapiUnexpectedAnswerError("getsystems", "an HTML page"),
      new NoDataError("nothing"),
      new PpmsUserNotFoundError("nobody"),
      new PpmsGroupNotFoundError("no_group"),
      new PumapiValidationError({ action: "getuser", field: "email", issues: [{ field: "email", message: "is missing" }] }),
      new ResponseFormatError("bad"),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(FacilitySdkError);
      expect(error).toBeInstanceOf(PpmsError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(new httpCore.HttpTimeoutError("slow")).not.toBeInstanceOf(PpmsError);
    expect(new Error("plain")).not.toBeInstanceOf(PpmsError);
    // Subclasses keep the ordinary prototype check.
    expect(new PpmsUserNotFoundError("x")).toBeInstanceOf(NoDataError);
    expect(new NoDataError("x")).not.toBeInstanceOf(PpmsUserNotFoundError);
    expect(new AuthenticationError("auth")).not.toBeInstanceOf(PumapiActionError);
  });

  it("the classes extend http-core's: argument, request and parse errors", () => {
    const argument = new PpmsInvalidArgumentError("permission", "must be one of A, N, S, D", { hint: "use A" });
    expect(argument).toBeInstanceOf(InvalidArgumentError);
    expect(argument).toMatchObject({ field: "permission", problem: "must be one of A, N, S, D", hint: "use A", name: "PpmsInvalidArgumentError" });
    expect(new AuthenticationError("auth")).toBeInstanceOf(HttpCoreError);
    expect(new PumapiActionError("x")).toBeInstanceOf(HttpCoreError);
    for (const parse of [new NoDataError("x"), new PumapiUnexpectedAnswerError("x", "y"), new ResponseFormatError("x")]) {
      expect(parse).toBeInstanceOf(ResponseParseError);
    }
  });

  it("answer errors are redacted when built: the key is never in message, request or excerpt", () => {
    const redactor = new httpCore.Redactor({ formFields: ["apikey"] }).addSecretValue(API_KEY);
    const error = new AuthenticationError("getusers", {
      request: { method: "POST", url: `https://ppms.example/pumapi/?apikey=${API_KEY}`, form: { action: "getusers", apikey: API_KEY } },
      body: `request not authorized for key ${API_KEY}`,
      redactor,
    });
    const everything = `${error.message} ${JSON.stringify(error.request)} ${error.bodyExcerpt ?? ""} ${error.answer}`;
    expect(everything).not.toContain(API_KEY);
    expect(error.message).toContain("PUMAPI getusers");
    expect(error.request?.form?.apikey).toBe("***");
  });

  it("re-exports the http-core errors users catch, as the very same classes", () => {
    const names = [
      "FacilitySdkError", "InvalidArgumentError", "HttpCoreError", "HttpStatusError", "HttpClientError", "HttpNotFoundError",
      "HttpRateLimitError", "HttpServerError", "HttpConnectionError", "HttpTimeoutError", "HttpAbortError", "ResponseTooLargeError",
      "ResponseDecodeError", "ResponseParseError", "CacheMissError",
    ] as const;
    for (const name of names) expect(pyppms[name]).toBe(httpCore[name]);
  });
});

describe("answers that hold no data are told apart, and name the action", () => {
  it("an empty getuser answer: PpmsUserNotFoundError naming action and login", async () => {
    const ppms = await connect(() => ({ body: "" }));
    const error = await failure(ppms.getUser("ghost.user"));
    expect(error).toBeInstanceOf(PpmsUserNotFoundError);
    expect(error).toMatchObject({ action: "getuser", login: "ghost.user", operation: "PUMAPI getuser" });
    expect((error as Error).message).toMatch(/PUMAPI getuser.*ghost\.user/);
  });

  it("an HTML page: the unexpected-answer error naming the action, not NoDataError", async () => {
    const ppms = await connect(() => ({ body: HTML }));
    for (const call of [ppms.getUser("jdoe"), ppms.getSystems(), ppms.getGroup("g")]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(PumapiUnexpectedAnswerError);
      expect(error).not.toBeInstanceOf(NoDataError);
      expect((error as Error).message).toMatch(/PUMAPI get\w+: answered an HTML page/);
    }
  });

  it("an empty answer where data must come: NoDataError naming the action", async () => {
    const ppms = await connect(() => ({ body: "" }));
    for (const [call, action] of [
      [ppms.getSystems(), "getsystems"],
      [ppms.getUserExperience(), "getuserexp"],
      [ppms.getProjects(), "getprojects"],
      [ppms.getBcodes(), "getbcodes"],
    ] as const) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(NoDataError);
      expect(error).not.toBeInstanceOf(PpmsUserNotFoundError);
      expect(error).toMatchObject({ action, operation: `PUMAPI ${action}` });
    }
    // Where nothing is a valid answer, it stays so.
    expect(await ppms.getCurrentBooking(31)).toBeNull();
    expect(await ppms.getRunningSheet(2, "2030-03-14")).toEqual([]);
    expect(await ppms.getGroupUsers("g")).toEqual([]);
  });

  it("a header-only getuser answer names the action", async () => {
    const ppms = await connect(() => ({ body: "login,lname,fname,email,unitlogin,active\r\n" }));
    const error = await failure(ppms.getUser("jdoe"));
    expect(error).toBeInstanceOf(NoDataError);
    expect(error).toMatchObject({ action: "getuser" });
  });
});

describe("auth failures", () => {
  it.each([
    ["an HTML page", { body: HTML }],
    ["request not authorized", { body: "request not authorized" }],
    ["an error text", { body: "error: wrong key" }],
    ["HTTP 401", { status: 401, body: "Unauthorized" }],
  ])("%s to auth is an AuthenticationError naming the action", async (_name, answer) => {
    const server = await serve(() => answer);
    const error = await failure(PpmsConnection.connect({ baseUrl: server.url, apiKey: API_KEY, retry: { limit: 0 } }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ action: "auth", operation: "PUMAPI auth" });
    expect((error as Error).message).not.toContain(API_KEY);
  });
});
