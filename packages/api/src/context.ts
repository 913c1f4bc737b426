/**
 * The per-request context. It reads the access token from the
 * `Authorization: Bearer <token>` header but does not resolve it: only
 * protected procedures pay for the database lookup.
 */
import type { AuthService, TokenClientInfo } from "@gatehouse/auth";
import type { Logger } from "./logger";

export interface Context {
  auth: AuthService;
  logger: Logger;
  /** The presented access token, or null when the request carries none. */
  token: string | null;
  client: TokenClientInfo;
}

export interface CreateContextOptions {
  auth: AuthService;
  logger: Logger;
  headers: Headers;
  /** The client's address as the server determined it; headers are not trusted for it here. */
  clientIp?: string | null | undefined;
}

const MAX_USER_AGENT_LENGTH = 512;

export function createContext(options: CreateContextOptions): Context {
  const userAgent = options.headers.get("user-agent");
  return {
    auth: options.auth,
    logger: options.logger,
    token: readBearerToken(options.headers.get("authorization")),
    client: {
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
      ipAddress: options.clientIp ?? null,
    },
  };
}

/** Extracts the token from an Authorization header; the scheme is case-insensitive (RFC 7235). */
export function readBearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
