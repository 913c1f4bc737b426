export { createContext, readBearerToken, type Context, type CreateContextOptions } from "./context";
export { AUTH_ERROR_TO_TRPC, summarizeError, toTRPCError } from "./errors";
export { createTrpcHandler, MAX_BATCH_SIZE, type TrpcHandlerOptions } from "./fetch-handler";
export { createLogger, REDACTED_PATHS, type CreateLoggerOptions, type Logger } from "./logger";
export { appRouter, createCaller, type AppRouter } from "./root";
export type { ActivityEventOutput } from "./routers/activity";
export type { AccessTokenOutput, UserOutput } from "./routers/auth";
export type { DeviceOutput } from "./routers/device-output";
export type { SessionOutput } from "./routers/sessions";
