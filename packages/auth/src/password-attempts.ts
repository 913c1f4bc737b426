/**
 * The throttle gate in front of every password check (login, password change,
 * account deletion). A rejected attempt is recorded as a "throttled" event for
 * the account it named, so its owner can see the attack on the activity page.
 */
import { eq } from "drizzle-orm";
import type { TokenClientInfo } from "./access-tokens.js";
import { recordAuthEvent } from "./auth-events.js";
import type { Database } from "./database.js";
import { isAuthError } from "./errors.js";
import { users } from "./schema/index.js";
import type { LoginThrottle, ThrottleKeys } from "./throttle.js";

export interface PasswordAttemptGate {
  db: Database;
  throttle: LoginThrottle;
}

/** Counts one attempt, or records a "throttled" event and rethrows TOO_MANY_ATTEMPTS. */
export async function admitPasswordAttempt(
  gate: PasswordAttemptGate,
  keys: ThrottleKeys,
  client: TokenClientInfo | undefined,
): Promise<void> {
  try {
    await gate.throttle.consume(keys);
  } catch (error) {
    if (isAuthError(error) && error.code === "TOO_MANY_ATTEMPTS") {
      const rows = await gate.db.select({ id: users.id }).from(users).where(eq(users.email, keys.email)).limit(1);
      // NOTE: every rejected attempt adds one row, so a long attack grows auth_events.
      await recordAuthEvent(gate.db, { type: "throttled", userId: rows[0]?.id, client });
    }
    throw error;
  }
}
