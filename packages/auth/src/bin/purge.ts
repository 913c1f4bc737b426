#!/usr/bin/env node
/**
 * Deletes expired access tokens once and exits: `pnpm --filter @gatehouse/auth purge`.
 * It opens the database the server uses (DATABASE_URL, or the PGlite folder in
 * GATEHOUSE_DATA_DIR, which must not be open in a running server at the same
 * time) and prints one JSON line with the count.
 */
import { readConfig } from "../config.js";
import { openDatabase } from "../database.js";
import { isAuthError } from "../errors.js";
import { purgeExpiredTokens } from "../purge.js";

async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const started = Date.now();
    const result = await purgeExpiredTokens(database.db);
    const line = { event: "expired tokens purged", driver: database.driver, ...result, milliseconds: Date.now() - started };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = isAuthError(error) || error instanceof Error ? error.message : String(error);
  process.stderr.write(`purge failed: ${message}\n`);
  process.exitCode = 1;
});
