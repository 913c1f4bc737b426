import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * Issued access tokens, one row per session. Only the SHA-256 of a token is
 * stored, as lowercase hex, so a copy of this table cannot be replayed against
 * the API. `public_id` names the session in lists and revoke requests, and is
 * random, so knowing it does not help anyone to authenticate.
 *
 * `expires_at` is the effective expiry: the idle deadline, never later than
 * `absolute_expires_at`, so a purge needs only the `expires_at` index.
 */
export const accessTokens = pgTable(
  "access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    publicId: uuid("public_id").notNull().defaultRandom().unique("access_tokens_public_id_unique"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // The service always sets this column. The default only fills rows that
    // existed before the column was added, giving them 30 days from the upgrade.
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '30 days'`),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (table) => [
    index("access_tokens_user_id_idx").on(table.userId),
    index("access_tokens_expires_at_idx").on(table.expiresAt),
  ],
);

export type AccessTokenRow = typeof accessTokens.$inferSelect;
