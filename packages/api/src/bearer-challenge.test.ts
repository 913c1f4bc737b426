import { createAuthService, hashAccessToken, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "./fetch-handler";
import { createLogger } from "./logger";
import { serveFetchHandler, type RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";

describe.each(testDrivers())("WWW-Authenticate on 401 on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
    server = await serveFetchHandler(createTrpcHandler({ auth, logger: createLogger({ level: "silent" }), endpoint: "/api/trpc" }));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const me = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/trpc/auth.me`, { headers });

  it("sends a bare Bearer challenge without credentials", async () => {
    const response = await me();

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("sends invalid_token for an unknown token", async () => {
    const response = await me({ authorization: `Bearer ${"x".repeat(43)}` });

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("sends invalid_token for an expired token", async () => {
    const { token } = await auth.register({ email: "expired@example.com", password: PASSWORD });
    await queryRows(
      database.db,
      sql`update access_tokens set expires_at = now() - interval '1 second' where token_hash = ${hashAccessToken(token.accessToken)}`,
    );

    const response = await me({ authorization: `Bearer ${token.accessToken}` });

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("sends no challenge on success", async () => {
    const { token } = await auth.register({ email: "valid@example.com", password: PASSWORD });

    const response = await me({ authorization: `Bearer ${token.accessToken}` });

    expect(response.status).toBe(200);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });
});
