import { createAuthService, createLoginThrottle, parseTrustedProxies, type AuthService, type ThrottlePolicy } from "@gatehouse/auth";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrustedProxies } from "./client-ip";
import { createTrpcHandler } from "./fetch-handler";
import { MAX_BATCH_SIZE } from "./limits";
import { createLogger } from "./logger";
import { serveFetchHandler, type RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";
const IP_POLICY: ThrottlePolicy = { freeAttempts: 20, baseDelaySeconds: 30, maxDelaySeconds: 60, resetAfterSeconds: 3600 };

interface ErrorBody {
  error: { message: string; data: { code: string; httpStatus: number; retryAfterSeconds?: number } };
}

describe.each(testDrivers())("throttling over HTTP on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let direct: RunningServer;
  let proxied: RunningServer;
  const logger = createLogger({ level: "silent" });

  const login = (server: RunningServer, email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    });

  /** Returns the client addresses stored with the user's tokens, ignoring tokens issued without one. */
  const recordedAddresses = async (email: string): Promise<Array<string | null>> => {
    const rows = await queryRows<{ ip_address: string | null }>(
      database.db,
      sql`select t.ip_address from access_tokens t join users u on u.id = t.user_id where u.email = ${email} and t.ip_address is not null`,
    );
    return rows.map((row) => row.ip_address);
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({
      db: database.db,
      bcryptCost: 4,
      throttle: createLoginThrottle({ db: database.db, ip: IP_POLICY }),
    });
    direct = await serveFetchHandler(createTrpcHandler({ auth, logger, endpoint: "/api/trpc" }));
    proxied = await serveFetchHandler(
      createTrpcHandler({
        auth,
        logger,
        endpoint: "/api/trpc",
        trustedProxies: createTrustedProxies(parseTrustedProxies("127.0.0.1, ::1")),
      }),
    );
  });

  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await database?.close();
  });

  it("answers 429 with the wait after 5 failures", async () => {
    await auth.register({ email: "victim@example.com", password: PASSWORD });
    const headers = { "x-forwarded-for": "198.51.100.1" };
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(proxied, "victim@example.com", "wrong guess 123", headers)).status).toBe(401);
    }

    const response = await login(proxied, "victim@example.com", PASSWORD, headers);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(body.error.data.retryAfterSeconds).toBe(1);
    expect(body.error.message).toBe("Too many sign-in attempts. Wait 1 second, then try again.");

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await login(proxied, "victim@example.com", PASSWORD, headers)).status).toBe(200);
  });

  it("counts every call of a batch", async () => {
    const paths = Array.from({ length: MAX_BATCH_SIZE }, () => "auth.login").join(",");
    const input = Object.fromEntries(
      Array.from({ length: MAX_BATCH_SIZE }, (_, index) => [index, { email: "batch@example.com", password: "wrong guess 123" }]),
    );
    const response = await fetch(`${proxied.url}/api/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.2" },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(207);
    expect(response.headers.get("retry-after")).toBe("1");
    const results = (await response.json()) as ErrorBody[];
    const statuses = results.map((result) => result.error.data.httpStatus).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it("throttles the address a trusted proxy names", async () => {
    const spray = async (forwardedFor: string, count: number): Promise<number[]> => {
      const statuses: number[] = [];
      for (let index = 0; index < count; index++) {
        const response = await login(proxied, `spray${forwardedFor}-${index}@example.com`, "wrong guess 123", {
          "x-forwarded-for": forwardedFor,
        });
        statuses.push(response.status);
      }
      return statuses;
    };

    const first = await spray("203.0.113.7", IP_POLICY.freeAttempts + 1);
    expect(first.slice(0, IP_POLICY.freeAttempts).every((status) => status === 401)).toBe(true);
    expect(first.at(-1)).toBe(429);
    // A forged address on the left does not get the client a fresh budget.
    expect(await spray("10.9.9.9, 203.0.113.7", 1)).toEqual([429]);
    expect(await spray("203.0.113.8", 1)).toEqual([401]);
  });

  it("ignores X-Forwarded-For without a trusted proxy", async () => {
    const { accessToken } = await auth.register({ email: "direct@example.com", password: PASSWORD }).then(({ token }) => token);
    expect(accessToken).toHaveLength(43);
    const response = await login(direct, "direct@example.com", PASSWORD, { "x-forwarded-for": "198.51.100.77" });
    expect(response.status).toBe(200);
    expect(await recordedAddresses("direct@example.com")).toEqual(["127.0.0.1"]);
  });

  it("records the forwarded client with the token", async () => {
    await auth.register({ email: "proxied@example.com", password: PASSWORD });
    const response = await login(proxied, "proxied@example.com", PASSWORD, { "x-forwarded-for": "1.1.1.1, 198.51.100.9" });
    expect(response.status).toBe(200);
    expect(await recordedAddresses("proxied@example.com")).toEqual(["198.51.100.9"]);
  });
});
