/**
 * Codes of every failure the auth core reports to its callers. The tRPC layer
 * maps each code to a transport status in one table, and the web app maps each
 * to a message a person can act on.
 */
export type AuthErrorCode =
  | "INVALID_EMAIL"
  | "INVALID_PASSWORD"
  | "EMAIL_TAKEN"
  | "INVALID_CREDENTIALS"
  | "INCORRECT_PASSWORD"
  | "SESSION_NOT_FOUND"
  | "INVALID_INPUT"
  | "TOO_MANY_ATTEMPTS"
  | "DATABASE_UNAVAILABLE"
  | "DATA_DIR_LOCKED"
  | "INVALID_CONFIG";

export interface AuthErrorOptions {
  /** The input field the error is about, such as "email" or "password". */
  field?: string;
  /** For TOO_MANY_ATTEMPTS: whole seconds to wait before the next attempt can succeed. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

// A registry symbol marks AuthError instances, because a Next.js server can load
// this module more than once (one copy per bundle), and instanceof then fails
// for an error thrown by another copy.
const AUTH_ERROR_BRAND = Symbol.for("gatehouse.AuthError");

/**
 * The one error class the auth core throws. Messages are written for the person
 * who sent the request and never contain a password, token or hash.
 */
export class AuthError extends Error {
  override readonly name = "AuthError";
  readonly code: AuthErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly [AUTH_ERROR_BRAND] = true;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Recognises an AuthError from any loaded copy of this module. */
export function isAuthError(error: unknown): error is AuthError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[AUTH_ERROR_BRAND] === true;
}
