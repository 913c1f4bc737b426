/**
 * Turns failures into tRPC errors: one table maps each auth error code to a
 * tRPC code, database outages become SERVICE_UNAVAILABLE, and anything else
 * becomes INTERNAL_SERVER_ERROR with an id the logs can be searched for. No
 * stack, SQL text or secret reaches a response.
 */
import { randomUUID } from "node:crypto";
import { findErrorCode, isAuthError, isConnectionError, type AuthError, type AuthErrorCode } from "@gatehouse/auth";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

export const AUTH_ERROR_TO_TRPC: Record<AuthErrorCode, TRPC_ERROR_CODE_KEY> = {
  INVALID_EMAIL: "BAD_REQUEST",
  INVALID_PASSWORD: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  // Not UNAUTHORIZED: the token is fine, and a client must not sign out over a typo.
  INCORRECT_PASSWORD: "BAD_REQUEST",
  SESSION_NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "BAD_REQUEST",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  DATABASE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  DATA_DIR_LOCKED: "INTERNAL_SERVER_ERROR",
  INVALID_CONFIG: "INTERNAL_SERVER_ERROR",
};

export const SERVICE_UNAVAILABLE_MESSAGE = "The service is temporarily unavailable. Try again in a moment.";

/** A TRPCError built from an AuthError keeps the field so the client can show the message next to it. */
export class FieldAwareTRPCError extends TRPCError {
  readonly field: string | undefined;
  readonly authCode: AuthErrorCode;
  /** For TOO_MANY_REQUESTS: whole seconds until the next attempt may succeed. */
  readonly retryAfterSeconds: number | undefined;

  constructor(error: AuthError) {
    const code = AUTH_ERROR_TO_TRPC[error.code];
    const exposed = code !== "INTERNAL_SERVER_ERROR";
    super({ code, message: exposed ? error.message : "Internal server error.", cause: error });
    this.field = error.field;
    this.authCode = error.code;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** Maps an error thrown by a resolver to the TRPCError to respond with, or returns undefined to leave it unchanged. */
export function toTRPCError(error: unknown): TRPCError | undefined {
  if (isAuthError(error)) return new FieldAwareTRPCError(error);
  if (isConnectionError(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: SERVICE_UNAVAILABLE_MESSAGE, cause: error });
  }
  return undefined;
}

export function newErrorId(): string {
  return randomUUID();
}

/**
 * A log-safe description of an unexpected error. drizzle-orm's DrizzleQueryError
 * message contains the SQL text and its parameters, which can include password
 * hashes and token hashes, so only names, codes and the driver's own message
 * are kept.
 */
export function summarizeError(error: unknown): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const key = depth === 0 ? "error" : `cause${depth}`;
    const isQueryError = current.name === "DrizzleQueryError" || "params" in current;
    summary[key] = {
      name: current.name,
      code: findErrorCode(current),
      message: isQueryError ? "(query failed; SQL and parameters withheld)" : current.message,
    };
    current = current.cause;
  }
  if (Object.keys(summary).length === 0) summary.error = { type: typeof error };
  return summary;
}
