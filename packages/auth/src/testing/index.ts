/**
 * Test support shared by the packages' integration suites: a fresh database on
 * each driver. PostgreSQL tests need a server. When it is not reachable they
 * fail with a message that names the server and the fix, and never skip.
 */
import { randomBytes } from "node:crypto";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import type { ValidatedAccessToken } from "../access-tokens.js";
import type { AuthService } from "../auth-service.js";
import {
  openDatabase,
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from "../database.js";
import { isAuthError, type AuthError } from "../errors.js";

export {
  DEFAULT_POSTGRES_BIN_DIR,
  startThrowawayPostgres,
  type ThrowawayPostgres,
  type ThrowawayPostgresOptions,
} from "./throwaway-postgres.js";

export const DEFAULT_TEST_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the created PostgreSQL database, undefined for PGlite. */
  url: string | undefined;
}

/** Returns the drivers an integration suite runs on: both, unless GATEHOUSE_TEST_DRIVERS narrows them. */
export function testDrivers(env: Record<string, string | undefined> = process.env): DatabaseDriver[] {
  const selected = (env.GATEHOUSE_TEST_DRIVERS ?? "pglite,postgres").split(",").map((value) => value.trim());
  return (["pglite", "postgres"] as const).filter((driver) => selected.includes(driver));
}

/**
 * Opens an empty, migrated database: in-memory PGlite, or a new PostgreSQL
 * database on the server at TEST_DATABASE_URL, dropped again on close.
 */
export async function createTestDatabase(
  driver: DatabaseDriver,
  options: Pick<OpenDatabaseOptions, "queryLogger"> = {},
): Promise<TestDatabase> {
  if (driver === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://", queryLogger: options.queryLogger });
    return { ...handle, url: undefined };
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_ADMIN_URL;
  const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(adminUrl)} (${reason}). ` +
        "Start it, set TEST_DATABASE_URL to a server where the user may create databases, " +
        "or set GATEHOUSE_TEST_DRIVERS=pglite to run only the embedded-database tests.",
    );
  }

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 25, queryLogger: options.queryLogger });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

/** Runs raw SQL and returns its rows on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<Row = Record<string, unknown>>(db: Database, query: SQL | string): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** Awaits a call that must fail with an AuthError and returns that error; any other outcome fails the test. */
export async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    if (isAuthError(error)) return error;
    throw error;
  }
  throw new Error("expected an AuthError, but the call succeeded");
}

/** Validates a token that must be valid and returns its session; a rejected token fails the test. */
export async function requireSession(auth: AuthService, token: string, now?: Date): Promise<ValidatedAccessToken> {
  const session = await auth.validate(token, { now });
  if (!session) throw new Error("expected the token to validate, but it was rejected");
  return session;
}
