/**
 * Opaque access tokens. A token is 32 bytes from the operating system's CSPRNG
 * (256 bits), sent as 43 base64url characters. The database keeps only its
 * SHA-256, so a leaked table grants nothing. Validation is one indexed query on
 * that hash, joined to the user, that reads both the idle and the absolute
 * deadline. It returns null for an unknown, expired or malformed token, and
 * callers turn null into UNAUTHORIZED. A second statement runs only when the
 * idle deadline is due to slide forward, or to delete the expired row it met.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lte, or, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { accessTokens, users } from "./schema/index.js";
import { isRenewalDue, nextIdleExpiry, resolveSessionPolicy, type SessionPolicy } from "./session-policy.js";
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
  /** The idle deadline; each use can move it forward, never past `absoluteExpiresAt`. */
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** The session's public id, as listed by the sessions API. */
  sessionId: string;
}

export interface ValidatedAccessToken {
  user: PublicUser;
  tokenHash: string;
  sessionId: string;
  /** The idle deadline after this validation, which is the renewed one when `renewed` is true. */
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** True when this validation moved the idle deadline, so a cookie holding the token can be extended. */
  renewed: boolean;
}

export interface CreateAccessTokenOptions {
  policy?: SessionPolicy;
  client?: TokenClientInfo | undefined;
  now?: Date;
}

export interface ValidateAccessTokenOptions {
  policy?: SessionPolicy;
  now?: Date;
}

export function generateAccessToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedAccessToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

/** Stores a new token for the user and returns its plaintext, which exists only in this result. */
export async function createAccessToken(
  db: Database,
  userId: string,
  options: CreateAccessTokenOptions = {},
): Promise<IssuedAccessToken> {
  const policy = options.policy ?? resolveSessionPolicy();
  const token = generateAccessToken();
  const now = options.now ?? new Date();
  const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteSeconds * 1000);
  const expiresAt = nextIdleExpiry(policy, now, absoluteExpiresAt);

  const inserted = await db
    .insert(accessTokens)
    .values({
      tokenHash: hashAccessToken(token),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      absoluteExpiresAt,
      userAgent: options.client?.userAgent ?? null,
      ipAddress: options.client?.ipAddress ?? null,
    })
    .returning({ publicId: accessTokens.publicId });

  const sessionId = inserted[0]?.publicId;
  if (!sessionId) throw new Error("INSERT ... RETURNING produced no row");
  return { accessToken: token, tokenType: "bearer", expiresAt, absoluteExpiresAt, sessionId };
}

/**
 * Resolves a token to its user, or returns null when it is unknown, expired or
 * malformed. An expired row found here is deleted. A valid token whose idle
 * deadline can move by at least the renewal interval gets a conditional UPDATE.
 */
export async function validateAccessToken(
  db: Database,
  token: string | null | undefined,
  options: ValidateAccessTokenOptions = {},
): Promise<ValidatedAccessToken | null> {
  if (!isWellFormedAccessToken(token)) return null;
  const policy = options.policy ?? resolveSessionPolicy();
  const tokenHash = hashAccessToken(token);
  const now = options.now ?? new Date();

  const rows = await validationQuery(db).execute({ tokenHash });
  const row = rows[0];
  if (!row) return null;

  if (row.expiresAt <= now || row.absoluteExpiresAt <= now) {
    await deleteIfExpired(db, tokenHash, now);
    return null;
  }

  const session: ValidatedAccessToken = {
    user: { id: row.id, email: row.email, createdAt: row.createdAt },
    tokenHash,
    sessionId: row.sessionId,
    expiresAt: row.expiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    renewed: false,
  };
  const next = nextIdleExpiry(policy, now, row.absoluteExpiresAt);
  if (!isRenewalDue(policy, row.expiresAt, next)) return session;

  // The condition repeats isRenewalDue in SQL, so concurrent requests write
  // once. After one has moved the deadline, the others' UPDATE matches no row.
  const latestDue = new Date(next.getTime() - policy.renewalIntervalSeconds * 1000);
  const renewed = await db
    .update(accessTokens)
    .set({ expiresAt: next, lastUsedAt: now })
    .where(and(eq(accessTokens.tokenHash, tokenHash), lte(accessTokens.expiresAt, latestDue)))
    .returning({ expiresAt: accessTokens.expiresAt });
  if (renewed[0]) {
    session.expiresAt = renewed[0].expiresAt;
    session.renewed = true;
  }
  return session;
}

/**
 * Builds the validation query, once per database, for reuse. Building a Drizzle
 * query takes more CPU than PostgreSQL spends executing this one, and token
 * checks run on every protected request.
 */
function buildValidationQuery(db: Database) {
  return (
    db
      .select({
        sessionId: accessTokens.publicId,
        expiresAt: accessTokens.expiresAt,
        absoluteExpiresAt: accessTokens.absoluteExpiresAt,
        id: users.id,
        email: users.email,
        createdAt: users.createdAt,
      })
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      // Expiry is checked by the caller, so that an expired row it meets can be deleted.
      .where(eq(accessTokens.tokenHash, sql.placeholder("tokenHash")))
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
  if (!isWellFormedAccessToken(token)) return false;
  const deleted = await db
    .delete(accessTokens)
    .where(eq(accessTokens.tokenHash, hashAccessToken(token)))
    .returning({ tokenHash: accessTokens.tokenHash });
  return deleted.length > 0;
}

async function deleteIfExpired(db: Database, tokenHash: string, now: Date): Promise<void> {
  await db
    .delete(accessTokens)
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        or(lte(accessTokens.expiresAt, now), lte(accessTokens.absoluteExpiresAt, now)),
      ),
    );
}
