import { describeDevice, type AuthEvent, type AuthEventType } from "@gatehouse/auth";
import { activityListInput } from "../inputs";
import { protectedProcedure, router } from "../trpc";
import { toDeviceOutput, type DeviceOutput } from "./device-output";

export interface ActivityEventOutput {
  id: number;
  type: AuthEventType;
  createdAt: string;
  /** The public id of the session the event concerns, or null. */
  sessionId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  device: DeviceOutput;
}

export function toActivityEventOutput(event: AuthEvent): ActivityEventOutput {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    sessionId: event.sessionId,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    device: toDeviceOutput(describeDevice(event.userAgent)),
  };
}

export const activityRouter = router({
  /** The user's most recent sign-in and account events, newest first: 20, or `limit` (1 to 100). */
  list: protectedProcedure.input(activityListInput).query(async ({ ctx, input }) => {
    const events = await ctx.auth.listActivity(ctx.session.user.id, { limit: input?.limit });
    return { events: events.map(toActivityEventOutput) };
  }),
});
