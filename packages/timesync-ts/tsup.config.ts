import { defineConfig } from "tsup";
import { sdkBuilds } from "../../scripts/build/sdk-tsup.mjs";

// The library and its command, built as both SDKs build them.
export default defineConfig(sdkBuilds());
