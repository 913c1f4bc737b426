import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { users } from "./schema/index.js";

/** What the API may show about a user: never the password hash. */
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
