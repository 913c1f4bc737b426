/**
 * Opens the server's database when the process starts. The process stops when
 * that fails for a reason only the operator can fix: invalid configuration, a
 * PostgreSQL server that rejects the database or the credentials, or a PGlite
 * data folder locked by another live process. Next.js would otherwise keep
 * listening and respond to every request with a bare 500, so a supervisor or a
 * person starting a second copy would see a running server that cannot work.
 * An unreachable database does not stop the process, because requests fail
 * with 503 only until it returns.
 */
import "server-only";
import { findErrorCode, isAuthError } from "@gatehouse/auth";
import { getServer } from "./server";

export interface OpenAtStartOptions {
  /**
   * Milliseconds to keep trying a locked PGlite data folder. A process that
   * crashed leaves its lock behind, and the lock counts as stale after 15
   * seconds, so a restart right after a crash waits for it instead of exiting.
   */
  lockWaitMs?: number;
}

/** Error codes of start failures that only the operator can fix. */
const FATAL_START_CODES = new Set(["INVALID_CONFIG", "DATA_DIR_LOCKED"]);
/** SQLSTATEs of a PostgreSQL server that rejects DATABASE_URL: invalid_catalog_name, invalid_password, invalid_authorization_specification. */
const FATAL_POSTGRES_CODES = new Set(["3D000", "28P01", "28000"]);
const DEFAULT_LOCK_WAIT_MS = 20_000;
const LOCK_RETRY_MS = 1_000;

/** Opens the database, or writes the cause to stderr and exits with status 1. */
export async function openAtStart(options: OpenAtStartOptions = {}): Promise<void> {
  const waitUntil = Date.now() + (options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  let announced = false;

  for (;;) {
    try {
      await getServer();
      return;
    } catch (error) {
      const postgresCode = findErrorCode(error);
      if (postgresCode !== undefined && FATAL_POSTGRES_CODES.has(postgresCode)) {
        // The server's message names the database or user, never the password in DATABASE_URL.
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`Gatehouse cannot start: the PostgreSQL server in DATABASE_URL rejected the connection (${reason}). Create the database or fix DATABASE_URL.\n`);
        process.exit(1);
      }
      if (!isAuthError(error) || !FATAL_START_CODES.has(error.code)) throw error;

      if (error.code === "DATA_DIR_LOCKED" && Date.now() + LOCK_RETRY_MS <= waitUntil) {
        if (!announced) {
          process.stderr.write("Gatehouse: the embedded database folder is locked; waiting for the lock of a stopped process to expire.\n");
          announced = true;
        }
        await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
        continue;
      }

      process.stderr.write(`Gatehouse cannot start: ${error.message}\n`);
      process.exit(1);
    }
  }
}
