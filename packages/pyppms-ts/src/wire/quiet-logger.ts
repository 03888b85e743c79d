import type { Logger } from "@facility-sdk/http-core";

const nothing = (): void => undefined;

/** A logger that drops everything: the default of the standalone parsing helpers. */
export const quietLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing };
