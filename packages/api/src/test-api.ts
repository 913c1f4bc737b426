/**
 * Test support: the API served over loopback HTTP on a fresh database of one
 * driver, with bcrypt at its cheapest cost so suites stay fast.
 */
import { createAuthService, type AuthService, type DatabaseDriver } from "@gatehouse/auth";
import { createTestDatabase, type TestDatabase } from "@gatehouse/auth/testing";
import { createTrpcHandler } from "./fetch-handler";
import type { Logger } from "./logger";
import { serveFetchHandler, type RunningServer } from "./test-server";

export interface TestApi {
  database: TestDatabase;
  auth: AuthService;
  server: RunningServer;
}

/** Opens a test database and serves the router at `/api/trpc`; close `server`, then `database`. */
export async function startTestApi(driver: DatabaseDriver, logger: Logger): Promise<TestApi> {
  const database = await createTestDatabase(driver);
  const auth = createAuthService({ db: database.db, bcryptCost: 4 });
  const server = await serveFetchHandler(createTrpcHandler({ auth, logger, endpoint: "/api/trpc" }));
  return { database, auth, server };
}
