/**
 * Throttling of password attempts per account and per client IP address, kept
 * in PostgreSQL so every instance of the app shares the counters. Each attempt
 * is counted before the password is verified, inside a transaction that locks
 * the counter rows, so concurrent attempts cannot all slip through on one
 * stale count. Past the free attempts, each attempt sets an exponential delay
 * before the next one (OWASP Authentication cheat sheet, "Login Throttling").
 * The account key is the normalised email, whether or not an account has it,
 * so throttling behaves the same for unknown addresses and leaks nothing.
 */
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { AuthError } from "./errors.js";
import { loginThrottles, type LoginThrottleRow } from "./schema/index.js";

export interface ThrottlePolicy {
  /** Attempts allowed before any delay. */
  freeAttempts: number;
  /** Delay in seconds set by the last free attempt. Each further attempt doubles it. */
  baseDelaySeconds: number;
  /** Upper bound of the delay, in seconds. */
  maxDelaySeconds: number;
  /** A counter with no attempt for this many seconds starts again from zero. */
  resetAfterSeconds: number;
}

/** 5 free attempts, then 1 s doubling to 15 minutes: about 100 guesses a day at the cap. */
export const DEFAULT_ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  resetAfterSeconds: 24 * 60 * 60,
};

/** A higher budget, because many people can share one address behind NAT. Successes do not use it up. */
export const DEFAULT_IP_THROTTLE: ThrottlePolicy = {
  freeAttempts: 100,
  baseDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  resetAfterSeconds: 60 * 60,
};

export interface ThrottleKeys {
  /** The normalised email address the attempt names. */
  email: string;
  /** The client's IP address, or null when it is unknown. Then only the account counter applies. */
  ipAddress?: string | null | undefined;
}

export interface LoginThrottle {
  /**
   * Counts one password attempt for the account and the IP address, or throws
   * TOO_MANY_ATTEMPTS (with `retryAfterSeconds`) and counts nothing when either
   * of them must still wait. Call it before verifying the password.
   */
  consume(keys: ThrottleKeys): Promise<void>;
  /** Clears the account counter after a correct password and gives the IP address its attempt back. */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
}

export interface LoginThrottleOptions {
  db: Database;
  account?: ThrottlePolicy | undefined;
  ip?: ThrottlePolicy | undefined;
  /** The clock; tests move it forward instead of waiting. */
  now?: (() => Date) | undefined;
}

type Scope = "account" | "ip";

interface ThrottleKey {
  scope: Scope;
  keyHash: string;
  policy: ThrottlePolicy;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const { db } = options;
  const policies: Record<Scope, ThrottlePolicy> = {
    account: options.account ?? DEFAULT_ACCOUNT_THROTTLE,
    ip: options.ip ?? DEFAULT_IP_THROTTLE,
  };
  const clock = options.now ?? (() => new Date());

  const keysOf = (keys: ThrottleKeys): ThrottleKey[] => {
    const list: ThrottleKey[] = [{ scope: "account", keyHash: hashThrottleKey(keys.email), policy: policies.account }];
    if (keys.ipAddress) list.push({ scope: "ip", keyHash: hashThrottleKey(keys.ipAddress.toLowerCase()), policy: policies.ip });
    return list;
  };

  return {
    async consume(keys) {
      const now = clock();
      const list = keysOf(keys);

      const retryAfterSeconds = await db.transaction(async (tx) => {
        // Each transaction locks at most one account row and then at most one ip
        // row, so attempts that share a key wait for each other and cannot deadlock.
        await tx
          .insert(loginThrottles)
          .values(list.map((key) => ({ scope: key.scope, keyHash: key.keyHash, attempts: 0, updatedAt: now })))
          .onConflictDoNothing();
        const rows = await tx
          .select()
          .from(loginThrottles)
          .where(or(...list.map((key) => and(eq(loginThrottles.scope, key.scope), eq(loginThrottles.keyHash, key.keyHash)))))
          .orderBy(loginThrottles.scope, loginThrottles.keyHash)
          .for("update");

        const waits = rows.map((row) => secondsUntil(row.blockedUntil, now));
        const wait = Math.max(0, ...waits);
        if (wait > 0) return wait;

        for (const key of list) {
          const row = rows.find((candidate) => candidate.scope === key.scope && candidate.keyHash === key.keyHash);
          const next = nextState(row, key.policy, now);
          await tx
            .update(loginThrottles)
            .set({ attempts: next.attempts, blockedUntil: next.blockedUntil, updatedAt: now })
            .where(and(eq(loginThrottles.scope, key.scope), eq(loginThrottles.keyHash, key.keyHash)));
        }
        return 0;
      });

      if (retryAfterSeconds > 0) throw tooManyAttempts(retryAfterSeconds);
    },

    async recordSuccess(keys) {
      const [account, ip] = keysOf(keys);
      if (!account) return;
      await db
        .delete(loginThrottles)
        .where(and(eq(loginThrottles.scope, account.scope), eq(loginThrottles.keyHash, account.keyHash)));
      if (ip) {
        await db
          .update(loginThrottles)
          .set({ attempts: sql`greatest(${loginThrottles.attempts} - 1, 0)` })
          .where(and(eq(loginThrottles.scope, ip.scope), eq(loginThrottles.keyHash, ip.keyHash)));
      }
    },
  };
}

/**
 * Deletes counters that block nothing and saw no attempt since `before`, so
 * the table does not grow with every address ever tried. Returns the number
 * of rows deleted.
 */
export async function deleteStaleLoginThrottles(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.updatedAt, before),
        or(isNull(loginThrottles.blockedUntil), lt(loginThrottles.blockedUntil, before)),
      ),
    )
    .returning({ scope: loginThrottles.scope });
  return deleted.length;
}

/** SHA-256 in hex; the table stores no email or IP address in the clear. */
export function hashThrottleKey(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Returns the counter after one more attempt; the delay starts with the last free attempt. */
function nextState(
  row: LoginThrottleRow | undefined,
  policy: ThrottlePolicy,
  now: Date,
): { attempts: number; blockedUntil: Date | null } {
  const stale = !row || now.getTime() - row.updatedAt.getTime() > policy.resetAfterSeconds * 1000;
  const attempts = (stale ? 0 : row.attempts) + 1;
  if (attempts < policy.freeAttempts) return { attempts, blockedUntil: null };

  // The exponent is capped so that 2 ** n stays a finite number for any count.
  const exponent = Math.min(attempts - policy.freeAttempts, 40);
  const delaySeconds = Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds);
  return { attempts, blockedUntil: new Date(now.getTime() + delaySeconds * 1000) };
}

function secondsUntil(time: Date | null, now: Date): number {
  if (!time) return 0;
  const milliseconds = time.getTime() - now.getTime();
  return milliseconds > 0 ? Math.ceil(milliseconds / 1000) : 0;
}

function tooManyAttempts(retryAfterSeconds: number): AuthError {
  const unit = retryAfterSeconds === 1 ? "second" : "seconds";
  return new AuthError(
    "TOO_MANY_ATTEMPTS",
    `Too many sign-in attempts. Wait ${retryAfterSeconds} ${unit}, then try again.`,
    { retryAfterSeconds },
  );
}
