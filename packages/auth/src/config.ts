/**
 * Server settings read from environment variables, the only place Gatehouse
 * reads process.env. Invalid values stop start-up with a message naming the
 * variable and the accepted range.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_TOKEN_TTL_SECONDS } from "./auth-service.js";
import { DEFAULT_DATA_DIR } from "./database.js";
import { AuthError } from "./errors.js";
import { DEFAULT_BCRYPT_COST, MAX_BCRYPT_COST, MIN_BCRYPT_COST } from "./password.js";

/** A bound that catches typos such as 1000, because a pool larger than the core count only adds queueing. */
const MAX_HASH_THREADS = 256;

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const parsed = Number(value);
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
  GATEHOUSE_TOKEN_TTL_SECONDS: integer("GATEHOUSE_TOKEN_TTL_SECONDS", 60, 366 * 24 * 3600, DEFAULT_TOKEN_TTL_SECONDS),
  GATEHOUSE_BCRYPT_COST: integer("GATEHOUSE_BCRYPT_COST", MIN_BCRYPT_COST, MAX_BCRYPT_COST, DEFAULT_BCRYPT_COST),
  GATEHOUSE_HASH_THREADS: integer("GATEHOUSE_HASH_THREADS", 0, MAX_HASH_THREADS, availableParallelism()),
  GATEHOUSE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface GatehouseConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  tokenTtlSeconds: number;
  bcryptCost: number;
  /** Worker threads that run bcrypt, or 0 to run it on the main thread. */
  hashThreads: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export function readConfig(env: Record<string, string | undefined> = process.env): GatehouseConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => issue.message).join(" ");
    throw new AuthError("INVALID_CONFIG", `Invalid configuration: ${problems}`);
  }
  const values = result.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: values.GATEHOUSE_DATA_DIR || DEFAULT_DATA_DIR,
    tokenTtlSeconds: values.GATEHOUSE_TOKEN_TTL_SECONDS,
    bcryptCost: values.GATEHOUSE_BCRYPT_COST,
    hashThreads: values.GATEHOUSE_HASH_THREADS,
    logLevel: values.GATEHOUSE_LOG_LEVEL,
  };
}
