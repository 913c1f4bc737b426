import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { MigrationConfig, MigrationMeta } from "drizzle-orm/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { generateAccessToken, hashAccessToken } from "./access-tokens.js";
import { createAuthService } from "./auth-service.js";
import { openDatabase, type DatabaseDriver, type DatabaseHandle } from "./database.js";
import { MIGRATIONS } from "./migrations.generated.js";
import { DEFAULT_TEST_ADMIN_URL, queryRows, testDrivers } from "./testing/index.js";

interface Migratable {
  dialect: { migrate(migrations: MigrationMeta[], session: unknown, config: MigrationConfig): Promise<void> };
  session: unknown;
}

/** Applies only the first migration and stores one user with one token, as a database from before sessions had public ids. */
async function seedFirstVersion(db: object, token: string): Promise<void> {
  const { dialect, session } = db as Migratable;
  await dialect.migrate(MIGRATIONS.slice(0, 1), session, { migrationsFolder: "(embedded)" });
  const execute = (db as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute.bind(db);
  await execute(sql`insert into users (email, password_hash) values ('old@example.com', 'not-a-real-hash')`);
  await execute(sql`
    insert into access_tokens (token_hash, user_id, expires_at)
    select ${hashAccessToken(token)}, id, now() + interval '1 hour' from users`);
}

/** Creates a database holding the first schema version and returns it opened (and so upgraded) by openDatabase. */
async function openUpgraded(driver: DatabaseDriver, token: string): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const folder = await mkdtemp(join(tmpdir(), "gatehouse-upgrade-"));
    const dataDir = join(folder, "db");
    const client = new PGlite(dataDir);
    await seedFirstVersion(drizzlePglite(client), token);
    await client.close();
    const handle = await openDatabase({ dataDir });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_ADMIN_URL;
  const name = `gatehouse_upgrade_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const seedClient = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await seedFirstVersion(drizzlePostgres(seedClient), token);
  await seedClient.end();
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(testDrivers())("schema upgrade on %s", (driver) => {
  it("keeps tokens issued before the upgrade valid", async () => {
    const token = generateAccessToken();
    const database = await openUpgraded(driver, token);
    try {
      const rows = await queryRows<{ public_id: string; absolute_days: number }>(
        database.db,
        sql`select public_id, round(extract(epoch from absolute_expires_at - now()) / 86400)::int as absolute_days from access_tokens`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.public_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows[0]?.absolute_days).toBe(30);

      const auth = createAuthService({ db: database.db, bcryptCost: 4 });
      const session = await auth.validate(token);
      expect(session?.user.email).toBe("old@example.com");
      expect(session?.sessionId).toBe(rows[0]?.public_id);
    } finally {
      await database.close();
    }
  });
});
