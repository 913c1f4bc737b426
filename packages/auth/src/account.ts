/**
 * Changes that need the current password: changing it and deleting the
 * account. A password change issues a new token for the requesting session and
 * deletes the old one, because a privilege change should leave no token that
 * existed before it. By default it also ends every other session, so a stolen
 * token stops working when the owner changes the password.
 */
import { and, eq } from "drizzle-orm";
import { createAccessToken, type IssuedAccessToken, type TokenClientInfo } from "./access-tokens.js";
import { recordAuthEvent } from "./auth-events.js";
import { AuthError, isAuthError } from "./errors.js";
import { parsePassword } from "./password.js";
import { admitPasswordAttempt } from "./password-attempts.js";
import { assertPasswordNotCommon } from "./password-strength.js";
import { accessTokens, users } from "./schema/index.js";
import type { ServiceContext } from "./service-context.js";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** Ends every other session of the user; defaults to true. */
  signOutOtherSessions?: boolean | undefined;
}

/** The session making the request, as validateAccessToken resolved it. */
export interface RequestingSession {
  userId: string;
  tokenHash: string;
}

export async function changePassword(
  context: ServiceContext,
  session: RequestingSession,
  input: ChangePasswordInput,
  client?: TokenClientInfo,
): Promise<IssuedAccessToken> {
  const newPassword = parsePassword(input.newPassword, "newPassword");
  const { hash: oldHash, email } = await verifyCurrentPassword(context, session.userId, input.currentPassword, "currentPassword", client);
  assertPasswordNotCommon(newPassword, { userInputs: [email, email.split("@")[0] ?? ""], field: "newPassword" });
  const newHash = await context.hasher.hash(newPassword, context.bcryptCost);

  return context.db.transaction(async (tx) => {
    // Matching the old hash makes two concurrent changes safe: only the first
    // one to commit finds the hash it verified against.
    const updated = await tx
      .update(users)
      .set({ passwordHash: newHash, updatedAt: new Date() })
      .where(and(eq(users.id, session.userId), eq(users.passwordHash, oldHash)))
      .returning({ id: users.id });
    if (updated.length === 0) throw incorrectPassword("currentPassword");

    const signOutOthers = input.signOutOtherSessions ?? true;
    await tx
      .delete(accessTokens)
      .where(signOutOthers ? eq(accessTokens.userId, session.userId) : eq(accessTokens.tokenHash, session.tokenHash));
    const token = await createAccessToken(tx, session.userId, { policy: context.policy, client });
    await recordAuthEvent(tx, { type: "password_changed", userId: session.userId, sessionId: token.sessionId, client });
    return token;
  });
}

/** Deletes the user after checking the password; tokens go with it and its events keep a null user id. */
export async function deleteAccount(
  context: ServiceContext,
  userId: string,
  password: string,
  client?: TokenClientInfo,
): Promise<void> {
  const { hash } = await verifyCurrentPassword(context, userId, password, "password", client);

  await context.db.transaction(async (tx) => {
    await recordAuthEvent(tx, { type: "account_deleted", userId, client });
    const deleted = await tx
      .delete(users)
      .where(and(eq(users.id, userId), eq(users.passwordHash, hash)))
      .returning({ id: users.id });
    if (deleted.length === 0) throw incorrectPassword("password");
  });
}

/**
 * Returns the stored hash and email when `raw` is the user's password, and
 * throws INCORRECT_PASSWORD otherwise. Attempts count against the same
 * throttle as logins, so a stolen token cannot be used to guess the password.
 */
async function verifyCurrentPassword(
  context: ServiceContext,
  userId: string,
  raw: string,
  field: string,
  client: TokenClientInfo | undefined,
): Promise<{ hash: string; email: string }> {
  let password: string;
  try {
    password = parsePassword(raw, field);
  } catch (error) {
    // A value outside the password rules cannot be the stored password.
    if (isAuthError(error)) throw incorrectPassword(field);
    throw error;
  }

  const rows = await context.db
    .select({ passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const user = rows[0];
  if (!user) throw incorrectPassword(field);

  const keys = { email: user.email, ipAddress: client?.ipAddress };
  await admitPasswordAttempt(context, keys, client);
  if (!(await context.hasher.verify(password, user.passwordHash))) throw incorrectPassword(field);
  await context.throttle.recordSuccess(keys);
  return { hash: user.passwordHash, email: user.email };
}

function incorrectPassword(field: string): AuthError {
  return new AuthError("INCORRECT_PASSWORD", "The current password is incorrect.", { field });
}
