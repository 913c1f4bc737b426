export { createContext, readBearerToken, type Context, type CreateContextOptions } from "./context";
export { AUTH_ERROR_TO_TRPC, summarizeError, toTRPCError } from "./errors";
export { createTrustedProxies, normalizeIp, resolveClientIp, type ResolveClientIpOptions, type TrustedProxies } from "./client-ip";
export {
  createTrpcHandler,
  MAX_BATCH_SIZE,
  type ConnectionInfo,
  type TrpcHandler,
  type TrpcHandlerOptions,
} from "./fetch-handler";
export { createLogger, REDACTED_PATHS, type CreateLoggerOptions, type Logger } from "./logger";
export { appRouter, createCaller, type AppRouter } from "./root";
export type { AccessTokenOutput, UserOutput } from "./routers/auth";
