/**
 * Opens the database: PostgreSQL through postgres.js when a URL is given,
 * otherwise embedded PGlite (PostgreSQL compiled to WebAssembly) in a data folder.
 * Both apply the same committed drizzle-kit migrations before returning.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import type { MigrationConfig, MigrationMeta } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockDataDir } from "./data-dir-lock.js";
import { MIGRATIONS } from "./migrations.generated.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Closes connections and, for PGlite, releases the data folder lock. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL. When absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite's data folder, or "memory://" for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** Largest number of pooled PostgreSQL connections. */
  maxConnections?: number | undefined;
  /** Receives every query the returned `db` runs (not the migrations), for tests and tracing. */
  queryLogger?: Logger | undefined;
  /** Seconds to wait for a PostgreSQL connection before the query fails; defaults to 2. */
  connectTimeoutSeconds?: number | undefined;
}

export const DEFAULT_DATA_DIR = ".data/gatehouse";
/**
 * A connection to a reachable server takes milliseconds. Waiting longer only
 * makes every request hang while the database is down or a network path is
 * dead. After this many seconds the query fails with CONNECT_TIMEOUT, which
 * the API turns into 503.
 */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 2;
/**
 * Server-side limit for one statement, so a query stuck on a lock cannot hold a connection for long.
 * NOTE: no timeout here covers a server that stops replying in the middle of a query.
 * Such a query waits until the operating system gives up on the TCP connection.
 */
const STATEMENT_TIMEOUT_MS = 10_000;
/** Pooled connections idle this long are closed, so a pool does not keep sockets a restarted server has forgotten. */
const IDLE_TIMEOUT_SECONDS = 60;
/** Any 64-bit key works; this one is "gatehous" in ASCII, so other tools' keys will not collide by chance. */
const MIGRATION_LOCK_KEY = 0x67617465686f7573n;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    return openPostgres(options.url, {
      max: options.maxConnections ?? 10,
      connectTimeout: options.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
      logger: options.queryLogger,
    });
  }
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR, options.queryLogger);
}

interface PostgresOptions {
  max: number;
  connectTimeout: number;
  logger: Logger | undefined;
}

async function openPostgres(url: string, limits: PostgresOptions): Promise<DatabaseHandle> {
  // Migrations run on one dedicated connection under an advisory lock, so that
  // instances starting at the same time apply each migration once.
  const migrationClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: limits.connectTimeout });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    await applyMigrations(drizzlePostgres(migrationClient));
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
  } finally {
    await migrationClient.end({ timeout: 5 });
  }

  const client = postgres(url, {
    max: limits.max,
    onnotice: () => {},
    connect_timeout: limits.connectTimeout,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    connection: { statement_timeout: STATEMENT_TIMEOUT_MS },
  });
  const db = drizzlePostgres(client, { schema, logger: limits.logger }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, logger: Logger | undefined): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock: (() => Promise<void>) | undefined;
  let location = dataDir;
  if (!inMemory) {
    location = resolve(dataDir);
    await mkdir(dirname(location), { recursive: true });
    releaseLock = await lockDataDir(location);
  }

  try {
    const client = new PGlite(location);
    await client.waitReady;
    await applyMigrations(drizzlePglite(client, { schema }));
    return {
      db: drizzlePglite(client, { schema, logger }) as unknown as Database,
      driver: "pglite",
      close: async () => {
        await client.close();
        await releaseLock?.();
      },
    };
  } catch (error) {
    await releaseLock?.();
    throw error;
  }
}

interface Migratable {
  dialect: { migrate(migrations: MigrationMeta[], session: unknown, config: MigrationConfig): Promise<void> };
  session: unknown;
}

/**
 * Applies the embedded migrations the way drizzle-orm's migrate() does for a
 * folder: same journal table, same hashes, so either can take over from the other.
 */
async function applyMigrations(db: object): Promise<void> {
  const { dialect, session } = db as Migratable;
  await dialect.migrate(MIGRATIONS, session, { migrationsFolder: "(embedded)" });
}
