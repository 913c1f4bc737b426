export { createContext, readBearerToken, type Context, type CreateContextOptions } from "./context.js";
export { AUTH_ERROR_TO_TRPC, summarizeError, toTRPCError } from "./errors.js";
export { createTrpcHandler, MAX_BATCH_SIZE, type TrpcHandlerOptions } from "./fetch-handler.js";
export { createLogger, REDACTED_PATHS, type CreateLoggerOptions, type Logger } from "./logger.js";
export { appRouter, createCaller, type AppRouter } from "./root.js";
export type { AccessTokenOutput, UserOutput } from "./routers/auth.js";
