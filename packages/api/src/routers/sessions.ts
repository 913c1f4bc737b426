import type { SessionSummary } from "@gatehouse/auth";
import { sessionIdInput } from "../inputs";
import { protectedProcedure, router } from "../trpc";
import { toDeviceOutput, type DeviceOutput } from "./device-output";

export interface SessionOutput {
  /** The session's public id, for auth.sessions.revoke; it cannot be used to authenticate. */
  id: string;
  /** True for the session that made this request. */
  current: boolean;
  createdAt: string;
  /** Updated when the idle deadline moves, so accurate to about 5 minutes. */
  lastUsedAt: string;
  /** The idle deadline. */
  expiresAt: string;
  /** The deadline that use cannot extend. */
  absoluteExpiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  device: DeviceOutput;
}

export function toSessionOutput(session: SessionSummary): SessionOutput {
  return {
    id: session.id,
    current: session.current,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
    device: toDeviceOutput(session.device),
  };
}

export const sessionsRouter = router({
  /** The user's unexpired sessions, most recently used first. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const sessions = await ctx.auth.listSessions(ctx.session);
    return { sessions: sessions.map(toSessionOutput) };
  }),

  /** Ends one of the user's sessions; an id that is not one of them raises NOT_FOUND. */
  // NOTE: revoking needs only a valid token, not the password again. OWASP ASVS
  // 4.0.3 (V3.3.4, level 2) asks for the credentials again before sessions are ended.
  revoke: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const { current } = await ctx.auth.revokeSession(ctx.session, input.id, ctx.client);
    return { success: true as const, current };
  }),

  /** Ends every session of the user except the one making the request. */
  revokeOthers: protectedProcedure.mutation(async ({ ctx }) => {
    return ctx.auth.revokeOtherSessions(ctx.session, ctx.client);
  }),
});
