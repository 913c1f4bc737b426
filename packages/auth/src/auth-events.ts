/**
 * The activity log. Events carry the time, the user, the session public id,
 * the client's address and user agent, and never a password, token or hash.
 * Rows are only inserted; deleting an account keeps its events with a null
 * user id (the foreign key is ON DELETE SET NULL).
 */
import { desc, eq } from "drizzle-orm";
import type { TokenClientInfo } from "./access-tokens.js";
import type { Database } from "./database.js";
import { AuthError } from "./errors.js";
import { authEvents, type AuthEventType } from "./schema/index.js";

export const DEFAULT_ACTIVITY_LIMIT = 20;
export const MAX_ACTIVITY_LIMIT = 100;

export interface AuthEventInput {
  type: AuthEventType;
  userId?: string | null | undefined;
  sessionId?: string | null | undefined;
  client?: TokenClientInfo | undefined;
  now?: Date | undefined;
}

export interface AuthEvent {
  id: number;
  type: AuthEventType;
  sessionId: string | null;
  createdAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface ListAuthEventsOptions {
  /** How many events to return, 1 to 100; defaults to 20. */
  limit?: number | undefined;
}

/** Appends events to the log, in one INSERT. */
export async function recordAuthEvents(db: Database, events: AuthEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(authEvents).values(
    events.map((event) => ({
      type: event.type,
      userId: event.userId ?? null,
      sessionId: event.sessionId ?? null,
      createdAt: event.now ?? new Date(),
      ipAddress: event.client?.ipAddress ?? null,
      userAgent: event.client?.userAgent ?? null,
    })),
  );
}

export function recordAuthEvent(db: Database, event: AuthEventInput): Promise<void> {
  return recordAuthEvents(db, [event]);
}

/** Returns the user's most recent events, newest first. */
export async function listAuthEvents(
  db: Database,
  userId: string,
  options: ListAuthEventsOptions = {},
): Promise<AuthEvent[]> {
  const limit = options.limit ?? DEFAULT_ACTIVITY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACTIVITY_LIMIT) {
    throw new AuthError("INVALID_INPUT", `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.`, {
      field: "limit",
    });
  }

  return db
    .select({
      id: authEvents.id,
      type: authEvents.type,
      sessionId: authEvents.sessionId,
      createdAt: authEvents.createdAt,
      ipAddress: authEvents.ipAddress,
      userAgent: authEvents.userAgent,
    })
    .from(authEvents)
    .where(eq(authEvents.userId, userId))
    .orderBy(desc(authEvents.createdAt), desc(authEvents.id))
    .limit(limit);
}
