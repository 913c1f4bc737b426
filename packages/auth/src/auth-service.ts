/**
 * Registration, login, sessions and account changes over one database. Login
 * does the same bcrypt work whether or not the address is registered, by
 * verifying against a dummy hash of the configured cost. Both failures raise
 * one error, so neither the reply nor its timing reveals to an attacker which
 * addresses exist. A successful login whose stored hash has another cost than
 * the configured one stores a new hash. A failed one writes only its activity
 * event.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  createAccessToken,
  hashAccessToken,
  isWellFormedAccessToken,
  validateAccessToken,
  type IssuedAccessToken,
  type TokenClientInfo,
  type ValidatedAccessToken,
} from "./access-tokens.js";
import { changePassword, deleteAccount, type ChangePasswordInput } from "./account.js";
import { listAuthEvents, recordAuthEvent, type AuthEvent, type AuthEventInput, type ListAuthEventsOptions } from "./auth-events.js";
import type { Database } from "./database.js";
import { isForeignKeyViolation, isUniqueViolation } from "./database-errors.js";
import { normalizeEmail, parseEmail } from "./email.js";
import { AuthError, isAuthError } from "./errors.js";
import {
  assertBcryptCost,
  DEFAULT_BCRYPT_COST,
  inlinePasswordHasher,
  parsePassword,
  readBcryptCost,
  type PasswordHasher,
} from "./password.js";
import { admitPasswordAttempt } from "./password-attempts.js";
import { assertPasswordNotCommon } from "./password-strength.js";
import { accessTokens, users } from "./schema/index.js";
import type { ServiceContext } from "./service-context.js";
import { resolveSessionPolicy, type SessionPolicy } from "./session-policy.js";
import { createSessionOperations, type SessionOperations } from "./session-operations.js";
import { createLoginThrottle, type LoginThrottle } from "./throttle.js";
import type { PublicUser } from "./users.js";

/** One message for an unknown address, a wrong password and a deleted account, so a client cannot distinguish them. */
const INVALID_CREDENTIALS_MESSAGE = "Email address or password is incorrect.";

/** @deprecated Use DEFAULT_SESSION_IDLE_SECONDS. */
export { DEFAULT_SESSION_IDLE_SECONDS as DEFAULT_TOKEN_TTL_SECONDS } from "./session-policy.js";

