/**
 * Opaque access tokens. A token is 32 bytes from the operating system's CSPRNG
 * (256 bits), sent as 43 base64url characters. The database keeps only its
 * SHA-256, so a leaked table grants nothing. Validation is one indexed query on
 * that hash, joined to the user, that also checks expiry; it returns null for an
 * unknown, expired or malformed token, and callers turn null into UNAUTHORIZED.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { accessTokens, users } from "./schema/index.js";
import type { PublicUser } from "./users.js";

export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface TokenClientInfo {
  userAgent?: string | null;
  ipAddress?: string | null;
}

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: "bearer";
  expiresAt: Date;
}

export interface ValidatedAccessToken {
  user: PublicUser;
  tokenHash: string;
  expiresAt: Date;
}

export function generateAccessToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Stores a new token for the user and returns its plaintext, which exists only in this result. */
export async function createAccessToken(
  db: Database,
  userId: string,
  options: { ttlSeconds: number; client?: TokenClientInfo; now?: Date },
): Promise<IssuedAccessToken> {
  const token = generateAccessToken();
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + options.ttlSeconds * 1000);

  await db.insert(accessTokens).values({
    tokenHash: hashAccessToken(token),
    userId,
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    userAgent: options.client?.userAgent ?? null,
    ipAddress: options.client?.ipAddress ?? null,
  });
  return { accessToken: token, tokenType: "bearer", expiresAt };
}

/** Resolves a token to its user, or returns null when it is unknown, expired or malformed. */
export async function validateAccessToken(
  db: Database,
  token: string | null | undefined,
  options: { now?: Date } = {},
): Promise<ValidatedAccessToken | null> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashAccessToken(token);
  const now = options.now ?? new Date();

  const rows = await validationQuery(db).execute({ tokenHash, now: now.toISOString() });

  const row = rows[0];
  if (!row) return null;
  return {
    user: { id: row.id, email: row.email, createdAt: row.createdAt },
    tokenHash,
    expiresAt: row.expiresAt,
  };
}

/**
 * The validation query, built once per database and reused. Building a Drizzle
 * query takes more CPU than PostgreSQL spends executing this one, and token
 * checks run on every protected request.
 */
function buildValidationQuery(db: Database) {
  return (
    db
      .select({
        expiresAt: accessTokens.expiresAt,
        id: users.id,
        email: users.email,
        createdAt: users.createdAt,
      })
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      // Placeholders skip the column's Date mapping, so `now` is passed as an ISO 8601 string.
      .where(and(eq(accessTokens.tokenHash, sql.placeholder("tokenHash")), gt(accessTokens.expiresAt, sql.placeholder("now"))))
      .limit(1)
      .prepare("gatehouse_validate_access_token")
  );
}

type ValidationQuery = ReturnType<typeof buildValidationQuery>;
const validationQueries = new WeakMap<Database, ValidationQuery>();

function validationQuery(db: Database): ValidationQuery {
  let query = validationQueries.get(db);
  if (!query) {
    query = buildValidationQuery(db);
    validationQueries.set(db, query);
  }
  return query;
}

/** Deletes one token; returns whether it existed. */
export async function revokeAccessToken(db: Database, token: string): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false;
  const deleted = await db
    .delete(accessTokens)
    .where(eq(accessTokens.tokenHash, hashAccessToken(token)))
    .returning({ tokenHash: accessTokens.tokenHash });
  return deleted.length > 0;
}
