/**
 * Registration, login and logout over one database. Login does the same bcrypt
 * work whether or not the address is registered, by verifying against a dummy
 * hash of the configured cost, and answers both failures with one error, so
 * neither the reply nor its timing tells an attacker which addresses exist.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  createAccessToken,
  revokeAccessToken,
  validateAccessToken,
  type IssuedAccessToken,
  type TokenClientInfo,
  type ValidatedAccessToken,
} from "./access-tokens.js";
import type { Database } from "./database.js";
import { isUniqueViolation } from "./database-errors.js";
import { normalizeEmail, parseEmail } from "./email.js";
import { AuthError, isAuthError } from "./errors.js";
import {
  assertBcryptCost,
  DEFAULT_BCRYPT_COST,
  inlinePasswordHasher,
  parsePassword,
  type PasswordHasher,
} from "./password.js";
import { assertPasswordNotCommon } from "./password-strength.js";
import { users } from "./schema/index.js";
import { createLoginThrottle, type LoginThrottle } from "./throttle.js";
import type { PublicUser } from "./users.js";

export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60;

export interface AuthServiceOptions {
  db: Database;
  /** bcrypt cost for new hashes; defaults to 12. */
  bcryptCost?: number | undefined;
  /** Access token lifetime in seconds; defaults to 24 hours. */
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

export interface AuthService {
  readonly db: Database;
  readonly bcryptCost: number;
  readonly tokenTtlSeconds: number;
  register(credentials: Credentials, client?: TokenClientInfo): Promise<{ user: PublicUser; token: IssuedAccessToken }>;
  login(credentials: Credentials, client?: TokenClientInfo): Promise<IssuedAccessToken>;
  validate(token: string | null | undefined): Promise<ValidatedAccessToken | null>;
  logout(token: string): Promise<boolean>;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { db } = options;
  const bcryptCost = options.bcryptCost ?? DEFAULT_BCRYPT_COST;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const hasher = options.hasher ?? inlinePasswordHasher;
  const throttle = options.throttle ?? createLoginThrottle({ db });
  assertBcryptCost(bcryptCost);
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60) {
    throw new AuthError("INVALID_CONFIG", `Token lifetime must be a whole number of seconds, at least 60, got ${String(tokenTtlSeconds)}.`);
  }

  let dummyHash: Promise<string> | undefined;
  const getDummyHash = (): Promise<string> => {
    dummyHash ??= hasher.hash(randomBytes(16).toString("base64"), bcryptCost);
    return dummyHash;
  };

  return {
    db,
    bcryptCost,
    tokenTtlSeconds,

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
        const token = await createAccessToken(tx, user.id, { ttlSeconds: tokenTtlSeconds, client });
        return { user, token };
      });
    },

    async login(credentials, client) {
      const email = parseLoginEmail(credentials.email);
      const password = parsePassword(credentials.password);
      const throttleKeys = { email: email ?? normalizeEmail(credentials.email), ipAddress: client?.ipAddress };
      await throttle.consume(throttleKeys);

      const rows = email
        ? await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).limit(1)
        : [];
      const user = rows[0];
      const matches = await hasher.verify(password, user?.passwordHash ?? (await getDummyHash()));
      if (!user || !matches) {
        throw new AuthError("INVALID_CREDENTIALS", "Email address or password is incorrect.");
      }
      await throttle.recordSuccess(throttleKeys);
      return createAccessToken(db, user.id, { ttlSeconds: tokenTtlSeconds, client });
    },

    validate(token) {
      return validateAccessToken(db, token);
    },

    logout(token) {
      return revokeAccessToken(db, token);
    },
  };
}

/**
 * A malformed address at login cannot match an account; returning null lets
 * login spend the same bcrypt time as for an unknown one.
 */
function parseLoginEmail(raw: string): string | null {
  try {
    return parseEmail(raw);
  } catch (error) {
    if (isAuthError(error)) return null;
    throw error;
  }
}
