import type { IssuedAccessToken } from "@gatehouse/auth";

export interface AccessTokenOutput {
  accessToken: string;
  tokenType: "bearer";
  /** ISO 8601 time after which the token is rejected unless it is used; each use moves it forward. */
  expiresAt: string;
}

export function toAccessTokenOutput(token: IssuedAccessToken): AccessTokenOutput {
  return { accessToken: token.accessToken, tokenType: token.tokenType, expiresAt: token.expiresAt.toISOString() };
}
