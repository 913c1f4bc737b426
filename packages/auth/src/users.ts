import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { users } from "./schema/index.js";

/** The user fields the API may return; the password hash is never among them. */
export interface PublicUser {
  id: string;
  email: string;
  createdAt: Date;
}

export async function findUserById(db: Database, id: string): Promise<PublicUser | null> {
  const rows = await db
    .select({ id: users.id, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return rows[0] ?? null;
}
