/**
 * Opens the server's database when the process starts, and stops the process
 * when that fails for a reason no retry can cure: invalid configuration, or a
 * PGlite data folder that another process holds. Next.js would otherwise keep
 * listening and respond to every request with a bare 500, so a supervisor or a
 * person starting a second copy would see a running server that cannot work.
 * An unreachable database does not stop the process, because requests fail
 * with 503 only until it returns.
 */
import "server-only";
import { isAuthError } from "@gatehouse/auth";
import { getServer } from "./server";

/** Error codes of start failures that only the operator can fix. */
const FATAL_START_CODES = new Set(["INVALID_CONFIG", "DATA_DIR_LOCKED"]);

export async function openAtStart(): Promise<void> {
  try {
    await getServer();
  } catch (error) {
    if (!isAuthError(error) || !FATAL_START_CODES.has(error.code)) throw error;
    process.stderr.write(`Gatehouse cannot start: ${error.message}\n`);
    process.exit(1);
  }
}
