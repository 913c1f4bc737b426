/**
 * A user's sessions (live access tokens), listed and revoked by their public
 * id. The public id is a random UUID stored beside the token hash, so a list
 * shows nothing that authenticates. Every statement filters on the user id, so
 * one user can neither see nor end another user's session. A revoked token's
 * row is gone, so its next request fails validation.
 */
import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Database } from "./database.js";
import { accessTokens } from "./schema/index.js";
import { describeDevice, type DeviceDescription } from "./user-agent.js";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionSummary {
  /** The public id, for revoke requests. */
  id: string;
  /** True for the session whose token made the request. */
  current: boolean;
  createdAt: Date;
  /** When the idle deadline last moved, so accurate to the renewal interval (at most 5 minutes). */
  lastUsedAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  device: DeviceDescription;
}

export interface ListSessionsOptions {
  /** The public id of the session making the request, marked `current`. */
  currentSessionId?: string | undefined;
  now?: Date | undefined;
}

/** Returns the user's unexpired sessions, most recently used first. */
export async function listSessions(
  db: Database,
  userId: string,
  options: ListSessionsOptions = {},
): Promise<SessionSummary[]> {
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      id: accessTokens.publicId,
      createdAt: accessTokens.createdAt,
      lastUsedAt: accessTokens.lastUsedAt,
      expiresAt: accessTokens.expiresAt,
      absoluteExpiresAt: accessTokens.absoluteExpiresAt,
      ipAddress: accessTokens.ipAddress,
      userAgent: accessTokens.userAgent,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), gt(accessTokens.expiresAt, now), gt(accessTokens.absoluteExpiresAt, now)))
    .orderBy(desc(accessTokens.lastUsedAt), desc(accessTokens.createdAt));

  return rows.map((row) => ({
    ...row,
    current: row.id === options.currentSessionId,
    device: describeDevice(row.userAgent),
  }));
}

/** Deletes one of the user's sessions; returns false when the user has no session with that id. */
export async function revokeSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  if (!UUID_PATTERN.test(sessionId)) return false;
  const deleted = await db
    .delete(accessTokens)
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.publicId, sessionId)))
    .returning({ id: accessTokens.publicId });
  return deleted.length > 0;
}

/** Deletes every session of the user except `keepSessionId`; returns the public ids deleted. */
export async function revokeOtherSessions(db: Database, userId: string, keepSessionId: string): Promise<string[]> {
  const deleted = await db
    .delete(accessTokens)
    .where(and(eq(accessTokens.userId, userId), ne(accessTokens.publicId, keepSessionId)))
    .returning({ id: accessTokens.publicId });
  return deleted.map((row) => row.id);
}
