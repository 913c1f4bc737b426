#!/usr/bin/env node
/**
 * Deletes expired access tokens once and exits: `pnpm --filter @gatehouse/auth purge`.
 * It opens the database the server uses (DATABASE_URL, or the PGlite folder in
 * GATEHOUSE_DATA_DIR, which no running server may have open) and prints one
 * JSON line with the count.
 */
import { isAuthError } from "../errors.js";
import { runPurgeCommand } from "../purge-command.js";

runPurgeCommand()
  .then((result) => {
    process.stdout.write(`${JSON.stringify({ event: "expired tokens purged", ...result })}\n`);
  })
  .catch((error: unknown) => {
    const message = isAuthError(error) || error instanceof Error ? error.message : String(error);
    process.stderr.write(`purge failed: ${message}\n`);
    process.exitCode = 1;
  });
