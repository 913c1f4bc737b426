export { AccessTokenError, BEARER_CHALLENGE, findBearerChallenge, INVALID_TOKEN_CHALLENGE } from "./bearer-challenge";
export {
  createContext,
  readBearerToken,
  type Context,
  type CreateContextOptions,
  type SessionValidatedListener,
  type TokenSource,
  type ValidatedSessionEvent,
} from "./context";
export { AUTH_ERROR_TO_TRPC, summarizeError, toTRPCError } from "./errors";
export { createTrustedProxies, normalizeIp, resolveClientIp, type ResolveClientIpOptions, type TrustedProxies } from "./client-ip";
export { createTrpcHandler, type ConnectionInfo, type TrpcHandler, type TrpcHandlerOptions } from "./fetch-handler";
export { describeInputIssues, type DescribedInputIssues } from "./input-errors";
export { MAX_BATCH_SIZE } from "./limits";
export { createLogger, REDACTED_PATHS, type CreateLoggerOptions, type Logger } from "./logger";
export { findCrossOriginReason } from "./request-origin";
export { appRouter, createCaller, type AppRouter } from "./root";
export type { ActivityEventOutput } from "./routers/activity";
export type { AccessTokenOutput, UserOutput } from "./routers/auth";
export type { DeviceOutput } from "./routers/device-output";
export type { SessionOutput } from "./routers/sessions";
export {
  isHttpsRequest,
  parseCookieHeader,
  readSessionCookieToken,
  SECURE_SESSION_COOKIE_NAME,
  SESSION_COOKIE_NAME,
  sessionCookieName,
} from "./session-token-cookie";
export { createTokenHandler, MAX_TOKEN_REQUEST_BYTES, tokenError, type TokenEndpointOptions, type TokenErrorCode } from "./token-endpoint";
