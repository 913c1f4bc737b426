/**
 * Deletes expired access tokens in batches. Each batch is its own statement,
 * and so its own transaction, that deletes at most `batchSize` rows chosen by
 * primary key through the `expires_at` index. No lock is held for long, so
 * sign-ins go on while a large backlog is cleared. Rows locked by a concurrent
 * renewal are skipped and left for the next run. Only `expires_at` is tested,
 * because the service never sets it past `absolute_expires_at`.
 */
import { sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { AuthError } from "./errors.js";

/** Large enough that 100,000 rows take 50 statements, small enough that each finishes in milliseconds. */
export const DEFAULT_PURGE_BATCH_SIZE = 2_000;
export const MAX_PURGE_BATCH_SIZE = 10_000;

export interface PurgeOptions {
  /** Rows deleted per statement, 1 to 10,000; defaults to 2,000. */
  batchSize?: number | undefined;
  /** Rows whose deadline is at or before this time are deleted; defaults to now. */
  now?: Date | undefined;
}

export interface PurgeResult {
  deleted: number;
  batches: number;
}

export async function purgeExpiredTokens(db: Database, options: PurgeOptions = {}): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_PURGE_BATCH_SIZE) {
    throw new AuthError(
      "INVALID_CONFIG",
      `Purge batch size must be a whole number from 1 to ${MAX_PURGE_BATCH_SIZE}, got ${String(batchSize)}.`,
    );
  }
  const now = (options.now ?? new Date()).toISOString();

  let deleted = 0;
  let batches = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from access_tokens
      where token_hash in (
        select token_hash from access_tokens
        where expires_at <= ${now}::timestamptz
        limit ${batchSize}
        for update skip locked
      )`);
    const count = affectedRows(result);
    batches++;
    deleted += count;
    if (count < batchSize) return { deleted, batches };
  }
}

/** Reads the affected-row count from either driver: postgres.js returns `count`, PGlite `affectedRows`. */
function affectedRows(result: unknown): number {
  const { count, affectedRows: affected } = result as { count?: number; affectedRows?: number };
  return count ?? affected ?? 0;
}