export interface AuthServiceOptions {
  db: Database;
  /** bcrypt cost for new hashes; defaults to 12. */
  bcryptCost?: number | undefined;
  /** Seconds without use after which a session ends; defaults to 24 hours. */
  sessionIdleSeconds?: number | undefined;
  /** Seconds after sign-in after which a session ends however it is used; defaults to 30 days. */
  sessionAbsoluteSeconds?: number | undefined;
  /** @deprecated Use sessionIdleSeconds, which this sets when that is absent. */
  tokenTtlSeconds?: number | undefined;
  /** Defaults to bcryptjs on the calling thread. */
  hasher?: PasswordHasher | undefined;
  /** Counts password attempts per account and client IP; defaults to the PostgreSQL-backed throttle on `db`. */
  throttle?: LoginThrottle | undefined;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface AuthService extends SessionOperations {
  readonly db: Database;
  readonly bcryptCost: number;
  readonly sessionPolicy: SessionPolicy;
  /** @deprecated The idle timeout, sessionPolicy.idleSeconds. */
  readonly tokenTtlSeconds: number;
  register(credentials: Credentials, client?: TokenClientInfo): Promise<{ user: PublicUser; token: IssuedAccessToken }>;
  login(credentials: Credentials, client?: TokenClientInfo): Promise<IssuedAccessToken>;
  validate(token: string | null | undefined, options?: { now?: Date }): Promise<ValidatedAccessToken | null>;
  /** Deletes the token; returns whether it existed. */
  logout(token: string, client?: TokenClientInfo): Promise<boolean>;
  changePassword(session: ValidatedAccessToken, input: ChangePasswordInput, client?: TokenClientInfo): Promise<IssuedAccessToken>;
  deleteAccount(session: ValidatedAccessToken, password: string, client?: TokenClientInfo): Promise<void>;
  listActivity(userId: string, options?: ListAuthEventsOptions): Promise<AuthEvent[]>;
  /** Appends an event that another component detected, such as "throttled". */
  recordEvent(event: AuthEventInput): Promise<void>;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { db } = options;
  const bcryptCost = options.bcryptCost ?? DEFAULT_BCRYPT_COST;
  const hasher = options.hasher ?? inlinePasswordHasher;
  const throttle = options.throttle ?? createLoginThrottle({ db });
  assertBcryptCost(bcryptCost);
  const policy = resolveSessionPolicy({
    idleSeconds: options.sessionIdleSeconds ?? options.tokenTtlSeconds,
    absoluteSeconds: options.sessionAbsoluteSeconds,
  });
  const context: ServiceContext = { db, hasher, bcryptCost, policy, throttle };

  let dummyHash: Promise<string> | undefined;
  const getDummyHash = (): Promise<string> => {
    dummyHash ??= hasher.hash(randomBytes(16).toString("base64"), bcryptCost);
    return dummyHash;
  };

  return {
    db,
    bcryptCost,
    sessionPolicy: policy,
    tokenTtlSeconds: policy.idleSeconds,
    ...createSessionOperations(context),

    async register(credentials, client) {
      const email = parseEmail(credentials.email);
      const password = parsePassword(credentials.password);
      assertPasswordNotCommon(password, { userInputs: [email, email.split("@")[0] ?? ""] });
      const passwordHash = await hasher.hash(password, bcryptCost);

      return db.transaction(async (tx) => {
        let inserted;
        try {
          inserted = await tx
            .insert(users)
            .values({ email, passwordHash })
            .returning({ id: users.id, email: users.email, createdAt: users.createdAt });
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new AuthError("EMAIL_TAKEN", "An account with this email address already exists. Sign in instead.", {
              field: "email",
            });
          }
          throw error;
        }
        const user = inserted[0];
        if (!user) throw new Error("INSERT ... RETURNING produced no row");
        const token = await createAccessToken(tx, user.id, { policy, client });
        await recordAuthEvent(tx, { type: "registered", userId: user.id, sessionId: token.sessionId, client });
        return { user, token };
      });
    },

    async login(credentials, client) {
      const email = parseLoginEmail(credentials.email);
      const password = parsePassword(credentials.password);
      const throttleKeys = { email: email ?? normalizeEmail(credentials.email), ipAddress: client?.ipAddress };
      await admitPasswordAttempt({ db, throttle }, throttleKeys, client);

      const rows = email
        ? await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).limit(1)
        : [];
      const user = rows[0];
      const matches = await hasher.verify(password, user?.passwordHash ?? (await getDummyHash()));

      try {
        if (!user || !matches) {
          await recordAuthEvent(db, { type: "login_failed", userId: user?.id, client });
          throw new AuthError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
        }
        await throttle.recordSuccess(throttleKeys);

        if (readBcryptCost(user.passwordHash) !== bcryptCost) {
          const rehashed = await hasher.hash(password, bcryptCost);
          // Conditional on the old hash, so a password changed meanwhile is not overwritten.
          await db
            .update(users)
            .set({ passwordHash: rehashed })
            .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
        }
        const token = await createAccessToken(db, user.id, { policy, client });
        await recordAuthEvent(db, { type: "login_succeeded", userId: user.id, sessionId: token.sessionId, client });
        return token;
      } catch (error) {
        // deleteAccount may remove the user after the lookup above, and the foreign keys
        // then reject the new token or event: the account no longer exists.
        if (isForeignKeyViolation(error)) throw new AuthError("INVALID_CREDENTIALS", INVALID_CREDENTIALS_MESSAGE);
        throw error;
      }
    },

    validate(token, validateOptions = {}) {
      return validateAccessToken(db, token, { policy, now: validateOptions.now });
    },

    async logout(token, client) {
      if (!isWellFormedAccessToken(token)) return false;
      const deleted = await db
        .delete(accessTokens)
        .where(eq(accessTokens.tokenHash, hashAccessToken(token)))
        .returning({ userId: accessTokens.userId, sessionId: accessTokens.publicId });
      const row = deleted[0];
      if (!row) return false;
      await recordAuthEvent(db, { type: "logged_out", userId: row.userId, sessionId: row.sessionId, client });
      return true;
    },

    changePassword(session, input, client) {
      return changePassword(context, { userId: session.user.id, tokenHash: session.tokenHash }, input, client);
    },

    deleteAccount(session, password, client) {
      return deleteAccount(context, session.user.id, password, client);
    },

    listActivity(userId, listOptions) {
      return listAuthEvents(db, userId, listOptions);
    },

    recordEvent(event) {
      return recordAuthEvent(db, event);
    },
  };
}

/**
 * Parses the login address, or returns null when it is malformed. Such an
 * address cannot match an account, and null lets login spend the same bcrypt
 * time as for an unknown one.
 */
function parseLoginEmail(raw: string): string | null {
  try {
    return parseEmail(raw);
  } catch (error) {
    if (isAuthError(error)) return null;
    throw error;
  }
}
