import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/** Every kind of event the activity log records. */
export const AUTH_EVENT_TYPES = [
  "registered",
  "login_succeeded",
  "login_failed",
  "logged_out",
  "password_changed",
  "session_revoked",
  "throttled",
  "account_deleted",
] as const;

export type AuthEventType = (typeof AUTH_EVENT_TYPES)[number];

/**
 * The append-only activity log: the code only inserts rows. No column contains
 * a password, token, token hash or password hash. When an account is deleted
 * its events stay, with `user_id` set to null, so the log still counts what
 * happened. A `login_failed` event for an unknown address has a null `user_id` too.
 */
export const authEvents = pgTable(
  "auth_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").$type<AuthEventType>().notNull(),
    /** The session (access token public id) the event concerns, when there is one. */
    sessionId: uuid("session_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (table) => [
    index("auth_events_user_id_created_at_idx").on(table.userId, table.createdAt.desc(), table.id.desc()),
    check(
      "auth_events_type_check",
      sql.raw(`${table.type.name} in (${AUTH_EVENT_TYPES.map((type) => `'${type}'`).join(", ")})`),
    ),
  ],
);

export type AuthEventRow = typeof authEvents.$inferSelect;
