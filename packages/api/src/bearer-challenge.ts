/**
 * The `WWW-Authenticate` challenge of 401 responses (RFC 6750 section 3): a
 * request with no credentials gets `Bearer` with no error code, and one with a
 * bad or expired token gets `Bearer error="invalid_token"`, so OAuth2 clients
 * know to request a new token rather than retry.
 */
import { TRPCError } from "@trpc/server";

export const BEARER_CHALLENGE = "Bearer";
export const INVALID_TOKEN_CHALLENGE = 'Bearer error="invalid_token"';

/** The UNAUTHORIZED error of a protected procedure, with the challenge its response carries. */
export class AccessTokenError extends TRPCError {
  readonly challenge: string;

  constructor(options: { tokenPresented: boolean }) {
    super({
      code: "UNAUTHORIZED",
      message: options.tokenPresented
        ? "The access token is invalid or has expired. Sign in again."
        : "Sign in first: send an access token as `Authorization: Bearer <token>`.",
    });
    this.challenge = options.tokenPresented ? INVALID_TOKEN_CHALLENGE : BEARER_CHALLENGE;
  }
}

/**
 * Returns the `WWW-Authenticate` value for a response that carries these
 * errors, or null when none is UNAUTHORIZED. In a batch, `invalid_token` wins.
 */
export function findBearerChallenge(errors: readonly TRPCError[]): string | null {
  let challenge: string | null = null;
  for (const error of errors) {
    if (error.code !== "UNAUTHORIZED") continue;
    // Duck-typed rather than instanceof, because a bundler may load this module twice.
    const own = (error as Partial<AccessTokenError>).challenge;
    if (own === INVALID_TOKEN_CHALLENGE) return own;
    challenge = BEARER_CHALLENGE;
  }
  return challenge;
}
