import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Password-attempt counters shared by every instance of the app. `key_hash` is
 * the SHA-256 (hex) of the normalised email or of the client IP address, so the
 * table stores neither, not even for addresses that have no account.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    /** "account" for a normalised email address, "ip" for a client IP address. */
    scope: text("scope").notNull(),
    keyHash: text("key_hash").notNull(),
    /** Attempts since the last success or since the counter went stale. */
    attempts: integer("attempts").notNull().default(0),
    /** No attempt with this key is allowed before this time; null when none is blocked. */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "login_throttles_pkey", columns: [table.scope, table.keyHash] })],
);

export type LoginThrottleRow = typeof loginThrottles.$inferSelect;
