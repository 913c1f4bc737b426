import type { IssuedAccessToken, PublicUser } from "@gatehouse/auth";
import { protectedProcedure, publicProcedure, router } from "../trpc";
import { credentialsInput } from "../inputs";

export interface UserOutput {
  id: string;
  email: string;
  createdAt: string;
}

export interface AccessTokenOutput {
  accessToken: string;
  tokenType: "bearer";
  /** ISO 8601 time after which the token is rejected. */
  expiresAt: string;
}

export function toUserOutput(user: PublicUser): UserOutput {
  return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() };
}

export function toAccessTokenOutput(token: IssuedAccessToken): AccessTokenOutput {
  return { accessToken: token.accessToken, tokenType: token.tokenType, expiresAt: token.expiresAt.toISOString() };
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
    await ctx.auth.logout(ctx.token);
    return { success: true as const };
  }),
});
