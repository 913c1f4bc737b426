import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * Issued access tokens. Only the SHA-256 of a token is stored, as lowercase hex,
 * so a copy of this table cannot be replayed against the API.
 */
export const accessTokens = pgTable(
  "access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
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
