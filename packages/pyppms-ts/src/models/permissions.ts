import type { SystemPermission } from "../wire/rights-lines.js";

/** One line of `getsysrights`: a user's permission on the asked system. */
export interface SystemRight {
  /** The permission letter. */
  permission: SystemPermission;
  /** The user's login. */
  login: string;
}

/** One line of `getuserrights`: the asked user's permission on a system. */
export interface UserRight {
  /** The permission letter. */
  permission: SystemPermission;
  /** The system id. */
  systemId: number;
}
