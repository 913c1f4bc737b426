import { createAuthService } from "@gatehouse/auth";
import { createTestDatabase, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "./fetch-handler";
import { createLogger } from "./logger";
import { serveFetchHandler, type RunningServer } from "./test-server";

describe.each(testDrivers())("health.ping over HTTP on %s", (driver) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const auth = createAuthService({ db: database.db, bcryptCost: 4 });
    const logger = createLogger({ level: "silent" });
    server = await serveFetchHandler(createTrpcHandler({ auth, logger, endpoint: "/api/trpc" }));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("answers without a token", async () => {
    const response = await fetch(`${server.url}/api/trpc/health.ping`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { ok: true } } });
  });
});
