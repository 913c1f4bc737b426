/**
 * Serves the router over HTTP with tRPC's fetch adapter, for Next.js route
 * handlers and any other runtime with Request and Response.
 */
import type { AuthService } from "@gatehouse/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { findBearerChallenge } from "./bearer-challenge";
import { resolveClientIp, type TrustedProxies } from "./client-ip";
import { createContext, type SessionValidatedListener } from "./context";
import { FieldAwareTRPCError } from "./errors";
import { MAX_BATCH_SIZE } from "./limits";
import type { Logger } from "./logger";
import { guardRequest } from "./request-guard";
import { appRouter } from "./root";

export interface TrpcHandlerOptions {
  auth: AuthService;
  logger: Logger;
  /** The path the handler is mounted at, such as "/api/trpc". */
  endpoint: string;
  /** Proxies whose X-Forwarded-For header names the client; without it the peer address is the client. */
  trustedProxies?: TrustedProxies | undefined;
  /** Replaces the peer-and-proxy rule with a custom lookup of the client's address. */
  resolveClientIp?: ((request: Request) => string | null) | undefined;
  /** Called with each session a protected procedure resolves; see SessionValidatedListener. */
  onSessionValidated?: SessionValidatedListener | undefined;
}

/**
 * Facts about the connection that a Request does not carry.
 * NOTE: Next.js route handlers do not expose the TCP peer, so behind them the
 * client IP is unknown unless `resolveClientIp` is given, and only the
 * per-account throttle applies.
 */
export interface ConnectionInfo {
  /** The TCP peer's address, such as Node's `socket.remoteAddress`. */
  remoteAddress?: string | null | undefined;
}

export type TrpcHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

const NO_TRUSTED_PROXIES: TrustedProxies = { contains: () => false };

export function createTrpcHandler(options: TrpcHandlerOptions): TrpcHandler {
  const trustedProxies = options.trustedProxies ?? NO_TRUSTED_PROXIES;
  const clientIpOf = (request: Request, connection: ConnectionInfo | undefined): string | null =>
    options.resolveClientIp
      ? options.resolveClientIp(request)
      : resolveClientIp({ peerAddress: connection?.remoteAddress, headers: request.headers, trustedProxies });

  return async (incoming, connection) => {
    const guarded = await guardRequest(incoming);
    if ("response" in guarded) return guarded.response;
    const { request } = guarded;

    return fetchRequestHandler({
      endpoint: options.endpoint,
      req: request,
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: () =>
        createContext({
          auth: options.auth,
          logger: options.logger,
          headers: request.headers,
          requestUrl: request.url,
          clientIp: clientIpOf(request, connection),
          onSessionValidated: options.onSessionValidated,
        }),
      responseMeta: ({ errors }) => {
        // Responses carry tokens and account data, which no browser or proxy cache may keep (RFC 9111 section 5.2.2.5).
        const headers = new Headers({ "cache-control": "no-store" });
        const challenge = findBearerChallenge(errors);
        if (challenge) headers.set("www-authenticate", challenge);
        // Retry-After (RFC 9110 section 10.2.3) carries the longest wait of any throttled call in the batch.
        const waits = errors.map((error) => (error instanceof FieldAwareTRPCError ? (error.retryAfterSeconds ?? 0) : 0));
        const wait = Math.max(0, ...waits);
        if (wait > 0) headers.set("retry-after", String(wait));
        return { headers };
      },
    });
  };
}
