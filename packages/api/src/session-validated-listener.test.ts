import { createAuthService, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ValidatedSessionEvent } from "./context";
import { createTrpcHandler } from "./fetch-handler";
import { createLogger } from "./logger";
import { SESSION_COOKIE_NAME } from "./session-token-cookie";
import { serveFetchHandler, type RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";
const IDLE_SECONDS = 600;

describe.each(testDrivers())("onSessionValidated on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;
  let counter = 0;
  const events: ValidatedSessionEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4, sessionIdleSeconds: IDLE_SECONDS });
    server = await serveFetchHandler(
      createTrpcHandler({
        auth,
        logger: createLogger({ level: "silent" }),
        endpoint: "/api/trpc",
        onSessionValidated: (event) => {
          events.push(event);
        },
      }),
    );
  });

  beforeEach(() => {
    events.length = 0;
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function signUp(): Promise<string> {
    const { token } = await auth.register({ email: `listener${++counter}@example.com`, password: PASSWORD });
    return token.accessToken;
  }

  /** Moves the token's idle deadline to one second from now, so the next validation renews it. */
  async function makeRenewalDue(token: string): Promise<void> {
    const session = await auth.validate(token);
    const rows = await queryRows<{ id: string }>(
      database.db,
      sql`update access_tokens set expires_at = now() + interval '1 second' where public_id = ${session?.sessionId ?? ""} returning public_id as id`,
    );
    expect(rows).toHaveLength(1);
  }

  const me = (headers: Record<string, string>) => fetch(`${server.url}/api/trpc/auth.me`, { headers });

  it("reports a renewal through the cookie", async () => {
    const token = await signUp();
    await makeRenewalDue(token);

    const response = await me({ cookie: `${SESSION_COOKIE_NAME}=${token}` });

    expect(response.status).toBe(200);
    expect(events).toHaveLength(1);
    expect(events[0]?.source).toBe("cookie");
    expect(events[0]?.token).toBe(token);
    expect(events[0]?.session.renewed).toBe(true);
    const secondsLeft = ((events[0]?.session.expiresAt.getTime() ?? 0) - Date.now()) / 1000;
    expect(secondsLeft).toBeGreaterThan(IDLE_SECONDS - 30);
  });

  it("reports no renewal when none was due", async () => {
    const token = await signUp();

    await me({ cookie: `${SESSION_COOKIE_NAME}=${token}` });

    expect(events).toHaveLength(1);
    expect(events[0]?.session.renewed).toBe(false);
  });

  it("names the bearer header as the source", async () => {
    const token = await signUp();

    await me({ authorization: `Bearer ${token}` });

    expect(events.map((event) => event.source)).toEqual(["bearer"]);
  });

  it("is not called for an unknown token", async () => {
    const response = await me({ cookie: `${SESSION_COOKIE_NAME}=${"x".repeat(43)}` });

    expect(response.status).toBe(401);
    expect(events).toEqual([]);
  });

  it("is not called by public procedures", async () => {
    const response = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: PASSWORD }),
    });

    expect(response.status).toBe(401);
    expect(events).toEqual([]);
  });
});
