/**
 * The server's single set of long-lived objects: configuration, logger,
 * database and auth service. They are created once per process on first use
 * and kept on globalThis, so that development reloads reuse the open database
 * (PGlite's folder lock would otherwise reject the second open).
 */
import "server-only";
import { createLogger, summarizeError, type Logger } from "@gatehouse/api";
import {
  createAuthService,
  openDatabase,
  readConfig,
  startPurgeSchedule,
  type AuthService,
  type DatabaseHandle,
  type GatehouseConfig,
  type PurgeSchedule,
} from "@gatehouse/auth";

export interface Server {
  config: GatehouseConfig;
  logger: Logger;
  database: DatabaseHandle;
  auth: AuthService;
  /** Deletes expired tokens every GATEHOUSE_PURGE_INTERVAL_SECONDS; a no-op when that is 0. */
  purgeSchedule: PurgeSchedule;
}

const globalKey = Symbol.for("gatehouse.server");
type GlobalWithServer = typeof globalThis & { [globalKey]?: Promise<Server> };

export function getServer(): Promise<Server> {
  const store = globalThis as GlobalWithServer;
  store[globalKey] ??= startServer().catch((error: unknown) => {
    // A failed start is not cached, so the next request tries again.
    delete store[globalKey];
    throw error;
  });
  return store[globalKey];
}

async function startServer(): Promise<Server> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    connectTimeoutSeconds: config.dbConnectTimeoutSeconds,
  });
  logger.info(
    { driver: database.driver, dataDir: database.driver === "pglite" ? config.dataDir : undefined },
    "database opened and migrated",
  );
  const auth = createAuthService({
    db: database.db,
    bcryptCost: config.bcryptCost,
    sessionIdleSeconds: config.sessionIdleSeconds,
    sessionAbsoluteSeconds: config.sessionAbsoluteSeconds,
  });
  const purgeSchedule = startPurgeSchedule(database.db, {
    intervalSeconds: config.purgeIntervalSeconds,
    onPurged: (result) => {
      if (result.deleted > 0) logger.info(result, "expired tokens purged");
    },
    onError: (error) => logger.error(summarizeError(error), "purging expired tokens failed"),
  });
  return { config, logger, database, auth, purgeSchedule };
}
