import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Registered accounts. `email` stores the normalised address (see email.ts), so
 * the unique constraint rejects case and Unicode-compatibility variants too.
 */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique("users_email_unique"),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type UserRow = typeof users.$inferSelect;
