/**
 * The per-request context. It reads the access token from the
 * `Authorization: Bearer <token>` header or, failing that, from the session
 * cookie the web pages set, but does not resolve it: only protected procedures
 * pay for the database lookup.
 */
import type { AuthService, TokenClientInfo, ValidatedAccessToken } from "@gatehouse/auth";
import type { Logger } from "./logger";
import { findCrossOriginReason } from "./request-origin";
import { isHttpsRequest, readSessionCookieToken } from "./session-token-cookie";

/** The source of the presented access token: the Authorization header or the session cookie. */
export type TokenSource = "bearer" | "cookie";

/** A session that a protected procedure resolved, with the token and where the token came from. */
export interface ValidatedSessionEvent {
  session: ValidatedAccessToken;
  token: string;
  source: TokenSource;
}

/**
 * Called after a protected procedure resolves its token, before the procedure
 * runs. A web server uses it to extend the session cookie when `session.renewed`
 * is true. An error it throws fails the call.
 */
export type SessionValidatedListener = (event: ValidatedSessionEvent) => void | Promise<void>;

export interface Context {
  auth: AuthService;
  logger: Logger;
  /** The presented access token, or null when the request carries none. */
  token: string | null;
  /** The source of `token`, or null when there is none. */
  tokenSource: TokenSource | null;
  /** The reason the request is cross-site (see request-origin.ts), or null for a page of this site. */
  crossOriginReason: string | null;
  client: TokenClientInfo;
  onSessionValidated: SessionValidatedListener | null;
}

export interface CreateContextOptions {
  auth: AuthService;
  logger: Logger;
  headers: Headers;
  /** The request URL; an https URL selects the `__Host-` cookie name. */
  requestUrl?: string | undefined;
  /** The client's address as the server determined it; headers are not trusted for it here. */
  clientIp?: string | null | undefined;
  onSessionValidated?: SessionValidatedListener | undefined;
}

const MAX_USER_AGENT_LENGTH = 512;

export function createContext(options: CreateContextOptions): Context {
  const { headers } = options;
  const userAgent = headers.get("user-agent");
  const bearer = readBearerToken(headers.get("authorization"));
  const cookie = bearer ? null : readSessionCookieToken(headers, { secure: isHttpsRequest(headers, options.requestUrl) });
  let tokenSource: TokenSource | null = null;
  if (bearer) tokenSource = "bearer";
  else if (cookie) tokenSource = "cookie";

  return {
    auth: options.auth,
    logger: options.logger,
    token: bearer ?? cookie,
    tokenSource,
    crossOriginReason: findCrossOriginReason(headers),
    client: {
      userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
      ipAddress: options.clientIp ?? null,
    },
    onSessionValidated: options.onSessionValidated ?? null,
  };
}

/** Extracts the token from an Authorization header; the scheme is case-insensitive (RFC 7235). */
export function readBearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
