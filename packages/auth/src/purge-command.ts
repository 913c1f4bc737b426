import { readConfig } from "./config.js";
import { openDatabase } from "./database.js";
import { purgeExpiredTokens, type PurgeResult } from "./purge.js";

export interface PurgeCommandResult extends PurgeResult {
  driver: "postgres" | "pglite";
  milliseconds: number;
}

/**
 * Opens the database named by the environment (DATABASE_URL, or the PGlite
 * folder in GATEHOUSE_DATA_DIR), purges expired tokens once and closes it.
 */
export async function runPurgeCommand(env: Record<string, string | undefined> = process.env): Promise<PurgeCommandResult> {
  const config = readConfig(env);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const started = Date.now();
    const result = await purgeExpiredTokens(database.db);
    return { driver: database.driver, ...result, milliseconds: Date.now() - started };
  } finally {
    await database.close();
  }
}
