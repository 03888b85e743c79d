// The zod schemas of timesync-ts: answers (server → SDK objects) and inputs (checked before any
// request). This layer is the only one that imports zod at runtime, and it is private: it is loaded
// by `loadSchemas()` (src/client/schemas.ts) on the first call that needs it, so importing the
// package does not load zod. Imports only ../models/, ../internal/, ../wire/ and zod.
export { GetOneOptionsSchema, ListOptionsSchema } from "./common.js";
export { GetTimeOptionsSchema, TimeCreateInputSchema, TimeFilterSchema, TimeRevisionSchema, TimeSchema, TimeUpdateInputSchema } from "./time.js";
export { ProjectCreateInputSchema, ProjectFilterSchema, ProjectRevisionSchema, ProjectSchema, ProjectUpdateInputSchema } from "./project.js";
export { ActivityCreateInputSchema, ActivityRevisionSchema, ActivitySchema, ActivityUpdateInputSchema, ListedActivitySchema } from "./activity.js";
export { UserCreateInputSchema, UserReadOptionsSchema, UserSchema, UserUpdateInputSchema } from "./user.js";
