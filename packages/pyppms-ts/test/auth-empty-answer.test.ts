import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../src/index.js";
import { useScriptedPumapi } from "./helpers/harness.js";

const API_KEY = "auth-empty-Key-7d21";
const pumapi = useScriptedPumapi({ apiKey: API_KEY, retry: { limit: 0 } });

describe("connect and pyppms' empty `auth` answer", () => {
  it("an empty 200 to `auth` (pyppms' own recorded answer) is a success", async () => {
    const server = await pumapi.start(() => ({ body: "" }));
    const ppms = await pumapi.connect({ baseUrl: server.url });
    expect(ppms.status).toMatchObject({ authState: "SUCCESS", authResponse: "", authHttpStatus: 200 });
    expect(server.forms.map((f) => f.action)).toEqual(["auth"]);
  });

  it.each([["request not authorized"], ["error: wrong key"], ["<html><body>Login</body></html>"]])("%j to `auth` is still a refusal", async (body) => {
    const server = await pumapi.start(() => ({ body }));
    const error = await pumapi.connect({ baseUrl: server.url }).then(
      () => expect.unreachable("expected a rejection"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain(API_KEY);
  });
});
