/**
 * Fills access_tokens with valid rows for one user, so that token lookups can
 * be timed against a large table. One INSERT ... SELECT over generate_series
 * writes them all inside PostgreSQL.
 */
import { hashAccessToken } from "@gatehouse/auth";
import postgres from "postgres";

/** Adds tokens until the table contains `total` rows, runs ANALYZE, and returns the row count. */
export async function fillAccessTokens(databaseUrl: string, userId: string, total: number): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [before] = await sql<{ count: number }[]>`select count(*)::int as count from access_tokens`;
    const missing = total - (before?.count ?? 0);
    if (missing > 0) {
      // The hashes are SHA-256 of random UUIDs: unique, and no client has their tokens.
      await sql`
        insert into access_tokens (token_hash, user_id, expires_at)
        select encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), ${userId}, now() + interval '1 day'
        from generate_series(1, ${missing}::int)
      `;
    }
    await sql`analyze access_tokens`;
    const [after] = await sql<{ count: number }[]>`select count(*)::int as count from access_tokens`;
    return after?.count ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function countAccessTokens(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from access_tokens`;
    return row?.count ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Deletes every access token except `accessToken` and vacuums the table, so
 * that neither dead rows nor their index entries are left for lookups to skip.
 */
export async function keepOnlyAccessToken(databaseUrl: string, accessToken: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from access_tokens where token_hash <> ${hashAccessToken(accessToken)}`;
    await sql`vacuum analyze access_tokens`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
