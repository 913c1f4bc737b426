export {
  createAccessToken,
  generateAccessToken,
  hashAccessToken,
  revokeAccessToken,
  TOKEN_BYTES,
  validateAccessToken,
  type IssuedAccessToken,
  type TokenClientInfo,
  type ValidatedAccessToken,
} from "./access-tokens.js";
export {
  createAuthService,
  DEFAULT_TOKEN_TTL_SECONDS,
  type AuthService,
  type AuthServiceOptions,
  type Credentials,
} from "./auth-service.js";
export { readConfig, type GatehouseConfig } from "./config.js";
export {
  DEFAULT_DATA_DIR,
  openDatabase,
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from "./database.js";
export { findErrorCode, isConnectionError, isUniqueViolation } from "./database-errors.js";
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
export * as schema from "./schema/index.js";
export { findUserById, type PublicUser } from "./users.js";
export {
  createWorkerPasswordHasher,
  DEFAULT_HASH_NICE_INCREMENT,
  HASH_WORKER_SPECIFIER,
  resolveHashWorkerFile,
  type WorkerPasswordHasher,
  type WorkerPasswordHasherOptions,
} from "./worker-password-hasher.js";
