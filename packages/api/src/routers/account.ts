import { changePasswordInput, deleteAccountInput } from "../inputs";
import { protectedProcedure } from "../trpc";
import { toAccessTokenOutput } from "./access-token-output";

/** Procedures that need the current password; the auth router lists them under `auth`. */
export const accountProcedures = {
  /**
   * Sets a new password and returns a new token for this session, because the
   * presented token is deleted. Other sessions end unless signOutOtherSessions is false.
   */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const token = await ctx.auth.changePassword(ctx.session, input, ctx.client);
    ctx.logger.info({ userId: ctx.session.user.id }, "password changed");
    return toAccessTokenOutput(token);
  }),

  /** Deletes the account and all its sessions after checking the password. */
  deleteAccount: protectedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    await ctx.auth.deleteAccount(ctx.session, input.password, ctx.client);
    ctx.logger.info({ userId: ctx.session.user.id }, "account deleted");
    return { success: true as const };
  }),
};
