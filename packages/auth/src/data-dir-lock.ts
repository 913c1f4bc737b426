/**
 * An exclusive lock on PGlite's data folder. PGlite has no lock of its own: two
 * processes can open one folder, and each then overwrites the other's writes.
 * The lock is a sibling folder "<dataDir>.lock" made with mkdir, which is atomic;
 * its holder touches it every few seconds, and a lock untouched for 15 seconds is
 * taken to belong to a process that died.
 */
import lockfile from "proper-lockfile";
import { AuthError } from "./errors.js";

const STALE_AFTER_MS = 15_000;
const REFRESH_EVERY_MS = 5_000;

export type ReleaseLock = () => Promise<void>;

export async function lockDataDir(dataDir: string): Promise<ReleaseLock> {
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      stale: STALE_AFTER_MS,
      update: REFRESH_EVERY_MS,
      retries: 0,
    });
  } catch (error) {
    if (isLockHeld(error)) {
      throw new AuthError(
        "DATA_DIR_LOCKED",
        `The embedded database folder ${dataDir} is in use by another Gatehouse process. ` +
          "Stop that process first, or set GATEHOUSE_DATA_DIR to another folder, " +
          "or set DATABASE_URL to use a PostgreSQL server.",
        { cause: error },
      );
    }
    throw error;
  }
}

function isLockHeld(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ELOCKED";
}
