import type { PublicUser } from "@gatehouse/auth";
import { credentialsInput } from "../inputs";
import { protectedProcedure, publicProcedure, router } from "../trpc";
import { toAccessTokenOutput } from "./access-token-output";
import { accountProcedures } from "./account";
import { activityRouter } from "./activity";
import { sessionsRouter } from "./sessions";

export type { AccessTokenOutput } from "./access-token-output";

export interface UserOutput {
  id: string;
  email: string;
  createdAt: string;
}

export function toUserOutput(user: PublicUser): UserOutput {
  return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() };
}

export const authRouter = router({
  /** Creates an account and signs it in. */
  register: publicProcedure.input(credentialsInput).mutation(async ({ ctx, input }) => {
    const { user, token } = await ctx.auth.register(input, ctx.client);
    ctx.logger.info({ userId: user.id }, "user registered");
    return { user: toUserOutput(user), ...toAccessTokenOutput(token) };
  }),

  login: publicProcedure.input(credentialsInput).mutation(async ({ ctx, input }) => {
    const token = await ctx.auth.login(input, ctx.client);
    return toAccessTokenOutput(token);
  }),

  me: protectedProcedure.query(({ ctx }) => toUserOutput(ctx.session.user)),

  /** Deletes the presented token; other sessions of the user stay signed in. */
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.auth.logout(ctx.token, ctx.client);
    return { success: true as const };
  }),

  ...accountProcedures,
  sessions: sessionsRouter,
  activity: activityRouter,
});
