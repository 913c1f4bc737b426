export {
  createAccessToken,
  generateAccessToken,
  hashAccessToken,
  isWellFormedAccessToken,
  revokeAccessToken,
  TOKEN_BYTES,
  validateAccessToken,
  type CreateAccessTokenOptions,
  type IssuedAccessToken,
  type TokenClientInfo,
  type ValidateAccessTokenOptions,
  type ValidatedAccessToken,
} from "./access-tokens.js";
export { changePassword, deleteAccount, type ChangePasswordInput, type RequestingSession } from "./account.js";
export {
  DEFAULT_ACTIVITY_LIMIT,
  listAuthEvents,
  MAX_ACTIVITY_LIMIT,
  recordAuthEvent,
  recordAuthEvents,
  type AuthEvent,
  type AuthEventInput,
  type ListAuthEventsOptions,
} from "./auth-events.js";
export {
  createAuthService,
  DEFAULT_TOKEN_TTL_SECONDS,
  type AuthService,
  type AuthServiceOptions,
  type Credentials,
} from "./auth-service.js";
export { DEFAULT_PURGE_INTERVAL_SECONDS, readConfig, type GatehouseConfig } from "./config.js";
export {
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  DEFAULT_DATA_DIR,
  openDatabase,
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from "./database.js";
export { findErrorCode, isConnectionError, isForeignKeyViolation, isUniqueViolation } from "./database-errors.js";
export { MAX_EMAIL_LENGTH, normalizeEmail, parseEmail } from "./email.js";
export { AuthError, isAuthError, type AuthErrorCode, type AuthErrorOptions } from "./errors.js";
export {
  countCodePoints,
  DEFAULT_BCRYPT_COST,
  inlinePasswordHasher,
  MAX_BCRYPT_COST,
  MAX_PASSWORD_LENGTH,
  MIN_BCRYPT_COST,
  MIN_PASSWORD_LENGTH,
  parsePassword,
  prehash,
  readBcryptCost,
  type PasswordHasher,
} from "./password.js";
export {
  DEFAULT_PURGE_BATCH_SIZE,
  MAX_PURGE_BATCH_SIZE,
  purgeExpiredTokens,
  type PurgeOptions,
  type PurgeResult,
} from "./purge.js";
export { runPurgeCommand, type PurgeCommandResult } from "./purge-command.js";
export { startPurgeSchedule, type PurgeSchedule, type PurgeScheduleOptions } from "./purge-schedule.js";
export {
  assertPasswordNotCommon,
  passwordStrength,
  type PasswordScore,
  type PasswordStrength,
} from "./password-strength.js";
export * as schema from "./schema/index.js";
export { AUTH_EVENT_TYPES, type AuthEventType } from "./schema/index.js";
export type { ServiceContext } from "./service-context.js";
export type { SessionOperations } from "./session-operations.js";
export {
  DEFAULT_SESSION_ABSOLUTE_SECONDS,
  DEFAULT_SESSION_IDLE_SECONDS,
  isRenewalDue,
  MAX_RENEWAL_INTERVAL_SECONDS,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  nextIdleExpiry,
  resolveSessionPolicy,
  type SessionPolicy,
  type SessionPolicyOptions,
} from "./session-policy.js";
export { listSessions, revokeOtherSessions, revokeSession, type ListSessionsOptions, type SessionSummary } from "./sessions.js";
export { describeDevice, type DeviceDescription } from "./user-agent.js";
export { findUserById, type PublicUser } from "./users.js";
export {
  createLoginThrottle,
  DEFAULT_ACCOUNT_THROTTLE,
  DEFAULT_IP_THROTTLE,
  deleteStaleLoginThrottles,
  hashThrottleKey,
  type LoginThrottle,
  type LoginThrottleOptions,
  type ThrottleKeys,
  type ThrottlePolicy,
} from "./throttle.js";
export { parseTrustedProxies, type IpRange } from "./trusted-proxies.js";
export {
  createWorkerPasswordHasher,
  DEFAULT_HASH_NICE_INCREMENT,
  HASH_WORKER_SPECIFIER,
  resolveHashWorkerFile,
  type WorkerPasswordHasher,
  type WorkerPasswordHasherOptions,
} from "./worker-password-hasher.js";
