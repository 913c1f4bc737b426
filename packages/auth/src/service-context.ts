import type { Database } from "./database.js";
import type { PasswordHasher } from "./password.js";
import type { SessionPolicy } from "./session-policy.js";
import type { LoginThrottle } from "./throttle.js";

/** Dependencies shared by the service's operations: the database, the hasher, the password-attempt throttle and the configured limits. */
export interface ServiceContext {
  db: Database;
  hasher: PasswordHasher;
  bcryptCost: number;
  policy: SessionPolicy;
  throttle: LoginThrottle;
}
