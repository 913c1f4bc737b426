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
  | "DATABASE_UNAVAILABLE"
  | "DATA_DIR_LOCKED"
  | "INVALID_CONFIG";

export interface AuthErrorOptions {
  /** The input field the error is about, such as "email" or "password". */
  field?: string;
  cause?: unknown;
}

/**
 * The one error class the auth core throws. Messages are written for the person
 * who sent the request and never contain a password, token or hash.
 */
export class AuthError extends Error {
  override readonly name = "AuthError";
  readonly code: AuthErrorCode;
  readonly field: string | undefined;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
