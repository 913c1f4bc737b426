/**
 * A vitest fixture for integration suites that need one database and one auth
 * service per driver. It lives apart from testing/index.ts because it imports
 * vitest, which only test files may load.
 */
import { afterAll, beforeAll } from "vitest";
import { createAuthService, type AuthService } from "../auth-service.js";
import type { DatabaseDriver } from "../database.js";
import { createTestDatabase, type TestDatabase } from "./index.js";

export interface AuthFixture {
  readonly database: TestDatabase;
  readonly auth: AuthService;
}

/**
 * Registers hooks that open a fresh database on `driver` with an auth service
 * at bcrypt cost 4 before the suite, and close the database after it.
 */
export function useAuthFixture(driver: DatabaseDriver): AuthFixture {
  let database: TestDatabase | undefined;
  let auth: AuthService | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
  });

  afterAll(async () => {
    await database?.close();
  });

  return {
    get database(): TestDatabase {
      if (!database) throw new Error("the test database is not open: use the fixture inside a test, after beforeAll");
      return database;
    },
    get auth(): AuthService {
      if (!auth) throw new Error("the auth service is not created: use the fixture inside a test, after beforeAll");
      return auth;
    },
  };
}
