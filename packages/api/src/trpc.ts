/**
 * tRPC initialisation: the error formatter, and the public and protected
 * procedure builders every router uses.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AccessTokenError } from "./bearer-challenge";
import type { Context } from "./context";
import { FieldAwareTRPCError, newErrorId, summarizeError, toTRPCError } from "./errors";
import { describeInputIssues } from "./input-errors";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx, path }) {
    const data: Record<string, unknown> = { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path };
    let message = shape.message;

    if (error instanceof FieldAwareTRPCError && error.field) {
      data.field = error.field;
    }
    if (error instanceof FieldAwareTRPCError && error.retryAfterSeconds !== undefined) {
      data.retryAfterSeconds = error.retryAfterSeconds;
    }
    if (error.cause instanceof ZodError) {
      const described = describeInputIssues(error.cause);
      message = described.message;
      data.fieldErrors = described.fieldErrors;
      data.field = described.field;
    }
    if (error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError) {
      // V8's JSON.parse message quotes part of the body, which can hold a password.
      message = "The request body is not valid JSON: send a JSON object, such as the input of the procedure.";
    }
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const errorId = newErrorId();
      ctx?.logger.error({ errorId, path, ...summarizeError(error.cause ?? error) }, "unexpected error in procedure");
      message = `Something went wrong on our side. Try again; if it keeps failing, report error id ${errorId}.`;
      data.errorId = errorId;
    }
    // The default shape carries a stack trace in development; none is ever sent.
    return { code: shape.code, message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Maps auth-core errors and database outages to tRPC codes for every procedure. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/**
 * Resolves the access token to its user, or throws UNAUTHORIZED. A mutation
 * authenticated by the session cookie must come from a page of this site
 * (see request-origin.ts), or it fails with FORBIDDEN.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (ctx.tokenSource === "cookie" && type === "mutation" && ctx.crossOriginReason) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        `Cross-site request rejected: ${ctx.crossOriginReason}. ` +
        "Send it from this site's pages, or authenticate with an `Authorization: Bearer` header instead of the cookie.",
    });
  }

  const session = ctx.token ? await ctx.auth.validate(ctx.token) : null;
  if (!session) throw new AccessTokenError({ tokenPresented: ctx.token !== null });
  if (ctx.onSessionValidated && ctx.token && ctx.tokenSource) {
    await ctx.onSessionValidated({ session, token: ctx.token, source: ctx.tokenSource });
  }

  return next({ ctx: { ...ctx, token: ctx.token as string, session } });
});
