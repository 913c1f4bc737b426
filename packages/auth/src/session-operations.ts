import type { TokenClientInfo, ValidatedAccessToken } from "./access-tokens.js";
import { recordAuthEvents } from "./auth-events.js";
import { AuthError } from "./errors.js";
import type { ServiceContext } from "./service-context.js";
import { listSessions, revokeOtherSessions, revokeSession, type SessionSummary } from "./sessions.js";

/** The session methods of the auth service; each acts for the user of a validated token only. */
export interface SessionOperations {
  listSessions(session: ValidatedAccessToken): Promise<SessionSummary[]>;
  /** Ends one of the user's sessions; throws SESSION_NOT_FOUND for an id that is not one of them. */
  revokeSession(session: ValidatedAccessToken, sessionId: string, client?: TokenClientInfo): Promise<{ current: boolean }>;
  /** Ends every session of the user except the one making the request; returns how many ended. */
  revokeOtherSessions(session: ValidatedAccessToken, client?: TokenClientInfo): Promise<{ revoked: number }>;
}

export function createSessionOperations(context: ServiceContext): SessionOperations {
  const { db } = context;
  return {
    listSessions(session) {
      return listSessions(db, session.user.id, { currentSessionId: session.sessionId });
    },

    async revokeSession(session, sessionId, client) {
      const revoked = await revokeSession(db, session.user.id, sessionId);
      if (!revoked) {
        throw new AuthError("SESSION_NOT_FOUND", "No session of yours has this id. It may have ended already.", {
          field: "id",
        });
      }
      await recordAuthEvents(db, [{ type: "session_revoked", userId: session.user.id, sessionId, client }]);
      return { current: sessionId === session.sessionId };
    },

    async revokeOtherSessions(session, client) {
      const revoked = await revokeOtherSessions(db, session.user.id, session.sessionId);
      await recordAuthEvents(
        db,
        revoked.map((sessionId) => ({ type: "session_revoked" as const, userId: session.user.id, sessionId, client })),
      );
      return { revoked: revoked.length };
    },
  };
}
