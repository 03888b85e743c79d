import { HttpStatusError } from "@facility-sdk/http-core";
import { AuthenticationError } from "../errors/answer.js";
import { checkAuthAnswer } from "./answer-checks.js";
import type { PumapiClient } from "./pumapi-client.js";

/**
 * Sends `auth` (pyppms: the key alone) and checks the answer: `request not authorized`, an
 * `error` text, an HTML page or HTTP 401/403 are refusals; an empty answer is a success (as pyppms). `auth` is marked a
 * login: never recorded, never replayed.
 *
 * @returns the answer text and status
 */
export async function authenticate(client: PumapiClient, signal: AbortSignal | undefined): Promise<{ text: string; status: number }> {
  try {
    return await client.send(
      "auth",
      {},
      (answer) => {
        checkAuthAnswer(answer);
        return { text: answer.text, status: answer.status };
      },
      { authentication: true, signal },
    );
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 401 || error.status === 403)) {
      throw new AuthenticationError("auth", {
        request: error.request,
        status: error.status,
        reason: `HTTP ${error.status}`,
        redactor: client.redactor,
        cause: error,
      });
    }
    throw error;
  }
}
