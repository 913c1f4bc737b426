/**
 * Server settings read from environment variables, the only place Gatehouse
 * reads process.env. Invalid values stop start-up with a message naming the
 * variable and the accepted range.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_DATA_DIR } from "./database.js";
import { AuthError } from "./errors.js";
import { DEFAULT_BCRYPT_COST, MAX_BCRYPT_COST, MIN_BCRYPT_COST } from "./password.js";
import {
  DEFAULT_SESSION_ABSOLUTE_SECONDS,
  DEFAULT_SESSION_IDLE_SECONDS,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
} from "./session-policy.js";
import { DEFAULT_ACCOUNT_THROTTLE } from "./throttle.js";
import { parseTrustedProxies, type IpRange } from "./trusted-proxies.js";

/** Expired tokens are purged hourly by default; validation also deletes each expired token it meets. */
export const DEFAULT_PURGE_INTERVAL_SECONDS = 60 * 60;
/**
 * Raising the free attempts per account weakens brute-force protection; the
 * bound exists for load tests that sign one account in from many connections.
 */
const MAX_THROTTLE_FREE_ATTEMPTS = 1_000_000;
/** A bound that catches typos such as 1000, because a pool larger than the core count only adds queueing. */
const MAX_HASH_THREADS = 256;

const integer = <Fallback extends number | undefined>(name: string, min: number, max: number, fallback: Fallback) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const parsed: number = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number from ${min} to ${max}, got "${value}".` });
        return z.NEVER;
      }
      return parsed;
    });

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: "DATABASE_URL must start with postgres:// or postgresql://, or be unset to use the embedded database.",
    }),
  GATEHOUSE_DATA_DIR: z.string().trim().optional(),
  GATEHOUSE_SESSION_IDLE_SECONDS: integer("GATEHOUSE_SESSION_IDLE_SECONDS", MIN_SESSION_SECONDS, MAX_SESSION_SECONDS, undefined),
  // The earlier name of GATEHOUSE_SESSION_IDLE_SECONDS, still accepted.
  GATEHOUSE_TOKEN_TTL_SECONDS: integer("GATEHOUSE_TOKEN_TTL_SECONDS", MIN_SESSION_SECONDS, MAX_SESSION_SECONDS, undefined),
  GATEHOUSE_SESSION_ABSOLUTE_SECONDS: integer(
    "GATEHOUSE_SESSION_ABSOLUTE_SECONDS",
    MIN_SESSION_SECONDS,
    MAX_SESSION_SECONDS,
    undefined,
  ),
  GATEHOUSE_PURGE_INTERVAL_SECONDS: integer("GATEHOUSE_PURGE_INTERVAL_SECONDS", 0, 7 * 24 * 3600, DEFAULT_PURGE_INTERVAL_SECONDS),
  GATEHOUSE_BCRYPT_COST: integer("GATEHOUSE_BCRYPT_COST", MIN_BCRYPT_COST, MAX_BCRYPT_COST, DEFAULT_BCRYPT_COST),
  GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS: integer("GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS", 1, 60, DEFAULT_CONNECT_TIMEOUT_SECONDS),
  GATEHOUSE_THROTTLE_FREE_ATTEMPTS: integer(
    "GATEHOUSE_THROTTLE_FREE_ATTEMPTS",
    1,
    MAX_THROTTLE_FREE_ATTEMPTS,
    DEFAULT_ACCOUNT_THROTTLE.freeAttempts,
  ),
  GATEHOUSE_HASH_THREADS: integer("GATEHOUSE_HASH_THREADS", 0, MAX_HASH_THREADS, availableParallelism()),
  GATEHOUSE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  GATEHOUSE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value ?? "");
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `GATEHOUSE_TRUSTED_PROXIES: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
});

export interface GatehouseConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seconds without use after which a session ends. */
  sessionIdleSeconds: number;
  /** Seconds after sign-in after which a session ends however it is used. */
  sessionAbsoluteSeconds: number;
  /** Seconds between in-process purges of expired tokens; 0 turns the schedule off. */
  purgeIntervalSeconds: number;
  bcryptCost: number;
  /** Worker threads that run bcrypt, or 0 to run it on the main thread. */
  hashThreads: number;
  /** Password attempts an account gets before the backoff starts. */
  throttleFreeAttempts: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Seconds to wait for a PostgreSQL connection before a request fails with 503. */
  dbConnectTimeoutSeconds: number;
  /** Proxies allowed to name the client in X-Forwarded-For; empty trusts none. */
  trustedProxies: IpRange[];
}

export function readConfig(env: Record<string, string | undefined> = process.env): GatehouseConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issue.message).join(" ");
    throw new AuthError("INVALID_CONFIG", `Invalid configuration: ${problems}`);
  }
  const values = result.data;

  const idle = values.GATEHOUSE_SESSION_IDLE_SECONDS;
  const legacyIdle = values.GATEHOUSE_TOKEN_TTL_SECONDS;
  if (idle !== undefined && legacyIdle !== undefined && idle !== legacyIdle) {
    throw new AuthError(
      "INVALID_CONFIG",
      "Invalid configuration: GATEHOUSE_SESSION_IDLE_SECONDS and its old name GATEHOUSE_TOKEN_TTL_SECONDS are both set, to different values. Unset GATEHOUSE_TOKEN_TTL_SECONDS.",
    );
  }
  const sessionIdleSeconds = idle ?? legacyIdle ?? DEFAULT_SESSION_IDLE_SECONDS;
  // Unset, the absolute timeout is 30 days or the idle timeout, whichever is longer.
  const sessionAbsoluteSeconds =
    values.GATEHOUSE_SESSION_ABSOLUTE_SECONDS ?? Math.max(DEFAULT_SESSION_ABSOLUTE_SECONDS, sessionIdleSeconds);
  if (sessionAbsoluteSeconds < sessionIdleSeconds) {
    throw new AuthError(
      "INVALID_CONFIG",
      `Invalid configuration: GATEHOUSE_SESSION_ABSOLUTE_SECONDS (${sessionAbsoluteSeconds}) must not be less than the idle timeout (${sessionIdleSeconds}).`,
    );
  }

  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: values.GATEHOUSE_DATA_DIR || DEFAULT_DATA_DIR,
    sessionIdleSeconds,
    sessionAbsoluteSeconds,
    purgeIntervalSeconds: values.GATEHOUSE_PURGE_INTERVAL_SECONDS,
    bcryptCost: values.GATEHOUSE_BCRYPT_COST,
    hashThreads: values.GATEHOUSE_HASH_THREADS,
    throttleFreeAttempts: values.GATEHOUSE_THROTTLE_FREE_ATTEMPTS,
    logLevel: values.GATEHOUSE_LOG_LEVEL,
    dbConnectTimeoutSeconds: values.GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS,
    trustedProxies: values.GATEHOUSE_TRUSTED_PROXIES,
  };
}
