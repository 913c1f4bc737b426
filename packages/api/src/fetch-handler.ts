/**
 * Serves the router over HTTP with tRPC's fetch adapter, for Next.js route
 * handlers and any other runtime with Request and Response.
 */
import type { AuthService } from "@gatehouse/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { findBearerChallenge } from "./bearer-challenge";
import { createContext, type SessionValidatedListener } from "./context";
import { MAX_BATCH_SIZE } from "./limits";
import type { Logger } from "./logger";
import { appRouter } from "./root";

export interface TrpcHandlerOptions {
  auth: AuthService;
  logger: Logger;
  /** The path the handler is mounted at, such as "/api/trpc". */
  endpoint: string;
  /** Returns the client's address for a request; defaults to none. */
  resolveClientIp?: (request: Request) => string | null;
  /** Called with each session a protected procedure resolves; see SessionValidatedListener. */
  onSessionValidated?: SessionValidatedListener;
}

export function createTrpcHandler(options: TrpcHandlerOptions): (request: Request) => Promise<Response> {
  return (request) =>
    fetchRequestHandler({
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
          clientIp: options.resolveClientIp?.(request) ?? null,
          onSessionValidated: options.onSessionValidated,
        }),
      responseMeta: ({ errors }) => {
        const challenge = findBearerChallenge(errors);
        return challenge ? { headers: new Headers({ "www-authenticate": challenge }) } : {};
      },
    });
}
