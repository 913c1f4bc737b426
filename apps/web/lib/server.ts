/**
 * The server's single set of long-lived objects: configuration, logger,
 * database, password hashing pool and auth service. They are created once per
 * process on first use and kept on globalThis, so that development reloads
 * reuse the open database (PGlite's folder lock would otherwise reject the
 * second open) and the pool's threads.
 */
import "server-only";
import { createLogger, summarizeError, type Logger } from "@gatehouse/api";
import {
  createAuthService,
  createLoginThrottle,
  createWorkerPasswordHasher,
  DEFAULT_ACCOUNT_THROTTLE,
  openDatabase,
  readConfig,
  startPurgeSchedule,
  type AuthService,
  type DatabaseHandle,
  type GatehouseConfig,
  type PurgeSchedule,
  type WorkerPasswordHasher,
} from "@gatehouse/auth";

export interface Server {
  config: GatehouseConfig;
  logger: Logger;
  database: DatabaseHandle;
  auth: AuthService;
  /** Deletes expired tokens every GATEHOUSE_PURGE_INTERVAL_SECONDS; a no-op when that is 0. */
  purgeSchedule: PurgeSchedule;
  /** The bcrypt worker pool, or undefined when GATEHOUSE_HASH_THREADS is 0. */
  hasher: WorkerPasswordHasher | undefined;
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
  // The worker script is resolved from the working directory, because the bundled
  // auth package has no files next to it. `pnpm start` runs in this app's folder.
  const hasher = config.hashThreads > 0 ? createWorkerPasswordHasher({ threads: config.hashThreads }) : undefined;
  logger.info({ hashThreads: config.hashThreads }, hasher ? "password hashing pool started" : "password hashing on the main thread");
  closeOnSignal(hasher, logger);

  const auth = createAuthService({
    db: database.db,
    bcryptCost: config.bcryptCost,
    sessionIdleSeconds: config.sessionIdleSeconds,
    sessionAbsoluteSeconds: config.sessionAbsoluteSeconds,
    hasher,
    throttle: createLoginThrottle({
      db: database.db,
      account: { ...DEFAULT_ACCOUNT_THROTTLE, freeAttempts: config.throttleFreeAttempts },
    }),
  });
  const purgeSchedule = startPurgeSchedule(database.db, {
    intervalSeconds: config.purgeIntervalSeconds,
    onPurged: (result) => {
      if (result.deleted > 0) logger.info(result, "expired tokens purged");
    },
    onError: (error) => logger.error(summarizeError(error), "purging expired tokens failed"),
  });
  return { config, logger, database, auth, purgeSchedule, hasher };
}

/**
 * Stops the pool's threads when the process is asked to stop. Next.js handles
 * the same signals by closing the HTTP server and then exiting. The pool still
 * finishes hashes already queued, but a login that reaches the pool after the
 * signal fails with an error id.
 */
function closeOnSignal(hasher: WorkerPasswordHasher | undefined, logger: Logger): void {
  if (!hasher) return;
  const close = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, "closing password hashing pool");
    hasher.close().catch((error: unknown) => logger.error(summarizeError(error), "password hashing pool failed to close"));
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}
